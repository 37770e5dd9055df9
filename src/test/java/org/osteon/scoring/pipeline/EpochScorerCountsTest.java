package org.osteon.scoring.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteon.scoring.Signal;
import org.osteon.scoring.counts.ActiGraphCounts;
import org.osteon.scoring.counts.CountsFilter;
import org.osteon.scoring.intensity.CutPointSet;

class EpochScorerCountsTest {

    static Signal walkingLike(double rate, int seconds, long seed) {
        Random random = new Random(seed);
        Signal s = new Signal(rate, (int) (seconds * rate));
        for (int i = 0; i < s.length(); i++) {
            double t = i / rate;
            double amplitude = (i / (int) (30 * rate)) % 2 == 0 ? 0.4 : 0.05;
            s.x[i] = (float) (amplitude * Math.sin(2 * Math.PI * 1.8 * t) + 0.01 * random.nextGaussian());
            s.y[i] = (float) (1 + amplitude * Math.sin(2 * Math.PI * 1.8 * t + 1) + 0.01 * random.nextGaussian());
            s.z[i] = (float) (0.6 * amplitude * Math.cos(2 * Math.PI * 0.9 * t));
        }
        return s;
    }

    @ParameterizedTest(name = "{0} Hz, {1}-s epochs, {2}")
    @CsvSource({"30, 5, NORMAL", "50, 5, LFE", "100, 10, NORMAL", "90, 1, LFE"})
    void scorerCountsEqualActiGraphCounts(int rate, int epochSeconds, CountsFilter filter) {
        Signal s = walkingLike(rate, 600, rate);
        ScoringParams params = ScoringParams.builder(rate)
                .epochSeconds(epochSeconds)
                .countsFilter(filter)
                .build();
        List<int[]> expected = new ArrayList<>();
        new ActiGraphCounts(rate, epochSeconds, org.osteon.scoring.counts.CountsFilter.valueOf(filter.name()))
                .accept(s.x, s.y, s.z, 0, s.length(), (i, a1, a2, a3, vm) -> expected.add(new int[] {a1, a2, a3}));

        Recorder out = EpochScorerTest.score(params, s);

        assertEquals(expected.size(), out.epochs.size());
        for (int i = 0; i < expected.size(); i++) {
            EpochResult e = out.epochs.get(i);
            assertEquals(expected.get(i)[0], e.axis1(), "axis1 of epoch " + i);
            assertEquals(expected.get(i)[1], e.axis2(), "axis2 of epoch " + i);
            assertEquals(expected.get(i)[2], e.axis3(), "axis3 of epoch " + i);
            assertEquals(
                    Math.sqrt((double) e.axis1() * e.axis1()
                            + (double) e.axis2() * e.axis2()
                            + (double) e.axis3() * e.axis3()),
                    e.vm());
        }
        assertTrue(out.epochs.stream().anyMatch(e -> e.axis1() > 0), "the signal produces counts");
    }

    @Test
    void countsAreZeroWhereTheMethodIsUndefined() {
        Signal s = walkingLike(25, 120, 1);

        Recorder out = EpochScorerTest.score(ScoringParams.builder(25).build(), s);

        assertTrue(out.epochs.stream().allMatch(e -> e.axis1() == 0 && e.vm() == 0));
        assertTrue(out.epochs.stream().anyMatch(e -> e.enmoMg() > 0), "ENMO still works at 25 Hz");
        assertEquals(
                false, ScoringParams.builder(25).build().provenanceParameters().get("countsAvailable"));
    }

    @Test
    void countsCutPointsNeedCounts() {
        ScoringParams params = ScoringParams.builder(25)
                .cutPoints(CutPointSet.FREEDSON_COUNTS_HIP)
                .build();

        assertThrows(IllegalArgumentException.class, () -> new EpochScorer(params, 0));
    }
}
