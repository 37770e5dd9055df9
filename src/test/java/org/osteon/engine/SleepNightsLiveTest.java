package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.SignalGenerator;
import org.osteon.support.Clinic;
import org.osteon.support.Registry;

/**
 * A day scored live, a little data at a time as a wearable streams it, ends with exactly the
 * nights, waking values and sleep epochs of the same data scored at once: what SleepNights leaves
 * unwritten between live scorings is what could not have changed. Two planned simulator days
 * (SleepNightsTest's), the second streamed after the first was scored, then a third streamed, so
 * that both the night before a live day and the night after it are found.
 */
@QuarkusTest
class SleepNightsLiveTest {
    static final LocalDate FIRST = SleepNightsTest.FIRST;

    @Inject
    Jdbc jdbc;

    /** Seconds of each batch of a day, in order: uneven, some shorter than an epoch, to midnight. */
    static List<Integer> liveSteps() {
        List<Integer> steps = new ArrayList<>();
        // The night's end and the morning in hours (the night before the day changes each time).
        for (int h = 0; h < 11; h++) {
            steps.add(3600);
        }
        // Around noon, where the night before ends, and the afternoon in small steps.
        steps.addAll(List.of(3599, 1, 2, 3, 7, 600, 1, 1, 1, 1, 1, 3000));
        int sum = steps.stream().mapToInt(Integer::intValue).sum();
        while (sum < 86_400) {
            int s = Math.min(5400, 86_400 - sum);
            steps.add(s);
            sum += s;
        }
        return steps;
    }

    /** Stores the planned day in batches of {@code steps} seconds, scoring after each when {@code live}. */
    void stream(String patientId, String deviceId, int day, List<Integer> steps, boolean live) {
        DayPlan plan = SleepNightsTest.plan(day);
        SignalGenerator g =
                new SignalGenerator("sleep", plan, SleepNightsTest.RATE_HZ, SleepNightsTest.SEED + day, true);
        long second = 0;
        int seq = 0;
        for (int seconds : steps) {
            int n = (int) (seconds * SleepNightsTest.RATE_HZ);
            float[] x = new float[n];
            float[] y = new float[n];
            float[] z = new float[n];
            int filled = g.fill(x, y, z, 0, n);
            ByteBuffer b = ByteBuffer.allocate(filled * 6).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] axis : new float[][] {x, y, z}) {
                for (int i = 0; i < filled; i++) {
                    b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(axis[i] * SleepNightsTest.SCALE))));
                }
            }
            jdbc.update(
                    "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                            + "values (?, ?, ?, ?, ?, 1, ?, ?)",
                    deviceId,
                    day * 1000L + seq++,
                    plan.start().plusSeconds(second),
                    SleepNightsTest.RATE_HZ,
                    filled,
                    SleepNightsTest.SCALE,
                    b.array());
            second += seconds;
            if (live) {
                score(patientId, FIRST.plusDays(day));
            }
        }
        if (!live) {
            score(patientId, FIRST.plusDays(day));
        }
    }

    void score(String patientId, LocalDate day) {
        jdbc.update(
                "insert into day_dirty (patient_id, local_date, since, marked_at) values (?::uuid, ?, now(), now()) "
                        + "on conflict (patient_id, local_date) do update set marked_at = now(), version = day_dirty.version + 1",
                patientId,
                day);
        await().atMost(Duration.ofMinutes(3))
                .until(() -> jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patientId) == 0);
    }

    /**
     * Every stored value of the patient's nights, sleep epochs and waking values, as text rows
     * (made text by PostgreSQL: the driver's own text of a number differs once it reads a
     * statement it has prepared in binary).
     */
    List<String> stored(String patientId) {
        List<String> rows = new ArrayList<>();
        jdbc.list(
                "select night_date, onset::text, wake::text, duration_minutes::text, midpoint::text, threshold_deg::text, "
                        + "provenance::text "
                        + "from sleep_night where patient_id = ?::uuid order by night_date",
                rs -> rows.add("night " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7)),
                patientId);
        jdbc.list(
                "select local_date, starts_at::text, epoch_seconds::text, md5(z_angle), sedentary_runs::text "
                        + "from day_sleep_epochs where patient_id = ?::uuid order by local_date",
                rs -> rows.add("epochs " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getString(5)),
                patientId);
        jdbc.list(
                "select local_date, waking_sedentary_minutes::text, waking_longest_sedentary_bout_minutes::text, "
                        + "sedentary_minutes::text, rolling7_ra::text, relative_amplitude::text, provenance::text "
                        + "from day_summary "
                        + "where patient_id = ?::uuid order by local_date",
                rs -> rows.add("day " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6) + " "
                        + rs.getString(7).replace(device(patientId), "DEVICE")),
                patientId);
        return rows;
    }

    String utcWristPatient() {
        String patient = Clinic.newPatientOf(Clinic.newPhysio(), "UTC");
        String device = Registry.newDevice(patient, 8);
        jdbc.update(
                "update device set placement = 'wrist', registered_at = ?, data_from = ? where id = ?",
                FIRST.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                FIRST.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                device);
        return patient;
    }

    String device(String patientId) {
        return jdbc.one("select id from device where patient_id = ?::uuid", rs -> rs.getString(1), patientId)
                .orElseThrow();
    }

    @Test
    void aDayScoredLiveInSmallStepsStoresWhatScoringItOnceStores() {
        String live = utcWristPatient();
        String once = utcWristPatient();
        List<Integer> whole = List.of(86_400);
        for (String p : List.of(live, once)) {
            stream(p, device(p), 0, whole, false);
        }
        stream(live, device(live), 1, liveSteps(), true);
        stream(once, device(once), 1, whole, false);
        List<String> afterTwo = stored(live);
        assertThat(afterTwo).isEqualTo(stored(once));
        // The live day's morning ended night 0 and its epochs are kept: the comparison has content.
        assertThat(afterTwo).filteredOn(r -> r.startsWith("night ")).hasSize(1);
        assertThat(afterTwo).filteredOn(r -> r.startsWith("epochs ")).hasSize(2);

        stream(live, device(live), 2, List.of(3600, 7200, 1, 4, 25_000, 3, 50_000, 592), true);
        stream(once, device(once), 2, whole, false);
        assertThat(stored(live)).isEqualTo(stored(once));
        assertThat(stored(live)).filteredOn(r -> r.startsWith("night ")).hasSize(2);
    }
}
