package org.osteon.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic.Physio;

/**
 * What the tests of scoring and of progress share: a Vienna patient with a wrist device, the
 * evening (yesterday into today by the tests' clock) they play, and its signal sent as JSON
 * batches over the machine's broker. See EngineTest for why yesterday.
 */
public final class EngineFixtures {
    public static final String BROKER = "tcp://127.0.0.1:1883";
    public static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    public static final Duration SCORED = Duration.ofSeconds(90);

    private EngineFixtures() {}

    public record Patient(Physio physio, String id, String deviceId) {}

    /**
     * The day whose evening the tests play: yesterday in Vienna by the tests' clock, so that its
     * two hours into today are never more than an hour or two ahead of the clock, at any hour.
     */
    public static LocalDate evening() {
        return today().minusDays(1);
    }

    /** Today in Vienna by the tests' clock, which is the service's. */
    public static LocalDate today() {
        return LocalDate.now(TestClock.CLOCK.withZone(VIENNA));
    }

    public static Instant lateEvening(LocalDate day) {
        return day.atTime(23, 0).atZone(VIENNA).toInstant();
    }

    /** A patient with a wrist device registered, for the test's sake, a month ago. */
    public static Patient newPatient(Jdbc jdbc) {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, VIENNA.getId());
        String device = Registry.newDevice(patient, 16);
        jdbc.update(
                "update device set registered_at = ?, data_from = ? where id = ?",
                TestClock.CLOCK.instant().minus(Duration.ofDays(30)),
                TestClock.CLOCK.instant().minus(Duration.ofDays(30)),
                device);
        return new Patient(physio, patient, device);
    }

    /** JSON batches of {@code signal} from {@code start}, cut into {@code sizes} (cycled), seq numbered in time order. */
    public static List<byte[]> batches(Signals signal, Instant start, long firstSeq, List<Integer> sizes) {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < signal.length(); i++) {
            int n = Math.min(sizes.get(i % sizes.size()), signal.length() - at);
            Instant t = start.plusMillis(at * 1000L / Signals.RATE_HZ);
            out.add(Batches.accelJson(
                    firstSeq + i,
                    t,
                    Signals.RATE_HZ,
                    Arrays.copyOfRange(signal.x, at, at + n),
                    Arrays.copyOfRange(signal.y, at, at + n),
                    Arrays.copyOfRange(signal.z, at, at + n)));
            at += n;
        }
        return out;
    }

    public static List<Integer> randomSizes(Random random) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sizes.add(1 + random.nextInt(900 * Signals.RATE_HZ));
        }
        return sizes;
    }

    public static void publish(String deviceId, List<byte[]> payloads) throws Exception {
        try (DeviceClient device = new DeviceClient(BROKER, deviceId)) {
            for (byte[] p : payloads) {
                device.publishAccel(p);
            }
        }
    }
}
