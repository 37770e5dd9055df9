package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.scoring.summary.DaySummary;

/**
 * The scoring core finds in the simulated signal what the simulator says it put there. This is
 * what makes the simulator's ground truth usable for end-to-end tests of adherence.
 */
class GroundTruthRecoveryTest {
    static final double RATE = 50;

    @Test
    void scoringCoreRecoversImpactBandsMvpaAndNonWearOfPlannedDays() {
        for (long seed : new long[] {11, 12}) {
            LocalDate date = LocalDate.of(2026, 11, 23);
            SignalGenerator day = new SignalGenerator("d", DayPlanner.day(seed, 0, date), RATE, seed);
            // The next morning closes the day's last non-wear windows as a real recording would.
            SignalGenerator next = new SignalGenerator(
                    "d", DayPlanner.day(seed, 0, date.plusDays(1)).crop(0, 7200), RATE, seed + 1);
            DaySummary scored = Scored.days(RATE, day, next).get(0);
            GroundTruth truth = day.truth();

            assertThat(Scored.band(scored, "low")).as("low band, seed %d", seed).isEqualTo(truth.band("low"));
            assertThat(Scored.band(scored, "medium")).as("medium band").isEqualTo(truth.band("medium"));
            assertThat(Scored.band(scored, "high")).as("high band").isEqualTo(truth.band("high"));
            assertThat(truth.nonWearMinutes())
                    .as("every planned day has non-wear")
                    .isGreaterThanOrEqualTo(60);
            assertThat(1440 - scored.wearMinutes())
                    .as("non-wear minutes")
                    .isCloseTo(truth.nonWearMinutes(), within(1.0));
            assertThat(scored.mvpaMinutes())
                    .as("MVPA minutes")
                    .isCloseTo(truth.mvpaMinutes(), within(Math.max(1.0, 0.03 * truth.mvpaMinutes())));
            // Verisense finds a little fewer steps than walked (peaks at its 1.2-g threshold).
            assertThat((double) scored.steps())
                    .as("steps")
                    .isCloseTo(truth.stepsIntended(), within(0.1 * truth.stepsIntended()));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {25, 50, 100})
    void wellSeparatedJumpsAreFoundInTheirBandAndHistogramBin(double rate) {
        Instant start = Instant.parse("2026-11-23T08:00:00Z");
        DayPlan plan = DayPlan.of(
                start,
                List.of(
                        new Segment(Activity.SITTING, 0, 600, 0),
                        new Segment(Activity.JUMPS, 600, 60, 2.6),
                        new Segment(Activity.SITTING, 660, 60, 0),
                        new Segment(Activity.JUMPS, 720, 90, 4.75),
                        new Segment(Activity.SITTING, 810, 60, 0),
                        new Segment(Activity.JUMPS, 870, 60, 5.95),
                        new Segment(Activity.SITTING, 930, 600, 0)));
        SignalGenerator generator = new SignalGenerator("d", plan, rate, 5);
        DaySummary scored = Scored.days(rate, generator).get(0);
        GroundTruth truth = generator.truth();

        assertThat(truth.jumps()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(truth.band("high")).isPositive();
        assertThat(Scored.band(scored, "low")).isZero();
        assertThat(Scored.band(scored, "medium")).isEqualTo(truth.band("medium"));
        assertThat(Scored.band(scored, "high")).isEqualTo(truth.band("high"));
        for (double peak : new double[] {2.6, 4.75, 5.95}) {
            long planned = truth.jumps().stream()
                    .filter(j -> Math.abs(j.peakG() - peak) < 0.1)
                    .count();
            assertThat(scored.peakHistogram().stream()
                            .filter(b -> b.lowerG() <= peak && peak < b.upperG())
                            .findFirst()
                            .orElseThrow()
                            .count())
                    .as("jumps of %s g", peak)
                    .isEqualTo((int) planned);
        }
        assertThat(scored.mvpaMinutes()).as("jump sets stay light").isZero();
    }
}
