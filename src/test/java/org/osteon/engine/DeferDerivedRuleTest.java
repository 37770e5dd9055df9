package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a continued day's derived values may wait ({@link ScoringEngine#deferDerived(boolean, LiveDays.Open, UUID, long, Duration)}), and for how long. */
class DeferDerivedRuleTest {
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final long SECOND = 1_000_000_000L;

    static LiveDays.Open open(UUID writtenBy, long derivedAtNanos) {
        LiveDays.Open open = new LiveDays.Open(new DayScoreRepository.SourceDevice("d", "wrist", 50), null);
        open.writtenBy = writtenBy;
        open.derivedAtNanos = derivedAtNanos;
        return open;
    }

    @Test
    void behindOnItsOwnRowTheyWaitForWhatIsLeftOfTheInterval() {
        UUID row = UUID.randomUUID();
        assertThat(ScoringEngine.deferDerived(true, open(row, 100 * SECOND), row, 112 * SECOND, INTERVAL))
                .isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void otherwiseTheyAreWrittenNow() {
        UUID row = UUID.randomUUID();
        long at = 100 * SECOND;
        // Not behind.
        assertThat(ScoringEngine.deferDerived(false, open(row, at), row, at + SECOND, INTERVAL))
                .isNull();
        // The interval is over.
        assertThat(ScoringEngine.deferDerived(true, open(row, at), row, at + 30 * SECOND, INTERVAL))
                .isNull();
        // Never written by this state (0), or the row is another scoring's (another instance wrote it).
        assertThat(ScoringEngine.deferDerived(true, open(row, 0), row, at, INTERVAL))
                .isNull();
        assertThat(ScoringEngine.deferDerived(true, open(row, at), UUID.randomUUID(), at + SECOND, INTERVAL))
                .isNull();
        assertThat(ScoringEngine.deferDerived(true, open(null, at), row, at + SECOND, INTERVAL))
                .isNull();
        // Switched off.
        assertThat(ScoringEngine.deferDerived(true, open(row, at), row, at + SECOND, Duration.ZERO))
                .isNull();
    }
}
