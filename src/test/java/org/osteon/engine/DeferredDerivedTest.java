package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.SignalGenerator;

/**
 * A live day scored while the engine is behind gets its summary at every scoring and its derived
 * values (sleep epochs, waking sedentary time, circadian values) later, named in the row's
 * provenance ({@code derivedThrough}); once the day stops receiving data it ends exactly as the
 * same data scored at once. Behind is made real: more live days than one claim takes are marked in
 * one statement, so a worker's claim comes back full.
 */
@QuarkusTest
class DeferredDerivedTest {
    static final LocalDate DAY = SleepNightsTest.FIRST.plusDays(1);
    /** One more than a claim (osteon.engine.claim-size, 16): one claim comes back full. */
    static final int LIVE = 17;

    static final int STEPS = 6;
    static final int STEP_SECONDS = 600;

    @Inject
    Jdbc jdbc;

    @Inject
    EngineConfig config;

    @Test
    void behindALiveDaysDerivedValuesWaitAndEndAsScoredAtOnce() {
        assertThat(LIVE).isGreaterThan(config.claimSize());
        assertThat(config.derivedInterval()).isPositive();
        SleepNightsLiveTest helper = new SleepNightsLiveTest();
        helper.jdbc = jdbc;
        List<String> live = new ArrayList<>();
        for (int i = 0; i < LIVE; i++) {
            live.add(helper.utcWristPatient());
        }
        String once = helper.utcWristPatient();
        DayPlan plan = SleepNightsTest.plan(1);
        byte[][] batches = batches(plan);

        Set<String> deferredRows = new HashSet<>();
        for (int step = 0; step < STEPS; step++) {
            for (String p : live) {
                insert(helper.device(p), step, plan.start().plusSeconds((long) step * STEP_SECONDS), batches[step]);
            }
            markAll(live);
            Instant through = plan.start().plusSeconds((long) (step + 1) * STEP_SECONDS);
            int s = step;
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                List<String[]> rows = provenance(live);
                for (String[] r : rows) {
                    if (r[1] != null) {
                        // Deferred: the derived values are of earlier data than the summary, and
                        // their provenance is still there.
                        assertThat(Instant.parse(r[1])).isBefore(Instant.parse(r[0]));
                        assertThat(r[2]).isEqualTo("true");
                        deferredRows.add(s + " " + r[0]);
                    }
                }
                return rows.size() == LIVE
                        && rows.stream().allMatch(r -> Instant.parse(r[0]).equals(through));
            });
        }
        assertThat(deferredRows)
                .as("rows written with their derived values deferred")
                .isNotEmpty();

        // The whole hour at once for the patient scored without any hurry.
        insertWhole(helper.device(once), plan.start(), batches);
        markAll(List.of(once));

        // Nothing more comes: within the interval every deferred day gets its derived values.
        List<String> all = new ArrayList<>(live);
        all.add(once);
        await().atMost(config.derivedInterval().plusMinutes(2))
                .until(() -> jdbc.count("select count(*) from day_dirty where patient_id = any(?::uuid[])", (Object)
                                all.toArray(new String[0]))
                        == 0);
        List<String> expected = helper.stored(once);
        assertThat(expected).filteredOn(r -> r.startsWith("epochs ")).hasSize(1);
        assertThat(expected)
                .filteredOn(r -> r.startsWith("day "))
                .singleElement()
                .satisfies(r -> assertThat(r).contains("wakingSedentary").doesNotContain("derivedThrough"));
        for (String p : live) {
            assertThat(helper.stored(p)).isEqualTo(expected);
        }
    }

    /** The planned day's first hour, as int16 batches of {@link #STEP_SECONDS}. */
    static byte[][] batches(DayPlan plan) {
        SignalGenerator g = new SignalGenerator("sleep", plan, SleepNightsTest.RATE_HZ, SleepNightsTest.SEED + 1, true);
        int n = (int) (STEP_SECONDS * SleepNightsTest.RATE_HZ);
        byte[][] out = new byte[STEPS][];
        for (int step = 0; step < STEPS; step++) {
            float[] x = new float[n];
            float[] y = new float[n];
            float[] z = new float[n];
            assertThat(g.fill(x, y, z, 0, n)).isEqualTo(n);
            ByteBuffer b = ByteBuffer.allocate(n * 6).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] axis : new float[][] {x, y, z}) {
                for (int i = 0; i < n; i++) {
                    b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(axis[i] * SleepNightsTest.SCALE))));
                }
            }
            out[step] = b.array();
        }
        return out;
    }

    void insert(String deviceId, int seq, Instant start, byte[] data) {
        jdbc.update(
                "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                        + "values (?, ?, ?, ?, ?, 1, ?, ?)",
                deviceId,
                (long) seq,
                start,
                SleepNightsTest.RATE_HZ,
                data.length / 6,
                SleepNightsTest.SCALE,
                data);
    }

    /** The same samples as one batch: planar int16, so the steps' x, y and z are joined axis by axis. */
    void insertWhole(String deviceId, Instant start, byte[][] steps) {
        int per = steps[0].length / 6;
        ByteBuffer b = ByteBuffer.allocate(steps[0].length * steps.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int axis = 0; axis < 3; axis++) {
            for (byte[] step : steps) {
                b.put(step, axis * per * 2, per * 2);
            }
        }
        insert(deviceId, 0, start, b.array());
    }

    /** Marks the patients' day in one statement, as one ingest transaction marks a group. */
    void markAll(List<String> patients) {
        jdbc.update(
                "insert into day_dirty (patient_id, local_date, since, marked_at) "
                        + "select p, ?, now(), now() from unnest(?::uuid[]) as p "
                        + "on conflict (patient_id, local_date) do update set marked_at = now(), "
                        + "version = day_dirty.version + 1, due_at = null",
                DAY,
                (Object) patients.toArray(new String[0]));
    }

    /**
     * Each live patient's row: provenance dataThrough, derivedThrough (null when not deferred) and
     * whether the derived values' provenance is there.
     */
    List<String[]> provenance(List<String> patients) {
        List<String[]> rows = new ArrayList<>();
        jdbc.list(
                "select provenance->>'dataThrough', provenance->>'derivedThrough', "
                        + "(provenance ?? 'wakingSedentary' and provenance ?? 'circadianDay' and provenance ?? 'rolling7')::text "
                        + "from day_summary "
                        + "where patient_id = any(?::uuid[]) and local_date = ?",
                rs -> rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}),
                (Object) patients.toArray(new String[0]),
                DAY);
        return rows;
    }
}
