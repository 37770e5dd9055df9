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
import org.osteon.engine.DaysWritten;
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
        Stamp stamp = answers.stamp(key);
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
    void aDayEndsTheAnswersThatHoldItsWeekAndNoOthers() {
        answers.listening();
        UUID patient = patient(1);
        Key lastWeek = new Key(patient, "week", MONDAY, MONDAY.plusDays(6), MONDAY.plusDays(9), "Europe/Vienna");
        Key thisWeek =
                new Key(patient, "day", MONDAY.plusDays(7), MONDAY.plusDays(13), MONDAY.plusDays(9), "Europe/Vienna");
        Key month =
                new Key(patient, "day", MONDAY.minusDays(20), MONDAY.plusDays(9), MONDAY.plusDays(9), "Europe/Vienna");
        keep(lastWeek, "[1]");
        keep(thisWeek, "[2]");
        keep(month, "[3]");

        // Today (Wednesday of this week) scored again: last week stands.
        answers.changed(patient, MONDAY.plusDays(9));
        assertThat(answers.get(lastWeek)).isPresent();
        assertThat(answers.get(thisWeek)).isEmpty();
        assertThat(answers.get(month)).isEmpty();

        // The engine's word for a Monday covers the Sunday before, whose waking values share a night.
        keep(thisWeek, "[2]");
        answers.daysWritten(new DaysWritten(patient, MONDAY.plusDays(7)));
        assertThat(answers.get(lastWeek)).isEmpty();
        assertThat(answers.get(thisWeek)).isEmpty();

        // A program version ends every answer of the patient.
        keep(lastWeek, "[1]");
        answers.changed(patient);
        assertThat(answers.get(lastWeek)).isEmpty();
    }

    @Test
    void anAnswerOverMoreThanSixWeeksIsNotKept() {
        answers.listening();
        Key sixWeeks = new Key(patient(1), "week", MONDAY, MONDAY.plusWeeks(6).minusDays(1), MONDAY, "UTC");
        Key sevenWeeks = new Key(patient(1), "week", MONDAY, MONDAY.plusWeeks(6), MONDAY, "UTC");
        keep(sixWeeks, "[1]");
        keep(sevenWeeks, "[1]");
        assertThat(answers.get(sixWeeks)).isPresent();
        assertThat(answers.get(sevenWeeks)).isEmpty();
        assertThat(registry.counter("osteon_adherence_answers", "outcome", "not_kept")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anAnswerWhoseReadsACommittedChangeMayHaveMissedIsNeverGiven() {
        answers.listening();
        UUID patient = patient(1);
        Stamp stamp = answers.stamp(week(patient));
        // The reads run; a change of a day in the week commits meanwhile and is announced before
        // the answer is kept.
        answers.changed(patient, MONDAY.plusDays(3));
        answers.put(week(patient), stamp, json("[\"before the change\"]"));
        assertThat(answers.get(week(patient))).isEmpty();

        // Announced after the answer is kept: the kept answer ends then.
        Stamp again = answers.stamp(week(patient));
        answers.put(week(patient), again, json("[\"maybe before the change\"]"));
        answers.changed(patient, MONDAY.plusDays(6));
        assertThat(answers.get(week(patient))).isEmpty();
    }

    @Test
    void nothingIsKeptOrGivenWhileChangesMayGoUnheard() {
        UUID patient = patient(1);
        keep(week(patient), "[1]");
        assertThat(answers.active()).isFalse();
        assertThat(answers.get(week(patient))).isEmpty();

        answers.listening();
        Stamp before = answers.stamp(week(patient));
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
            small.put(week(p), small.stamp(week(p)), body);
        }
        assertThat(small.get(week(patients[0]))).isPresent();
        assertThat(small.get(week(patients[2]))).isPresent();
        assertThat(small.get(week(patients[3])))
                .as("no room: not kept, nobody evicted")
                .isEmpty();
        assertThat(small.bytes()).isEqualTo(3 * (100 + 256));

        // One kept answer ends; the next sweep (at most once a second) frees its room.
        small.changed(patients[0], MONDAY);
        clock.advance(Duration.ofSeconds(1));
        small.put(week(patients[3]), small.stamp(week(patients[3])), body);
        assertThat(small.get(week(patients[3]))).isPresent();
        assertThat(small.bytes()).isEqualTo(3 * (100 + 256));
    }

    @Test
    void anErasedPatientsAnswersLeaveMemoryAndNoOneElses() {
        answers.listening();
        keep(week(patient(1)), "[1]");
        keep(new Key(patient(1), "day", MONDAY, MONDAY, MONDAY.plusDays(2), "Europe/Vienna"), "[2]");
        keep(week(patient(2)), "[3]");
        long one = answers.bytes() / 3;

        answers.forget(patient(1));
        assertThat(answers.bytes()).isEqualTo(one);
        assertThat(answers.get(week(patient(1)))).isEmpty();
        assertThat(answers.get(week(patient(2)))).isPresent();
    }

    @Test
    void zeroBytesTurnsKeepingOff() {
        AdherenceAnswers off = new AdherenceAnswers(0, Duration.ofMinutes(10), clock, registry);
        off.listening();
        UUID patient = patient(1);
        off.put(week(patient), off.stamp(week(patient)), json("[1]"));
        assertThat(off.active()).isFalse();
        assertThat(off.get(week(patient))).isEmpty();
    }
}
