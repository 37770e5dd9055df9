package org.osteon.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock of the tests, in place of the service's (common/Clocks) in every {@code @QuarkusTest}
 * and handed to what the tests build outside the service (simulated devices, batch times): the
 * system's, or, with {@code -Dosteon.test.clock=2026-12-03T23:40:00Z}, one that reads that
 * instant when the tests start and ticks from there. {@code ./osteon test} runs the tests that
 * depend on the hour again at such instants (late evening UTC, just after midnight in Vienna,
 * the spring daylight-saving change), so that an answer that changes with the hour fails every
 * run, not one run a day.
 *
 * <p>PostgreSQL's {@code now()} is not moved: the service uses it only for durations between two
 * of its own readings (a day's quiet time, a claim's lease) and for audit stamps, so the two
 * clocks never meet in a comparison that decides anything (docs/testing.md).
 */
public final class TestClock {
    /** The system property that sets the start instant. */
    public static final String PROPERTY = "osteon.test.clock";

    public static final Clock CLOCK = clock(System.getProperty(PROPERTY, ""));

    static Clock clock(String start) {
        Clock system = Clock.systemUTC();
        if (start.isBlank()) {
            return system;
        }
        return Clock.offset(system, Duration.between(system.instant(), Instant.parse(start.strip())));
    }

    /** Replaces the service's clock in the tests' Quarkus application. */
    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock testClock() {
        return CLOCK;
    }
}
