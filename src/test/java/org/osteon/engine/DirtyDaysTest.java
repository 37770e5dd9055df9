package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.engine.DirtyDays.Claim;
import org.osteon.support.Registry;

/**
 * The work list's rules, with this instance's own workers off so that the test alone claims:
 * concurrent scorers never take the same day, and a mark that arrives while a day is being
 * scored keeps it for another round.
 */
@QuarkusTest
@TestProfile(DirtyDaysTest.NoWorkers.class)
class DirtyDaysTest {
    public static class NoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("osteon.engine.enabled", "false");
        }
    }

    static final Duration NOW = Duration.ZERO;
    static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    void markDays(String patient, LocalDate first, int days) {
        for (int i = 0; i < days; i++) {
            jdbc.update(
                    "insert into day_dirty (patient_id, local_date, since, marked_at) values (?::uuid, ?, now(), now())",
                    patient,
                    first.plusDays(i));
        }
    }

    /** The patient's day among all those ready now. */
    Claim claimOf(String patient) throws Exception {
        return claim(1000).stream()
                .filter(c -> c.patientId().toString().equals(patient))
                .findFirst()
                .orElseThrow();
    }

    /** Which scoring wrote the patient's (one) day row. */
    Optional<UUID> scoringId(String patient) {
        return jdbc.one(
                "select scoring_id from day_summary where patient_id = ?::uuid",
                rs -> rs.getObject(1, UUID.class),
                patient);
    }

    List<Claim> claim(int limit) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return DirtyDays.claim(c, limit, NOW, NOW, LEASE);
        }
    }

    @Test
    void concurrentScorersNeverClaimTheSameDay() throws Exception {
        String patient = Registry.newPatient();
        markDays(patient, LocalDate.of(2031, 1, 1), 200);
        int scorers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(scorers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Claim>>> results = new ArrayList<>();
        for (int i = 0; i < scorers; i++) {
            Callable<List<Claim>> scorer = () -> {
                go.await();
                List<Claim> mine = new ArrayList<>();
                List<Claim> round;
                while (!(round = claim(3)).isEmpty()) {
                    mine.addAll(round);
                }
                return mine;
            };
            results.add(pool.submit(scorer));
        }
        go.countDown();
        List<Claim> all = new ArrayList<>();
        for (Future<List<Claim>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        List<Claim> ofPatient = all.stream()
                .filter(c -> c.patientId().toString().equals(patient))
                .toList();
        Set<LocalDate> distinct = new HashSet<>();
        ofPatient.forEach(c -> distinct.add(c.date()));
        assertThat(ofPatient).hasSize(200);
        assertThat(distinct).hasSize(200);
    }

    @Test
    void aMarkDuringScoringKeepsTheDayForAnotherRound() throws Exception {
        String patient = Registry.newPatient();
        String device = Registry.newDevice(patient, 16);
        LocalDate date = LocalDate.of(2031, 6, 1);
        markDays(patient, date, 1);
        Claim first = claimOf(patient);
        assertThat(claim(1000)).noneMatch(c -> c.patientId().equals(first.patientId()));

        // A batch of the same day is stored while the day is being scored.
        try (Connection c = dataSource.getConnection()) {
            Instant noon = date.atTime(12, 0).atZone(ZoneId.of("Europe/Vienna")).toInstant();
            DirtyDays.mark(c, List.of(new DirtyDays.Span(device, noon, noon.plusSeconds(60))));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(DirtyDays.stillCurrent(c, first)).isFalse();
            c.commit();
        }
        Claim second = claim(1000).stream()
                .filter(c -> c.patientId().equals(first.patientId()))
                .findFirst()
                .orElseThrow();
        assertThat(second.version()).isGreaterThan(first.version());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(DirtyDays.stillCurrent(c, second)).isTrue();
            DirtyDays.finish(c, second);
            c.commit();
        }
        assertThat(jdbc.count("select count(*) from day_dirty where patient_id = ?::uuid", patient))
                .isZero();
    }

    /** A day's row as a scoring through {@code dataThrough} would write it (no derived values). */
    static ScoredDay row(LocalDate date, double steps, String dataThrough) {
        return new ScoredDay(
                date,
                1,
                60,
                20.0,
                5.0,
                1.0,
                new ScoredDay.BoutedMvpa(5.0, 0.0, 0.0),
                (int) steps,
                Map.of("low", 3),
                Map.of("1.3", 3),
                1.0,
                2.0,
                40.0,
                20.0,
                null,
                null,
                0,
                null,
                null,
                Map.of("engine", "osteon-day-scoring", "dataThrough", dataThrough),
                null);
    }

    boolean deferred(Claim claim, String dataThrough, UUID scoringId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            boolean current = row(claim.date(), 200, dataThrough)
                    .upsertDeferred(
                            c,
                            claim.patientId(),
                            scoringId,
                            json,
                            claim.version(),
                            Duration.ofMinutes(10),
                            DayNotices.dayPayload(claim.patientId(), claim.date(), Instant.parse(dataThrough)));
            if (!current) {
                // As the engine does: the claim is let go by the caller (ScoredDay#upsertDeferred).
                DirtyDays.release(c, claim);
            }
            c.commit();
            return current;
        }
    }

    @Test
    void aDeferredScoringWritesOnlyOnACurrentClaimKeepsTheDerivedValuesAndLeavesTheMarkDue() throws Exception {
        String patient = Registry.newPatient();
        String device = Registry.newDevice(patient, 16);
        LocalDate date = LocalDate.of(2031, 7, 1);
        UUID full = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            row(date, 100, "2031-07-01T08:00:00Z").upsert(c, UUID.fromString(patient), full, json);
        }
        // What the last full scoring's derived steps wrote.
        jdbc.update(
                "update day_summary set waking_sedentary_minutes = 12, provenance = provenance || "
                        + "'{\"circadianDay\": {\"version\": \"1\"}, \"wakingSedentary\": {\"version\": \"1\"}}' "
                        + "where patient_id = ?::uuid",
                patient);
        markDays(patient, date, 1);
        Claim first = claimOf(patient);

        // A batch arrives meanwhile: the deferred scoring writes nothing and lets the day go.
        Instant noon = date.atTime(12, 0).atZone(ZoneId.of("Europe/Vienna")).toInstant();
        try (Connection c = dataSource.getConnection()) {
            DirtyDays.mark(c, List.of(new DirtyDays.Span(device, noon, noon.plusSeconds(60))));
        }
        assertThat(deferred(first, "2031-07-01T09:00:00Z", UUID.randomUUID())).isFalse();
        assertThat(scoringId(patient)).contains(full);

        Claim second = claimOf(patient);
        UUID fast = UUID.randomUUID();
        assertThat(deferred(second, "2031-07-01T10:00:00Z", fast)).isTrue();
        List<String> stored = jdbc.one(
                        "select scoring_id::text, steps::text, waking_sedentary_minutes::text, "
                                + "provenance->>'dataThrough', provenance->>'derivedThrough', "
                                + "(provenance ?? 'circadianDay' and provenance ?? 'wakingSedentary')::text "
                                + "from day_summary where patient_id = ?::uuid",
                        rs -> List.of(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)),
                        patient)
                .orElseThrow();
        assertThat(stored)
                .containsExactly(fast.toString(), "200", "12", "2031-07-01T10:00:00Z", "2031-07-01T08:00:00Z", "true");

        // The mark stays, not ready before it is due, nothing marked since; a new batch makes it ready.
        assertThat(jdbc.count(
                        "select count(*) from day_dirty where patient_id = ?::uuid and claimed_until is null "
                                + "and due_at > now() + interval '9 minutes' and min_start = 'infinity'",
                        patient))
                .isOne();
        assertThat(claim(1000)).noneMatch(c -> c.patientId().toString().equals(patient));
        try (Connection c = dataSource.getConnection()) {
            DirtyDays.mark(c, List.of(new DirtyDays.Span(device, noon.plusSeconds(60), noon.plusSeconds(120))));
        }
        Claim third = claimOf(patient);
        assertThat(third.minStart()).isEqualTo(noon.plusSeconds(60));
    }

    @Test
    void aMarkCommittedWhileADeferredScoringWaitsForItsLockStopsTheWrite() throws Exception {
        String patient = Registry.newPatient();
        LocalDate date = LocalDate.of(2031, 8, 1);
        UUID full = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            row(date, 100, "2031-08-01T08:00:00Z").upsert(c, UUID.fromString(patient), full, json);
        }
        markDays(patient, date, 1);
        Claim claim = claimOf(patient);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection ingest = dataSource.getConnection()) {
            // Ingest marks the day and has not committed: the scoring's statement starts (its
            // snapshot still has the claimed version) and waits for the mark's lock.
            ingest.setAutoCommit(false);
            try (var ps = ingest.prepareStatement("update day_dirty set version = version + 1, marked_at = now() "
                    + "where patient_id = ?::uuid and local_date = ?")) {
                ps.setString(1, patient);
                ps.setObject(2, date);
                assertThat(ps.executeUpdate()).isOne();
            }
            Future<Boolean> scoring = pool.submit(() -> deferred(claim, "2031-08-01T09:00:00Z", UUID.randomUUID()));
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                                    + "and query like 'with cur as%'")
                            == 1);
            ingest.commit();
            assertThat(scoring.get()).isFalse();
        } finally {
            pool.shutdown();
        }
        assertThat(scoringId(patient)).contains(full);
        // Let go, with the newer version: the next claim scores the day with the newer data.
        Claim next = claimOf(patient);
        assertThat(next.version()).isEqualTo(claim.version() + 1);
    }
}
