package org.osteon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class TestClockTest {
    @Test
    void aChosenStartIsReadAtOnceAndTicksFromThere() {
        Instant start = Instant.parse("2027-03-28T00:59:30Z");
        Clock clock = TestClock.clock("2027-03-28T00:59:30Z");
        assertThat(Duration.between(start, clock.instant())).isBetween(Duration.ZERO, Duration.ofSeconds(5));
        Instant first = clock.instant();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> clock.instant().isAfter(first));
    }

    @Test
    void withoutAStartItIsTheSystemClock() {
        Clock clock = TestClock.clock("");
        assertThat(Duration.between(Clock.systemUTC().instant(), clock.instant())
                        .abs())
                .isLessThan(Duration.ofSeconds(5));
    }
}
