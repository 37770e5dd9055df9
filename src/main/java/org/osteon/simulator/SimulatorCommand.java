package org.osteon.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts simulated wearables against a running Osteon: registers a demo patient per device over
 * REST (unless {@code --no-register}), prints where to look, plays realistic seeded days from now
 * on, and writes each device-day's ground truth. See docs/simulator.md.
 */
public final class SimulatorCommand {
    private SimulatorCommand() {}

    public static void main(String[] args) throws Exception {
        // The one place the simulator reads the system clock: everything below takes this one.
        Clock clock = Clock.systemUTC();
        SimulatorArguments a;
        try {
            a = SimulatorArguments.parse(args, clock);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SimulatorArguments.USAGE);
            System.exit(2);
            return;
        }
        List<String> patients = a.register() ? register(a) : List.of();
        Instant start = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(a.length());
        printWhereToLook(a, patients);
        RunReport report;
        try (Simulation sim = new Simulation(a.options(), clock)) {
            for (int i = 0; i < a.devices(); i++) {
                // Each device's signal has a seed of its own, or two devices with alike plans would move alike.
                long deviceSeed = a.seed() * 1_000_003L + i;
                sim.addDevice(deviceId(a, i), deviceSeed, DayPlanner.days(a.seed(), i, start, end));
            }
            report = sim.run(start, end);
        }
        System.out.println(report);
        System.out.println("Ground truth: " + a.out().toAbsolutePath());
        System.exit(report.total(DeviceReport::unreceipted) == 0 && report.total(DeviceReport::rejected) == 0 ? 0 : 1);
    }

    private static String deviceId(SimulatorArguments a, int i) {
        return a.prefix() + "-" + i;
    }

    private static List<String> register(SimulatorArguments a) throws Exception {
        RegistryClient registry = new RegistryClient(a.service(), a.token());
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < a.devices(); i++) {
            String patient = registry.createPatient("Demo patient " + (i + 1), "UTC", 60 + i % 25);
            registry.registerDevice(patient, deviceId(a, i), "wrist", 16, "osteon-sim");
            patients.add(patient);
        }
        return patients;
    }

    private static void printWhereToLook(SimulatorArguments a, List<String> patients) {
        String base = a.service().toString().replaceAll("/$", "");
        System.out.printf("Simulating %d wearables (seed %d, speed %s, %s of data) on %s%n", a.devices(), a.seed(),
                a.speed() == 0 ? "max" : a.speed() + "x", a.length(), a.broker());
        System.out.println("  Swagger UI:  " + base + "/q/swagger-ui");
        for (int i = 0; i < Math.min(patients.size(), 5); i++) {
            System.out.println("  patient " + patients.get(i) + ": " + base + "/api/v1/patients/" + patients.get(i)
                    + "/adherence");
        }
        System.out.println("  sync status: " + base + "/api/v1/devices/" + deviceId(a, 0) + "/sync-status");
        if (a.token() != null) {
            System.out.println("  token:       " + a.token());
        }
    }
}
