package org.osteon.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.osteon.auth.AuthConfig;
import org.osteon.auth.LocalSigningKey;
import org.osteon.auth.LocalTokens;
import org.osteon.auth.Roles;

/**
 * Starts simulated wearables against a running Osteon: registers a demo patient per device over
 * REST (unless {@code --no-register}), prescribes their programs, answers their questionnaires
 * (with {@code --patient-keys}), prints where to look once, syncs
 * their history, plays realistic seeded days from now on, and writes each device-day's ground
 * truth. See docs/simulator.md.
 */
public final class SimulatorCommand {
    private SimulatorCommand() {}

    /** The demo patients' time zone: the simulated days are UTC days. */
    static final String ZONE = "UTC";

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
        Instant live = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = live.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate firstDay = today.minusDays(a.historyDays());
        Instant start = a.historyDays() == 0
                ? live
                : firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = live.plus(a.length());
        List<String> patients = a.register() ? register(a, start, firstDay) : List.of();
        if (a.patientKeys() != null) {
            answerQuestionnaires(a, patients, firstDay, today, clock);
        }
        whereToLook(a, patients).forEach(System.out::println);
        RunReport report;
        try (Simulation sim = new Simulation(a.options(), clock)) {
            for (int i = 0; i < a.devices(); i++) {
                // Each device's signal has a seed of its own, or two devices with alike plans would move alike.
                long deviceSeed = a.seed() * 1_000_003L + i;
                List<DayPlan> plans = new ArrayList<>();
                if (start.isBefore(live)) {
                    plans.addAll(DayPlanner.days(a.seed(), i, start, live, a.habit(i), today));
                }
                plans.addAll(
                        a.opening()
                                ? DayPlanner.withOpening(a.seed(), i, live, end, a.habit(i))
                                : DayPlanner.days(a.seed(), i, live, end, a.habit(i), today));
                sim.addDevice(deviceId(a, i), deviceSeed, plans);
            }
            report = sim.run(start, live, end);
        }
        System.out.println(report);
        System.out.println("Ground truth: " + a.out().toAbsolutePath());
        System.exit(report.total(DeviceReport::unreceipted) == 0 && report.total(DeviceReport::rejected) == 0 ? 0 : 1);
    }

    static String deviceId(SimulatorArguments a, int i) {
        return a.prefix() + "-" + i;
    }

    static String silentDeviceId(SimulatorArguments a, int i) {
        return a.prefix() + "-silent-" + i;
    }

    /**
     * Registers a patient per device, accepting the device's recordings from the start of the
     * history, prescribes each the next of {@code --programs} from its first day, and registers the
     * silent patients after them. Returns the patients in that order.
     */
    static List<String> register(SimulatorArguments a, Instant historyStart, LocalDate firstDay) throws Exception {
        RegistryClient registry = new RegistryClient(a.service(), a.token());
        List<String> patients = new ArrayList<>();
        int n = a.devices() + a.silent();
        for (int i = 0; i < n; i++) {
            boolean silent = i >= a.devices();
            String name = silent
                    ? "Demo patient " + (i + 1) + " (silent device)"
                    : "Demo patient " + (i + 1) + " (" + a.habit(i).name().toLowerCase(java.util.Locale.ROOT) + ")";
            String patient = registry.createPatient(name, ZONE, 60 + i % 25);
            registry.registerDevice(
                    patient,
                    silent ? silentDeviceId(a, i - a.devices()) : deviceId(a, i),
                    "wrist",
                    16,
                    "osteon-sim",
                    a.historyDays() > 0 && !silent ? historyStart : null);
            if (!a.programs().isEmpty()) {
                registry.prescribe(patient, a.programs().get(i % a.programs().size()), firstDay, "demo programme");
            }
            patients.add(patient);
        }
        return patients;
    }

    /**
     * Each registered patient's app answers their questionnaires of the history ({@link MoodDiary}),
     * with a patient token signed by the service's local key; the silent patients answer none.
     */
    static void answerQuestionnaires(
            SimulatorArguments a, List<String> patients, LocalDate firstDay, LocalDate today, Clock clock)
            throws Exception {
        LocalTokens tokens = new LocalTokens(LocalSigningKey.loadOrCreate(a.patientKeys()), AuthConfig.LOCAL_ISSUER);
        for (int i = 0; i < Math.min(a.devices(), patients.size()); i++) {
            String patient = patients.get(i);
            RegistryClient app = new RegistryClient(
                    a.service(), tokens.sign(Roles.PATIENT, patient, clock.instant(), Duration.ofHours(1)));
            for (MoodDiary.Answer answer : MoodDiary.answers(patient, a.habit(i), firstDay, today)) {
                app.submitAnswers(patient, answer);
            }
        }
    }

    /** What the run prints before it starts: where to look, each URL once and as it works. */
    static List<String> whereToLook(SimulatorArguments a, List<String> patients) {
        String base = a.service().toString().replaceAll("/$", "");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                java.util.Locale.ROOT,
                "Simulating %d wearables (seed %d, speed %s, %s of data%s) on %s",
                a.devices(),
                a.seed(),
                a.speed() == 0 ? "max" : a.speed() + "x",
                a.length(),
                a.historyDays() > 0 ? " after " + a.historyDays() + " days of history" : "",
                a.broker()));
        lines.add("  Swagger UI:  " + base + "/q/swagger-ui");
        if (!patients.isEmpty()) {
            lines.add("  roster:      " + base + "/api/v1/physiotherapists/me/patients");
            lines.add("  alerts:      " + base + "/api/v1/alerts");
        }
        for (int i = 0; i < Math.min(patients.size(), 5); i++) {
            lines.add("  patient " + (i + 1) + ":   " + base + "/api/v1/patients/" + patients.get(i)
                    + "/adherence?by=week");
        }
        lines.add("  sync status: " + base + "/api/v1/devices/" + deviceId(a, 0) + "/sync-status");
        return lines;
    }
}
