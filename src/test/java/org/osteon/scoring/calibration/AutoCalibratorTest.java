package org.osteon.scoring.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoCalibratorTest {

    static final double RATE = 25;
    static final double[] TRUE_OFFSET = {0.04, -0.03, 0.02};
    static final double[] TRUE_SCALE = {1.03, 0.97, 1.02};

    /**
     * Still stretches of 20 s in {@code orientations} random directions within {@code maxTiltDeg}
     * of +z, recorded by a device whose raw output satisfies (raw + offset) · scale = true.
     */
    static float[][] stillRecording(int orientations, double maxTiltDeg, long seed) {
        Random random = new Random(seed);
        int per = (int) (20 * RATE);
        float[][] xyz = new float[3][orientations * per];
        for (int o = 0; o < orientations; o++) {
            double cosTilt = 1 - random.nextDouble() * (1 - Math.cos(Math.toRadians(maxTiltDeg)));
            double sinTilt = Math.sqrt(1 - cosTilt * cosTilt);
            double phi = 2 * Math.PI * random.nextDouble();
            double[] g = {sinTilt * Math.cos(phi), sinTilt * Math.sin(phi), cosTilt};
            for (int i = o * per; i < (o + 1) * per; i++) {
                for (int axis = 0; axis < 3; axis++) {
                    double truth = g[axis] + 0.002 * random.nextGaussian();
                    xyz[axis][i] = (float) (truth / TRUE_SCALE[axis] - TRUE_OFFSET[axis]);
                }
            }
        }
        return xyz;
    }

    static Calibration fit(float[][] xyz, int batch) {
        AutoCalibrator calibrator = new AutoCalibrator(RATE);
        for (int i = 0; i < xyz[0].length; i += batch) {
            calibrator.accept(xyz[0], xyz[1], xyz[2], i, Math.min(batch, xyz[0].length - i));
        }
        return calibrator.fit();
    }

    @Test
    void miscalibratedStillRecordingIsCorrectedWithinTenMilliG() {
        float[][] xyz = stillRecording(60, 180, 1);

        Calibration c = fit(xyz, xyz[0].length);

        assertTrue(c.accepted(), c.reason());
        assertTrue(c.errorBeforeG() > 0.01, "the raw data really are off: " + c.errorBeforeG());
        assertTrue(c.errorAfterG() < 0.01, "error after " + c.errorAfterG());
        for (int axis = 0; axis < 3; axis++) {
            assertEquals(TRUE_OFFSET[axis], c.offset()[axis], 0.01, "offset " + axis);
            assertEquals(TRUE_SCALE[axis], c.scale()[axis], 0.01, "scale " + axis);
        }
        double worst = 0;
        for (int i = 0; i < xyz[0].length; i += 50) {
            double x = c.apply(0, xyz[0][i]);
            double y = c.apply(1, xyz[1][i]);
            double z = c.apply(2, xyz[2][i]);
            worst = Math.max(worst, Math.abs(Math.sqrt(x * x + y * y + z * z) - 1));
        }
        assertTrue(worst < 0.01, "corrected samples lie within 10 mg of 1 g, worst " + worst);
        assertEquals(60 * 2, c.stillPoints());
    }

    @Test
    void unpopulatedSphereIsNotAcceptedAndSaysWhy() {
        float[][] xyz = stillRecording(40, 15, 2);

        Calibration c = fit(xyz, xyz[0].length);

        assertFalse(c.accepted());
        assertTrue(c.reason().startsWith("sphere not populated"), c.reason());
        assertTrue(c.reason().contains("z below -0.3 g"), c.reason());
        assertEquals(0.0, c.offset()[0]);
        assertEquals(1.0, c.scale()[2]);
    }

    @Test
    void movingRecordingHasNoStillPointsAndSaysSo() {
        Random random = new Random(3);
        float[][] xyz = new float[3][(int) (120 * RATE)];
        for (int i = 0; i < xyz[0].length; i++) {
            xyz[2][i] = (float) (1 + 0.2 * random.nextGaussian());
        }

        Calibration c = fit(xyz, xyz[0].length);

        assertFalse(c.accepted());
        assertEquals("no still 10-s windows", c.reason());
    }

    @Test
    void rejectedCalibrationCannotCarryCoefficients() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Calibration(
                        new double[] {0.1, 0, 0}, new double[] {1, 1, 1}, false, "hand-made", 0.1, 0.05, 10));
    }

    @Test
    void fitDoesNotDependOnBatches() {
        float[][] xyz = stillRecording(30, 180, 4);

        assertEquals(fit(xyz, xyz[0].length), fit(xyz, 7));
    }
}
