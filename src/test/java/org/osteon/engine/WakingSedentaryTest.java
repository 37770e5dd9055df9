package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.sleep.SleepWindow;

/** Waking sedentary time cut out of a day's sedentary runs by sleep windows, worked out by hand. */
class WakingSedentaryTest {
    static final long DAY = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    static SleepWindow window(long fromMillis, long toMillis) {
        return new SleepWindow(
                Instant.ofEpochMilli(DAY + fromMillis),
                Instant.ofEpochMilli(DAY + toMillis),
                (toMillis - fromMillis) / 60_000.0,
                Instant.ofEpochMilli(DAY + (fromMillis + toMillis) / 2),
                0.2,
                null);
    }

    @Test
    void aWindowCutsARunAndItsEpochsAreNotCounted() {
        // A 10-min run from midnight and a 2-min run at 01:00; a window 00:05–00:07.
        SleepEpochs.Day day = new SleepEpochs.Day(DAY, 5, new float[17_280], new int[] {0, 120, 3_600_000, 24});
        SleepNights.Waking none = SleepNights.waking(day, List.of());
        assertThat(none.minutes()).isEqualTo(12.0);
        assertThat(none.longestBoutMinutes()).isEqualTo(10.0);

        SleepNights.Waking cut = SleepNights.waking(day, List.of(window(300_000, 420_000)));
        assertThat(cut.minutes()).isEqualTo(10.0);
        assertThat(cut.longestBoutMinutes()).isEqualTo(5.0);

        // A window over both runs leaves nothing awake.
        SleepNights.Waking all = SleepNights.waking(day, List.of(window(0, 4_000_000)));
        assertThat(all.minutes()).isZero();
        assertThat(all.longestBoutMinutes()).isZero();
    }

    @Test
    void aNightIsLookedForOnlyWithBothOfItsDays() {
        LocalDate night = LocalDate.of(2026, 3, 2);
        float[] still = new float[17_280];
        Arrays.fill(still, 10f);
        SleepEpochs.Day first = new SleepEpochs.Day(DAY, 5, still, new int[0]);
        assertThat(SleepNights.detect(night, ZoneOffset.UTC, Map.of(night, first)))
                .isEmpty();
        SleepEpochs.Day next = new SleepEpochs.Day(DAY + 86_400_000L, 5, still, new int[0]);
        // Both days worn and perfectly still: the whole period is one block.
        assertThat(SleepNights.detect(night, ZoneOffset.UTC, Map.of(night, first, night.plusDays(1), next)))
                .isPresent();
    }
}
