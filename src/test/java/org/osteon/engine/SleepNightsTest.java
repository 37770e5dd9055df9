package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.osteon.support.Tokens.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.adherence.AdherenceCalculator;
import org.osteon.adherence.AdherenceStatus;
import org.osteon.common.Jdbc;
import org.osteon.program.Component;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.DayPlanner;
import org.osteon.simulator.Segment;
import org.osteon.simulator.SignalGenerator;
import org.osteon.support.Clinic;
import org.osteon.support.Registry;

/**
 * Sleep windows and waking sedentary time through the engine and PostgreSQL, on three planned
 * simulator days (UTC, a UTC patient) stored as raw int16 batches and marked as ingest marks them.
 * The simulator's plan is the ground truth: each day ends asleep (22:00–23:30 to midnight) and
 * starts asleep (midnight to 06:00–07:30).
 */
@QuarkusTest
class SleepNightsTest {
    static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    static final long SEED = 2;
    static final double RATE_HZ = 30;
    static final double SCALE = 4096;
    /**
     * Onset and wake within 5 min of the plan, as the detector's own test on the same signal
     * (SleepWindowDetectorTest: the 5-min centred median moves an edge by up to 2.5 min, a turn
     * near an edge a little more).
     */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    static DayPlan plan(int day) {
        return DayPlanner.day(SEED, 0, FIRST.plusDays(day));
    }

    /**
     * The planned day as one-hour int16 batches, with the desk wrist's fidgeting (without it a
     * desk wrist is as still as a sleeper's, SleepWindowDetectorTest).
     */
    void storeDay(String deviceId, int day) {
        DayPlan plan = plan(day);
        SignalGenerator g = new SignalGenerator("sleep", plan, RATE_HZ, SEED + day, true);
        int perBatch = (int) (3600 * RATE_HZ);
        float[] x = new float[perBatch];
        float[] y = new float[perBatch];
        float[] z = new float[perBatch];
        for (int hour = 0; hour < 24; hour++) {
            int n = g.fill(x, y, z, 0, perBatch);
            ByteBuffer b = ByteBuffer.allocate(n * 6).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] axis : new float[][] {x, y, z}) {
                for (int i = 0; i < n; i++) {
                    b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(axis[i] * SCALE))));
                }
            }
            jdbc.update(
                    "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                            + "values (?, ?, ?, ?, ?, 1, ?, ?)",
                    deviceId,
                    day * 100L + hour,
                    plan.start().plusSeconds(hour * 3600L),
                    RATE_HZ,
                    n,
                    SCALE,
                    b.array());
        }
    }

    void mark(String patientId, LocalDate day) {
        jdbc.update(
                "insert into day_dirty (patient_id, local_date, since, marked_at) values (?::uuid, ?, now(), now()) "
                        + "on conflict (patient_id, local_date) do update set marked_at = now(), version = day_dirty.version + 1",
                patientId,
                day);
    }

    void score(String patientId, List<Integer> order) {
        for (int d : order) {
            mark(patientId, FIRST.plusDays(d));
            await().atMost(Duration.ofMinutes(3))
                    .until(() ->
                            jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patientId) == 0);
        }
    }

    /** Night date → [onset, wake, threshold] as stored. */
    Map<LocalDate, List<Object>> nights(String patientId) {
        Map<LocalDate, List<Object>> out = new LinkedHashMap<>();
        jdbc.list(
                "select night_date, onset, wake, threshold_deg, provenance->>'algorithm' from sleep_night "
                        + "where patient_id = ?::uuid order by night_date",
                rs -> out.put(
                        rs.getObject(1, LocalDate.class),
                        List.of(
                                rs.getTimestamp(2).toInstant(),
                                rs.getTimestamp(3).toInstant(),
                                rs.getDouble(4),
                                rs.getString(5))),
                patientId);
        return out;
    }

    ScoredDay day(String patientId, int day) {
        return jdbc.one(
                        ScoredDay.SELECT + " where patient_id = ?::uuid and local_date = ?",
                        rs -> ScoredDay.read(rs, json),
                        patientId,
                        FIRST.plusDays(day))
                .orElseThrow();
    }

    /**
     * The longest planned stretch of the day's sedentary activity outside sleep: consecutive
     * sitting segments, minutes. Sleep, walking and non-wear end a stretch.
     */
    static double plannedWakingSedentaryBout(DayPlan plan) {
        double longest = 0;
        double run = 0;
        for (Segment s : plan.segments()) {
            if (s.activity() == Activity.SITTING) {
                run += s.seconds() / 60.0;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        return longest;
    }

    @Test
    void nightsMatchThePlanInEitherOrderAndSedentaryTimeCountsWakingWearOnly() {
        String forwards = newUtcPatient();
        Clinic.Physio physio = lastPhysio;
        String backwards = newUtcPatient();
        for (String p : List.of(forwards, backwards)) {
            String device = jdbc.one("select id from device where patient_id = ?::uuid", rs -> rs.getString(1), p)
                    .orElseThrow();
            for (int d = 0; d < 3; d++) {
                storeDay(device, d);
            }
        }
        score(forwards, List.of(0, 1, 2));
        score(backwards, List.of(2, 1, 0));

        // Nights 0 and 1 (noon to noon) have both their days; night 2 has only one, too little wear.
        Map<LocalDate, List<Object>> stored = nights(forwards);
        assertThat(stored).containsOnlyKeys(FIRST, FIRST.plusDays(1));
        assertThat(nights(backwards))
                .as("the same windows whichever day was scored first")
                .isEqualTo(stored);
        for (int night = 0; night < 2; night++) {
            DayPlan evening = plan(night);
            Segment last = evening.segments().get(evening.segments().size() - 1);
            assertThat(last.activity()).isEqualTo(Activity.SLEEP);
            Instant plannedOnset = evening.start().plusSeconds(last.startSecond());
            Segment first = plan(night + 1).segments().get(0);
            assertThat(first.activity()).isEqualTo(Activity.SLEEP);
            Instant plannedWake = plan(night + 1).start().plusSeconds(first.endSecond());
            List<Object> w = stored.get(FIRST.plusDays(night));
            String where = "night " + night + ": planned " + plannedOnset + "–" + plannedWake + ", found " + w;
            assertThat(Duration.between(plannedOnset, (Instant) w.get(0)).abs())
                    .as(where)
                    .isLessThanOrEqualTo(TOLERANCE);
            assertThat(Duration.between(plannedWake, (Instant) w.get(1)).abs())
                    .as(where)
                    .isLessThanOrEqualTo(TOLERANCE);
            assertThat((double) w.get(2)).isBetween(0.13, 0.50);
            assertThat(w.get(3)).isEqualTo("hdcza-sleep-window");
        }

        // Day 1 lies between two detected nights: its all-day longest bout is the night's sleep
        // (and more), its waking one the longest planned sitting stretch.
        ScoredDay middle = day(forwards, 1);
        Segment morningSleep = plan(1).segments().get(0);
        assertThat(middle.longestSedentaryBoutMinutes()).isGreaterThanOrEqualTo(morningSleep.seconds() / 60.0 - 5);
        double planned = plannedWakingSedentaryBout(plan(1));
        assertThat(middle.wakingLongestSedentaryBoutMinutes()).isCloseTo(planned, within(6.0));
        assertThat(middle.wakingSedentaryMinutes()).isLessThan(middle.sedentaryMinutes() - 300);
        assertThat(middle.provenance()).containsKey("wakingSedentary");
        assertThat(day(backwards, 1).wakingLongestSedentaryBoutMinutes())
                .isEqualTo(middle.wakingLongestSedentaryBoutMinutes());
        assertThat(day(backwards, 1).wakingSedentaryMinutes()).isEqualTo(middle.wakingSedentaryMinutes());

        // A bout limit just above the waking bout: met on waking time, missed had the night counted.
        int limit = (int) Math.ceil(planned) + 10;
        assertThat(middle.longestSedentaryBoutMinutes()).isGreaterThan(limit);
        AdherenceCalculator calculator = new AdherenceCalculator(10, 0.5, kind -> 1);
        var result =
                calculator.day(FIRST.plusDays(1), 1, middle, List.of(), List.of(new Component.Sedentary(limit, null)));
        assertThat(result.result().components().get(0).status()).isEqualTo(AdherenceStatus.met);

        // Served to the patient's physiotherapist, not to another one; two windows are too few
        // for the midpoint's variability.
        as(physio.token())
                .queryParam("from", FIRST.minusDays(1).toString())
                .queryParam("to", FIRST.plusDays(2).toString())
                .get("/api/v1/patients/" + forwards + "/sleep")
                .then()
                .statusCode(200)
                .body("nights", hasSize(2))
                .body(
                        "nights.night",
                        contains(FIRST.toString(), FIRST.plusDays(1).toString()))
                .body(
                        "nights[0].onset",
                        org.hamcrest.Matchers.is(stored.get(FIRST).get(0).toString()))
                .body("nights[0].provenance.parameters.sleep.medianMinutes", org.hamcrest.Matchers.is(5))
                .body("midpointVariability7", nullValue());
        // As CSV for a researcher: a row per night, the same instants.
        java.util.List<java.util.Map<String, String>> csv = org.osteon.support.CsvRows.records(as(physio.token())
                .accept("text/csv")
                .queryParam("from", FIRST.minusDays(1).toString())
                .queryParam("to", FIRST.plusDays(2).toString())
                .get("/api/v1/patients/" + forwards + "/sleep")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(csv)
                .extracting(r -> r.get("night"))
                .containsExactly(FIRST.toString(), FIRST.plusDays(1).toString());
        assertThat(csv.get(0).get("onset")).isEqualTo(stored.get(FIRST).get(0).toString());
        assertThat(csv.get(0).get("provenance")).contains("hdcza-sleep-window");
        as(lastPhysio.token())
                .get("/api/v1/patients/" + forwards + "/sleep")
                .then()
                .statusCode(404);

        // Day 1's data gone: its row, and both nights it held half of, are removed; the waking
        // time of its neighbours no longer leaves those nights out.
        double before = day(forwards, 0).wakingSedentaryMinutes();
        String device = jdbc.one("select id from device where patient_id = ?::uuid", rs -> rs.getString(1), forwards)
                .orElseThrow();
        jdbc.update("delete from accel_batch where device_id = ? and seq between 100 and 199", device);
        score(forwards, List.of(1));
        assertThat(nights(forwards)).isEmpty();
        assertThat(jdbc.count(
                        "select count(*) from day_sleep_epochs where patient_id = ?::uuid and local_date = ?",
                        forwards,
                        FIRST.plusDays(1)))
                .isZero();
        assertThat(day(forwards, 0).wakingSedentaryMinutes()).isGreaterThan(before);
        assertThat(day(forwards, 0).wakingSedentaryMinutes())
                .isEqualTo(day(forwards, 0).sedentaryMinutes());
    }

    Clinic.Physio lastPhysio;

    String newUtcPatient() {
        Clinic.Physio physio = Clinic.newPhysio();
        lastPhysio = physio;
        String patient = Clinic.newPatientOf(physio, "UTC");
        String device = Registry.newDevice(patient, 8);
        // The simulator plays a wrist: its desk and sleep postures are a wrist's.
        jdbc.update(
                "update device set placement = 'wrist', registered_at = ?, data_from = ? where id = ?",
                FIRST.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                FIRST.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                device);
        return patient;
    }
}
