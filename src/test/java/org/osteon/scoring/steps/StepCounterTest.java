package org.osteon.scoring.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.calibration.Calibration;

class StepCounterTest {

    static final double RATE = 50;

    /** Steps found in {@code seconds} of vertical oscillation at {@code hz} with amplitude {@code g}. */
    static List<Double> count(StepParams params, double seconds, double hz, double g, long seed) {
        Random random = new Random(seed);
        List<Double> steps = new ArrayList<>();
        StepCounter counter = new StepCounter(params, RATE, Calibration.none(), (at, n, done) -> {
            for (int i = 0; i < n; i++) {
                steps.add(at[i]);
            }
        });
        int n = (int) (seconds * RATE);
        float[][] xyz = new float[3][n];
        for (int i = 0; i < n; i++) {
            xyz[0][i] = (float) (0.01 * random.nextGaussian());
            xyz[1][i] = (float) (0.01 * random.nextGaussian());
            xyz[2][i] = (float) (1 + g * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        for (int i = 0; i < n; i += 7) {
            counter.accept(xyz[0], xyz[1], xyz[2], i, Math.min(7, n - i));
        }
        counter.finish();
        return steps;
    }

    @Test
    void walkingAtOnePointEightHertzGivesAboutOneStepPerCycle() {
        List<Double> steps = count(StepParams.VERISENSE_DEFAULT, 300, 1.8, 0.5, 1);

        // 540 cycles; the continuity rule needs a few peaks before the first step is kept.
        assertTrue(steps.size() >= 530 && steps.size() <= 540, "steps " + steps.size());
        assertTrue(steps.get(0) < 5, "walking is recognised within seconds: " + steps.get(0));
    }

    @Test
    void stillDeviceHasNoSteps() {
        assertEquals(0, count(StepParams.VERISENSE_DEFAULT, 300, 1.8, 0, 2).size());
    }

    @Test
    void gentleSwayBelowTheMagnitudeThresholdHasNoSteps() {
        assertEquals(0, count(StepParams.VERISENSE_DEFAULT, 300, 1.8, 0.15, 3).size());
    }

    @Test
    void tremorFasterThanTheMaximumPeriodHasNoSteps() {
        assertEquals(0, count(StepParams.VERISENSE_DEFAULT, 300, 5, 0.5, 4).size());
    }

    @Test
    void magnitudeThresholdIsConfigurable() {
        StepParams p = StepParams.VERISENSE_DEFAULT;
        StepParams strict = new StepParams(
                p.k(),
                p.periodMin(),
                p.periodMax(),
                p.similarityThreshold(),
                p.continuityWindowSize(),
                p.continuityThreshold(),
                p.varianceThreshold(),
                1.6,
                p.minSdG(),
                p.resampleHz(),
                p.blockMinutes());

        assertEquals(0, count(strict, 120, 1.8, 0.5, 5).size());
    }
}
