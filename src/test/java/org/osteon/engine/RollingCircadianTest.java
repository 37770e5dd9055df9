package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.engine.DayScoreRepository.SourceDevice;
import org.osteon.scoring.circadian.Circadian;
import org.osteon.scoring.circadian.CircadianAnalyzer;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.EpochSink;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.support.EngineFixtures;
import org.osteon.support.Signals;

/**
 * Rolling 7-day RA/IS/IV through the engine and PostgreSQL: nine days in Vienna around the end of
 * summer time (2030-10-27, 25 h), two hours of data a day at a time of day that varies, stored as
 * raw batches and marked as ingest marks them. Scored in date order, in shuffled order and all at
 * once, the days get the same values, and those of one analyzer over the epochs of the 7 days.
 */
@QuarkusTest
class RollingCircadianTest {
    static final LocalDate FIRST = LocalDate.of(2030, 10, 22);
    static final int DAYS = 9;
    static final Signals SIGNAL =
            Signals.twoHours(FIRST.atStartOfDay(EngineFixtures.VIENNA).toInstant());

    @Inject
    Jdbc jdbc;

    /** Where each day's two hours start, local time; the DST day's cover the repeated hour. */
    static Instant blockStart(LocalDate day) {
        if (day.equals(LocalDate.of(2030, 10, 27))) {
            return day.atTime(1, 30)
                    .atZone(EngineFixtures.VIENNA)
                    .withEarlierOffsetAtOverlap()
                    .toInstant();
        }
        int i = (int) (day.toEpochDay() - FIRST.toEpochDay());
        return day.atTime(LocalTime.of(6 + (i * 5) % 13, (i * 20) % 60))
                .atZone(EngineFixtures.VIENNA)
                .toInstant();
    }

    void storeDay(String deviceId, LocalDate day) {
        ByteBuffer b = ByteBuffer.allocate(SIGNAL.length() * 12).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] axis : new float[][] {SIGNAL.x, SIGNAL.y, SIGNAL.z}) {
            for (float v : axis) {
                b.putFloat(v);
            }
        }
        jdbc.update(
                "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                        + "values (?, ?, ?, ?, ?, 2, 0, ?)",
                deviceId,
                day.toEpochDay(),
                blockStart(day),
                (double) Signals.RATE_HZ,
                SIGNAL.length(),
                b.array());
    }

    void mark(String patientId, LocalDate day) {
        jdbc.update(
                "insert into day_dirty (patient_id, local_date, since, marked_at) values (?::uuid, ?, now(), now()) "
                        + "on conflict (patient_id, local_date) do update set marked_at = now(), version = day_dirty.version + 1",
                patientId,
                day);
    }

    void awaitScored(String patientId) {
        await().atMost(EngineFixtures.SCORED)
                .until(() -> jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patientId) == 0);
    }

    /** Marks the days one after the other, each scored before the next is marked. */
    void scoreOneByOne(String patientId, List<LocalDate> order) {
        for (LocalDate d : order) {
            mark(patientId, d);
            awaitScored(patientId);
        }
    }

    /** The rolling columns, own RA and rolling provenance per day. */
    Map<LocalDate, String> rolling(String patientId) {
        Map<LocalDate, String> out = new LinkedHashMap<>();
        jdbc.list(
                "select local_date, jsonb_build_array(rolling7_ra, rolling7_is, rolling7_iv, relative_amplitude, "
                        + "provenance->'rolling7', provenance->'circadianDay')::text from day_summary "
                        + "where patient_id = ?::uuid order by local_date",
                rs -> out.put(rs.getObject(1, LocalDate.class), rs.getString(2)),
                patientId);
        return out;
    }

    Optional<Double[]> stored(String patientId, LocalDate day) {
        return jdbc.one(
                "select rolling7_ra, rolling7_is, rolling7_iv from day_summary "
                        + "where patient_id = ?::uuid and local_date = ?",
                rs -> new Double[] {
                    rs.getObject(1, Double.class), rs.getObject(2, Double.class), rs.getObject(3, Double.class)
                },
                patientId,
                day);
    }

    /** One analyzer over the epochs of the days of {@code days} within the 7 days ending on {@code end}. */
    static Optional<Circadian> analyzer(String deviceId, LocalDate end, List<LocalDate> days) {
        ScoringParams params = ScoringEngine.paramsFor(Optional.of(new SourceDevice(deviceId, "hip", Signals.RATE_HZ)));
        CircadianAnalyzer analyzer = new CircadianAnalyzer(params, EngineFixtures.VIENNA);
        EpochSink sink = analyzer::add;
        for (LocalDate d : days) {
            if (d.isAfter(end) || d.isBefore(end.minusDays(6))) {
                continue;
            }
            EpochScorer scorer = new EpochScorer(params, blockStart(d).toEpochMilli());
            scorer.accept(SIGNAL.x, SIGNAL.y, SIGNAL.z, 0, SIGNAL.length(), sink);
            scorer.finish(sink);
        }
        return analyzer.result();
    }

    void assertRollingIsTheAnalyzersOverTheWindow(String patientId, String deviceId, List<LocalDate> days) {
        int withValues = 0;
        for (LocalDate d : days) {
            Double[] row = stored(patientId, d).orElseThrow();
            Optional<Circadian> expected = analyzer(deviceId, d, days);
            if (expected.isEmpty()) {
                assertThat(row).as("too few days before " + d).containsOnlyNulls();
                continue;
            }
            withValues++;
            assertThat(row)
                    .as("rolling RA, IS, IV of " + d)
                    .containsExactly(
                            expected.get().relativeAmplitude(),
                            expected.get().interdailyStability(),
                            expected.get().intradailyVariability());
        }
        assertThat(withValues).isGreaterThanOrEqualTo(days.size() - 3);
    }

    @Test
    void rollingValuesDoNotDependOnTheOrderDaysAreScoredInAndAreTheAnalyzersOverTheWeek() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            days.add(FIRST.plusDays(i));
        }
        EngineFixtures.Patient ordered = EngineFixtures.newPatient(jdbc);
        EngineFixtures.Patient shuffled = EngineFixtures.newPatient(jdbc);
        for (LocalDate d : days) {
            storeDay(ordered.deviceId(), d);
            storeDay(shuffled.deviceId(), d);
        }
        List<LocalDate> shuffledDays = new ArrayList<>(days);
        Collections.shuffle(shuffledDays, new Random(3));

        scoreOneByOne(ordered.id(), days);
        scoreOneByOne(shuffled.id(), shuffledDays);

        Map<LocalDate, String> inOrder = rolling(ordered.id());
        assertThat(inOrder).hasSize(DAYS);
        assertThat(rolling(shuffled.id())).isEqualTo(inOrder);
        assertRollingIsTheAnalyzersOverTheWindow(ordered.id(), ordered.deviceId(), days);

        // All days marked at once: the workers score them concurrently, in whatever order.
        days.forEach(d -> mark(ordered.id(), d));
        awaitScored(ordered.id());
        assertThat(rolling(ordered.id())).isEqualTo(inOrder);

        // A day whose data is gone loses its row, and the days after it their share of it.
        LocalDate gone = FIRST.plusDays(4);
        jdbc.update("delete from accel_batch where device_id = ? and seq = ?", shuffled.deviceId(), gone.toEpochDay());
        mark(shuffled.id(), gone);
        awaitScored(shuffled.id());
        List<LocalDate> remaining = new ArrayList<>(days);
        remaining.remove(gone);
        assertThat(stored(shuffled.id(), gone)).isEmpty();
        assertThat(rolling(shuffled.id()).get(gone.plusDays(1))).isNotEqualTo(inOrder.get(gone.plusDays(1)));
        assertRollingIsTheAnalyzersOverTheWindow(shuffled.id(), shuffled.deviceId(), remaining);
    }
}
