package org.osteon.scoring;

import java.util.Random;

/** A synthetic tri-axial recording in g, built piece by piece for tests. */
public final class Signal {

    public final float[] x;
    public final float[] y;
    public final float[] z;
    public final double rateHz;

    public Signal(double rateHz, int samples) {
        this.rateHz = rateHz;
        this.x = new float[samples];
        this.y = new float[samples];
        this.z = new float[samples];
    }

    public int length() {
        return x.length;
    }

    public int samplesIn(double seconds) {
        return (int) Math.round(seconds * rateHz);
    }

    /** Device lying flat: x = y = 0, z = 1 g, on [from, to). */
    public Signal still(int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = 0;
            y[i] = 0;
            z[i] = 1;
        }
        return this;
    }

    /** Worn, moving but below 1.3 g: gravity on z plus Gaussian noise clipped to ±0.25 g per axis. */
    public Signal moving(int from, int to, double sdG, Random random) {
        for (int i = from; i < to; i++) {
            x[i] = (float) clip(sdG * random.nextGaussian());
            y[i] = (float) clip(sdG * random.nextGaussian());
            z[i] = (float) (1 + clip(sdG * random.nextGaussian()));
        }
        return this;
    }

    private static double clip(double v) {
        return Math.max(-0.18, Math.min(0.18, v));
    }

    /**
     * A jump landing: on z, a triangle of {@code width} samples rising to exactly {@code peakG} at
     * {@code at}, with x = y = 0, so the resultant's maximum is exactly {@code peakG}.
     */
    public Signal jump(int at, double peakG, int width) {
        for (int k = -width; k <= width; k++) {
            double v = 1.4 + (peakG - 1.4) * (1 - Math.abs(k) / (double) (width + 1));
            x[at + k] = 0;
            y[at + k] = 0;
            z[at + k] = (float) (k == 0 ? peakG : Math.min(v, peakG));
        }
        return this;
    }
}
