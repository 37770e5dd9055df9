package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignalGeneratorTest {
    static final LocalDate DATE = LocalDate.of(2026, 11, 24);
    static final double RATE = 50;

    /** Hours 16–19 of a planned day: gait, jumps and sitting in three hours. */
    static DayPlan evening(long seed) {
        return DayPlanner.day(seed, 3, DATE).crop(16 * 3600, 19 * 3600);
    }

    static float[][] samples(DayPlan plan, long seed, int chunk) {
        SignalGenerator g = new SignalGenerator("d", plan, RATE, seed);
        int total = (int) g.totalSamples();
        float[][] out = new float[3][total];
        int at = 0;
        while (at < total) {
            at += g.fill(out[0], out[1], out[2], at, Math.min(chunk, total - at));
        }
        assertThat(g.done()).isTrue();
        return out;
    }

    @Test
    void sameSeedGivesTheSamePlanAndTheSameSamplesWhateverTheChunking() {
        assertThat(DayPlanner.day(9, 1, DATE)).isEqualTo(DayPlanner.day(9, 1, DATE));
        float[][] inSeconds = samples(evening(9), 9, 50);
        float[][] inOddPieces = samples(evening(9), 9, 997);
        for (int axis = 0; axis < 3; axis++) {
            assertThat(Arrays.equals(inSeconds[axis], inOddPieces[axis]))
                    .as("axis %d", axis)
                    .isTrue();
        }
    }

    @Test
    void anotherSeedGivesAnotherDay() {
        assertThat(DayPlanner.day(9, 1, DATE)).isNotEqualTo(DayPlanner.day(10, 1, DATE));
        assertThat(DayPlanner.day(9, 1, DATE)).isNotEqualTo(DayPlanner.day(9, 2, DATE));
        assertThat(Arrays.equals(samples(evening(9), 9, 50)[2], samples(evening(9), 10, 50)[2]))
                .isFalse();
    }

    @Test
    void plannedDaysCoverTheWholeDayWithNonWearOnQuarterHours() {
        for (long seed = 0; seed < 20; seed++) {
            DayPlan plan = DayPlanner.day(seed, 0, DATE);
            assertThat(plan.seconds()).isEqualTo(86_400);
            plan.segments().stream()
                    .filter(s -> s.activity() == Activity.NON_WEAR)
                    .forEach(s -> {
                        assertThat(s.startSecond() % 900).isZero();
                        assertThat(s.seconds() % 900).isZero();
                        assertThat(s.seconds()).isGreaterThanOrEqualTo(3600);
                    });
        }
    }

    @Test
    void everyRunAboveTheImpactThresholdIsAnImpactOfTheGroundTruth() {
        SignalGenerator g = new SignalGenerator("d", evening(4), RATE, 4);
        int n = (int) g.totalSamples();
        float[][] s = new float[3][n];
        g.fill(s[0], s[1], s[2], 0, n);
        int runs = 0;
        boolean in = false;
        for (int i = 0; i < n; i++) {
            boolean above = Math.sqrt(s[0][i] * s[0][i] + s[1][i] * s[1][i] + s[2][i] * s[2][i]) >= 1.3;
            if (above && !in) {
                runs++;
            }
            in = above;
        }
        assertThat(g.truth().impacts()).isPositive().isEqualTo(runs);
    }
}
