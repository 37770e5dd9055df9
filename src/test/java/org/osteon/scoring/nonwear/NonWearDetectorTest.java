package org.osteon.scoring.nonwear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NonWearDetectorTest {

    static final int PER_BLOCK = 15 * 60 * 10;

    /** Flags of four 15-min blocks at 10 Hz whose x and y have the given SD (z is flat). */
    static List<Boolean> flags(double sdG, double[] scale) {
        Random random = new Random(1);
        float[] x = new float[PER_BLOCK];
        float[] y = new float[PER_BLOCK];
        float[] z = new float[PER_BLOCK];
        NonWearDetector detector = new NonWearDetector(NonWearParams.GGIR_DEFAULT, scale);
        List<Boolean> flags = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < PER_BLOCK; i++) {
                x[i] = (float) (sdG * Math.max(-2, Math.min(2, random.nextGaussian())));
                y[i] = (float) (sdG * Math.max(-2, Math.min(2, random.nextGaussian())));
                z[i] = 1;
            }
            detector.accept(x, y, z, 0, PER_BLOCK);
            detector.closeBlock((block, nonwear) -> flags.add(nonwear));
        }
        detector.finish((block, nonwear) -> flags.add(nonwear));
        return flags;
    }

    @Test
    void twoMovingAxesMakeTheWindowWear() {
        assertEquals(List.of(false, false, false, false, false), flags(0.02, new double[] {1, 1, 1}));
    }

    @Test
    void calibrationScaleAppliesToSdAndRange() {
        // 20 mg raw SD is 10 mg once scaled by 0.5: below 13 mg, and the range shrinks to < 150 mg.
        // The fifth flag is the empty block after the data, which the cut end windows cover.
        assertEquals(List.of(true, true, true, true, true), flags(0.02, new double[] {0.5, 0.5, 1}));
    }
}
