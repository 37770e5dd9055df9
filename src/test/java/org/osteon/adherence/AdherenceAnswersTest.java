package org.osteon.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.adherence.AdherenceAnswers.Key;
import org.osteon.adherence.AdherenceAnswers.Stamp;
import org.osteon.support.HandClock;

/** When a kept adherence answer is given, and when it must be computed again. */
class AdherenceAnswersTest {
    static final LocalDate MONDAY = LocalDate.parse("2030-03-04");

    final HandClock clock = new HandClock(Instant.parse("2030-03-06T10:00:00Z"));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AdherenceAnswers answers = new AdherenceAnswers(1 << 20, Duration.ofMinutes(10), clock, registry);

    static Key week(UUID patient) {
        return new Key(patient, "week", MONDAY, MONDAY.plusDays(6), MONDAY.plusDays(2), "Europe/Vienna");
    }

    /** Fixed ids, so that which change counters they share is the same on every run (none). */
    static UUID patient(int n) {
        return UUID.nameUUIDFromBytes(("patient " + n).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Computes and keeps an answer as the resource does: stamp, read, put. */
    void keep(Key key, String body) {
        Stamp stamp = answers.stamp(key.patientId());
        answers.put(key, stamp, json(body));
    }

    @Test
    void aKeptAnswerIsGivenUntilItsPatientChanges() {
        answers.listening();
        UUID patient = patient(1), other = patient(2);
        keep(week(patient), "[1]");
        keep(week(other), "[2]");

        assertThat(answers.get(week(patient)))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(json("[1]")));
        answers.changed(patient);
        assertThat(answers.get(week(patient))).isEmpty();
        assertThat(answers.get(week(other)))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(json("[2]")));
        assertThat(registry.counter("osteon_adherence_answers", "outcome", "hit")
                        .count())
                .isEqualTo(2);
        assertThat(registry.counter("osteon_adherence_answers", "outcome", "miss")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anAnswerWhoseReadsACommittedChangeMayHaveMissedIsNeverGiven() {
        answers.listening();
        UUID patient = patient(1);
        Stamp stamp = answers.stamp(patient);
        // The reads run; a change commits meanwhile and is announced before the answer is kept.
        answers.changed(patient);
        answers.put(week(patient), stamp, json("[\"before the change\"]"));
        assertThat(answers.get(week(patient))).isEmpty();

        // Announced after the answer is kept: the kept answer ends then.
        Stamp again = answers.stamp(patient);
        answers.put(week(patient), again, json("[\"maybe before the change\"]"));
        answers.changed(patient);
        assertThat(answers.get(week(patient))).isEmpty();
    }

    @Test
    void nothingIsKeptOrGivenWhileChangesMayGoUnheard() {
        UUID patient = patient(1);
        keep(week(patient), "[1]");
        assertThat(answers.active()).isFalse();
        assertThat(answers.get(week(patient))).isEmpty();

        answers.listening();
        Stamp before = answers.stamp(patient);
        keep(week(patient), "[1]");
        assertThat(answers.get(week(patient))).isPresent();

        // The connection is lost: whatever was announced meanwhile is unknown.
        answers.deaf();
        assertThat(answers.get(week(patient))).isEmpty();
        answers.listening();
        assertThat(answers.get(week(patient))).isEmpty();
        assertThat(answers.bytes()).isZero();
        // An answer computed before the connection came back is not kept.
        answers.put(week(patient), before, json("[1]"));
        assertThat(answers.get(week(patient))).isEmpty();
    }

    @Test
    void anAnswerEndsAfterItsTimeToLiveAndAnotherDayIsAnotherAnswer() {
        answers.listening();
        UUID patient = patient(1);
        keep(week(patient), "[1]");
        Key tomorrow = new Key(patient, "week", MONDAY, MONDAY.plusDays(6), MONDAY.plusDays(3), "Europe/Vienna");
        assertThat(answers.get(tomorrow)).isEmpty();
        Key otherZone = new Key(patient, "week", MONDAY, MONDAY.plusDays(6), MONDAY.plusDays(2), "Asia/Tokyo");
        assertThat(answers.get(otherZone)).isEmpty();

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(answers.get(week(patient))).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(answers.get(week(patient))).isEmpty();
    }

    @Test
    void aFullCacheKeepsWhatItHasUntilEntriesEnd() {
        AdherenceAnswers small = new AdherenceAnswers(3 * (100 + 256), Duration.ofMinutes(10), clock, registry);
        small.listening();
        UUID[] patients = {patient(1), patient(2), patient(3), patient(4)};
        byte[] body = new byte[100];
        for (UUID p : patients) {
            small.put(week(p), small.stamp(p), body);
        }
        assertThat(small.get(week(patients[0]))).isPresent();
        assertThat(small.get(week(patients[2]))).isPresent();
        assertThat(small.get(week(patients[3])))
                .as("no room: not kept, nobody evicted")
                .isEmpty();
        assertThat(small.bytes()).isEqualTo(3 * (100 + 256));

        // One kept answer ends; the next sweep (at most once a second) frees its room.
        small.changed(patients[0]);
        clock.advance(Duration.ofSeconds(1));
        small.put(week(patients[3]), small.stamp(patients[3]), body);
        assertThat(small.get(week(patients[3]))).isPresent();
        assertThat(small.bytes()).isEqualTo(3 * (100 + 256));
    }

    @Test
    void zeroBytesTurnsKeepingOff() {
        AdherenceAnswers off = new AdherenceAnswers(0, Duration.ofMinutes(10), clock, registry);
        off.listening();
        UUID patient = patient(1);
        off.put(week(patient), off.stamp(patient), json("[1]"));
        assertThat(off.active()).isFalse();
        assertThat(off.get(week(patient))).isEmpty();
    }
}
