package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
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

    void markDays(String patient, LocalDate first, int days) {
        for (int i = 0; i < days; i++) {
            jdbc.update(
                    "insert into day_dirty (patient_id, local_date, since, marked_at) values (?::uuid, ?, now(), now())",
                    patient,
                    first.plusDays(i));
        }
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
        Claim first = claim(1000).stream()
                .filter(c -> c.patientId().toString().equals(patient))
                .findFirst()
                .orElseThrow();
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
}
