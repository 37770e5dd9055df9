package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.osteon.support.EngineFixtures.*;
import static org.osteon.support.Tokens.as;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Batches;
import org.osteon.support.Clinic;
import org.osteon.support.DeviceClient;
import org.osteon.support.EngineFixtures.Patient;
import org.osteon.support.Signals;
import org.osteon.support.TestClock;

/**
 * From accepted batches to scored days and adherence, over the machine's Mosquitto and
 * PostgreSQL: the same two hours (23:00 to 01:00 in Vienna, yesterday into today by the tests'
 * clock) sent in order and shuffled in batches of random sizes give identical days; late data
 * re-scores only the days it touches.
 *
 * <p>Yesterday, not today: today's 23:00 to tomorrow's 01:00 lies up to 25 h ahead, and between
 * 00:00 and 01:00 in Vienna its last hour is beyond the 24 h ahead that ingest accepts, so the
 * days were cut short and never complete in that hour of every day. {@code ./osteon test} runs
 * this class again with the clock at such hours ({@link TestClock}).
 */
@QuarkusTest
class EngineTest {
    @Inject
    Jdbc jdbc;

    @Inject
    MeterRegistry registry;

    /** The stored row of a day with everything that names the patient, device or time of scoring left out. */
    Optional<String> day(String patient, LocalDate date) {
        return jdbc.one(
                "select (to_jsonb(s) - 'patient_id' - 'computed_at' - 'scoring_id' "
                        + "|| jsonb_build_object('provenance', s.provenance - 'deviceId'))::text "
                        + "from day_summary s where patient_id = ?::uuid and local_date = ?",
                rs -> rs.getString(1),
                patient,
                date);
    }

    Optional<Instant> computedAt(String patient, LocalDate date) {
        return jdbc.one(
                "select computed_at from day_summary where patient_id = ?::uuid and local_date = ?",
                rs -> rs.getTimestamp(1).toInstant(),
                patient,
                date);
    }

    long dirtyDays(String patient) {
        return jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patient);
    }

    void awaitScored(String patient) {
        await().atMost(SCORED).until(() -> dirtyDays(patient) == 0);
    }

    /**
     * Waits until the day's row includes everything sent for it, up to {@code through}: a day is
     * scored within moments of a batch, so it may have been scored before the last batch of a
     * send arrived, and no day being marked at one moment says nothing about the next.
     */
    void awaitScoredThrough(String patient, LocalDate date, Instant through) {
        await().atMost(SCORED)
                .until(() -> dirtyDays(patient) == 0
                        && jdbc.one(
                                        "select provenance->>'dataThrough' from day_summary where patient_id = ?::uuid and local_date = ?",
                                        rs -> rs.getString(1),
                                        patient,
                                        date)
                                .filter(through.toString()::equals)
                                .isPresent());
    }

    @Test
    void shuffledBatchesOfAnySizeGiveTheSameDaysAsOrderedOnes() throws Exception {
        LocalDate day = evening();
        Instant start = lateEvening(day);
        Signals signal = Signals.twoHours(start);
        Patient ordered = newPatient(jdbc);
        Patient shuffled = newPatient(jdbc);
        Clinic.prescribe(
                shuffled.physio(),
                shuffled.id(),
                Map.of(
                        "reason",
                        "jumping",
                        "components",
                        List.of(Map.of(
                                "kind", "impacts", "minG", 2.0, "count", 10, "per", "session", "sessionsPerWeek", 3))));
        // Prescribed, for the test's sake, on the evening's day: a program takes effect today at the earliest.
        jdbc.update("update program_version set effective_from = ? where patient_id = ?::uuid", day, shuffled.id());

        publish(ordered.deviceId(), batches(signal, start, 0, List.of(60 * Signals.RATE_HZ)));
        Random random = new Random(5);
        List<byte[]> pieces = batches(signal, start, 0, randomSizes(random));
        Collections.shuffle(pieces, random);
        int half = pieces.size() / 2;
        publish(shuffled.deviceId(), pieces.subList(0, half));
        // Part of the data is scored before the rest arrives; the rest must re-score those days.
        await().atMost(SCORED)
                .until(() ->
                        jdbc.count("select count(*) from day_summary where patient_id = ?::uuid", shuffled.id()) > 0);
        publish(shuffled.deviceId(), pieces.subList(half, pieces.size()));

        awaitScored(ordered.id());
        for (LocalDate d : List.of(day, day.plusDays(1))) {
            await().atMost(SCORED)
                    .untilAsserted(
                            () -> assertThat(day(shuffled.id(), d)).isPresent().isEqualTo(day(ordered.id(), d)));
        }
        int peaksAbove2g = jdbc.one(
                        "select (impacts_at_or_above->>'2.0')::int from day_summary "
                                + "where patient_id = ?::uuid and local_date = ?",
                        rs -> rs.getInt(1),
                        shuffled.id(),
                        day)
                .orElseThrow();
        assertThat(peaksAbove2g).isGreaterThanOrEqualTo(10);

        as(shuffled.physio().token())
                .queryParam("from", day.toString())
                .queryParam("to", day.plusDays(1).toString())
                .get("/api/v1/patients/" + shuffled.id() + "/days")
                .then()
                .statusCode(200)
                .body("date", contains(day.toString(), day.plusDays(1).toString()))
                .body("[0].impactsAtOrAbove.'2.0'", is(peaksAbove2g))
                .body("[0].provenance.placement", is("hip"));
        as(shuffled.physio().token())
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/api/v1/patients/" + shuffled.id() + "/adherence")
                .then()
                .statusCode(200)
                .body("[0].components[0].achieved", is((float) peaksAbove2g))
                .body("[0].components[0].status", is("met"));
    }

    @Test
    void aDayGrowingInTimeOrderIsContinuedFromItsOpenStateWithTheSameResult() throws Exception {
        LocalDate day = evening();
        Instant start = lateEvening(day);
        Signals signal = Signals.twoHours(start);
        Patient atOnce = newPatient(jdbc);
        Patient live = newPatient(jdbc);
        publish(atOnce.deviceId(), batches(signal, start, 0, List.of(60 * Signals.RATE_HZ)));
        double continuedBefore = continued();
        double byMarksBefore = checkedByMarks();
        List<byte[]> tenMinutes = batches(signal, start, 0, List.of(600 * Signals.RATE_HZ));
        try (DeviceClient device = new DeviceClient(BROKER, live.deviceId())) {
            for (int i = 0; i < tenMinutes.size(); i++) {
                device.publishAccel(tenMinutes.get(i));
                // Each batch is scored before the next arrives, as for a device streaming live: waiting
                // for no marked day alone could pass before the batch was even stored.
                Instant from = start.plusSeconds(600L * i);
                awaitScoredThrough(live.id(), LocalDate.ofInstant(from, VIENNA), from.plusSeconds(600));
            }
        }
        awaitScored(atOnce.id());
        for (LocalDate d : List.of(day, day.plusDays(1))) {
            assertThat(day(live.id(), d)).isPresent().isEqualTo(day(atOnce.id(), d));
        }
        // Each day was read from its start once (its first batch) and continued for the others,
        // known to be continuable from its marks alone (each batch is scored before the next).
        assertThat(continued() - continuedBefore).isGreaterThanOrEqualTo(tenMinutes.size() - 2);
        assertThat(checkedByMarks() - byMarksBefore).isGreaterThanOrEqualTo(tenMinutes.size() - 2);
    }

    double continued() {
        return registry.counter(EngineMetrics.SCORINGS, "read", "continued").count();
    }

    double checkedByMarks() {
        return registry.counter(EngineMetrics.CONTINUATION_CHECKS, "by", "marks")
                .count();
    }

    @Test
    void loadingEventsThatArriveAfterTheDayWasScoredAreAddedToIt() throws Exception {
        LocalDate day = evening();
        Instant start = lateEvening(day);
        Patient p = newPatient(jdbc);
        publish(p.deviceId(), batches(Signals.twoHours(start), start, 0, List.of(600 * Signals.RATE_HZ)));
        awaitScoredThrough(p.id(), day, day.plusDays(1).atStartOfDay(VIENNA).toInstant());
        assertThat(resistanceSessions(p.id(), day)).contains(0);

        // The wearer logs a set after the day was scored: the open day is continued with it.
        try (DeviceClient device = new DeviceClient(BROKER, p.deviceId())) {
            device.publishLoad(Batches.loadJson(0, start.plusSeconds(1800)));
        }
        await().atMost(SCORED)
                .untilAsserted(() -> assertThat(resistanceSessions(p.id(), day)).contains(1));
        String withSet = jdbc.one(
                        "select provenance->'loading'->>'resistance' from day_summary "
                                + "where patient_id = ?::uuid and local_date = ?",
                        rs -> rs.getString(1),
                        p.id(),
                        day)
                .orElse(null);
        assertThat(withSet).isNotNull();
    }

    Optional<Integer> resistanceSessions(String patient, LocalDate date) {
        return jdbc.one(
                "select resistance_sessions from day_summary where patient_id = ?::uuid and local_date = ?",
                rs -> rs.getInt(1),
                patient,
                date);
    }

    @Test
    void lateBatchesRescoreOnlyTheDaysTheyTouch() throws Exception {
        LocalDate day = evening();
        Instant start = lateEvening(day);
        Patient p = newPatient(jdbc);
        publish(p.deviceId(), batches(Signals.twoHours(start), start, 0, List.of(300 * Signals.RATE_HZ)));
        awaitScoredThrough(p.id(), day, day.plusDays(1).atStartOfDay(VIENNA).toInstant());
        awaitScoredThrough(p.id(), day.plusDays(1), start.plus(Duration.ofHours(2)));
        Instant todayScored = computedAt(p.id(), day).orElseThrow();
        Instant tomorrowScored = computedAt(p.id(), day.plusDays(1)).orElseThrow();
        String todayBefore = day(p.id(), day).orElseThrow();

        // A phone that was offline for a week syncs an old day after the new ones, out of order.
        LocalDate weekAgo = day.minusDays(6);
        Instant old = weekAgo.atTime(10, 0).atZone(VIENNA).toInstant();
        List<byte[]> oldBatches = batches(Signals.twoHours(old), old, 1_000, randomSizes(new Random(9)));
        Collections.shuffle(oldBatches, new Random(9));
        publish(p.deviceId(), oldBatches);
        await().atMost(SCORED).until(() -> computedAt(p.id(), weekAgo).isPresent());
        awaitScored(p.id());
        assertThat(computedAt(p.id(), day)).contains(todayScored);
        assertThat(computedAt(p.id(), day.plusDays(1))).contains(tomorrowScored);

        // A late morning hour of the evening's day changes that day and nothing else.
        Instant morning = day.atTime(6, 0).atZone(VIENNA).toInstant();
        Signals hour = Signals.twoHours(morning);
        publish(p.deviceId(), batches(hour, morning, 2_000, List.of(600 * Signals.RATE_HZ)));
        await().atMost(SCORED)
                .until(() -> !computedAt(p.id(), day).orElseThrow().equals(todayScored));
        awaitScored(p.id());
        assertThat(day(p.id(), day).orElseThrow()).isNotEqualTo(todayBefore);
        assertThat(computedAt(p.id(), day.plusDays(1))).contains(tomorrowScored);
        assertThat(computedAt(p.id(), weekAgo)).isPresent();

        // The late hour was not appended to the open evening: the day equals the same data sent at once
        // (the old day too, which the day's rolling circadian values include).
        Patient atOnce = newPatient(jdbc);
        List<byte[]> all = new ArrayList<>(oldBatches);
        all.addAll(batches(hour, morning, 2_000, List.of(600 * Signals.RATE_HZ)));
        all.addAll(batches(Signals.twoHours(start), start, 0, List.of(300 * Signals.RATE_HZ)));
        publish(atOnce.deviceId(), all);
        awaitScoredThrough(
                atOnce.id(), day, day.plusDays(1).atStartOfDay(VIENNA).toInstant());
        await().atMost(SCORED)
                .untilAsserted(() -> assertThat(day(atOnce.id(), day)).isEqualTo(day(p.id(), day)));
    }

    @Test
    void aMarkLeftBehindByACrashIsScoredOnTheNextRound() throws Exception {
        LocalDate day = evening();
        Instant start = lateEvening(day);
        Patient p = newPatient(jdbc);
        publish(p.deviceId(), batches(Signals.twoHours(start), start, 0, List.of(600 * Signals.RATE_HZ)));
        awaitScoredThrough(p.id(), day, day.plusDays(1).atStartOfDay(VIENNA).toInstant());
        String scored = day(p.id(), day).orElseThrow();

        // As if the instance died after ingest committed but before the day was scored, with a claim held.
        jdbc.update("delete from day_summary where patient_id = ?::uuid and local_date = ?", p.id(), day);
        jdbc.update(
                "insert into day_dirty (patient_id, local_date, since, marked_at, claimed_until) "
                        + "values (?::uuid, ?, now(), now(), now() - interval '1 second')",
                p.id(),
                day);
        await().atMost(SCORED).untilAsserted(() -> assertThat(day(p.id(), day)).contains(scored));
        assertThat(dirtyDays(p.id())).isZero();
    }
}
