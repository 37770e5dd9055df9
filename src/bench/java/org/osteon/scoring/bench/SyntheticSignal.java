package org.osteon.scoring.bench;

import java.util.Random;

/** Reproducible walking-like acceleration in g, so benchmarks do not depend on files. */
final class SyntheticSignal {

    private SyntheticSignal() {
    }

    /** Three axes of {@code n} samples at {@code rate} Hz: gait harmonics on gravity, plus noise. */
    static float[][] walking(int n, int rate, long seed) {
        Random noise = new Random(seed);
        float[][] xyz = new float[3][n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double step = Math.sin(2 * Math.PI * 1.8 * t);
            xyz[0][i] = (float) (0.3 * step + 0.02 * noise.nextGaussian());
            xyz[1][i] = (float) (1 + 0.6 * step * step * step + 0.02 * noise.nextGaussian());
            xyz[2][i] = (float) (0.2 * Math.cos(2 * Math.PI * 0.9 * t) + 0.02 * noise.nextGaussian());
        }
        return xyz;
    }
}
