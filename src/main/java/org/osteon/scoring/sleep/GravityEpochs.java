package org.osteon.scoring.sleep;

import java.util.Arrays;
import org.osteon.scoring.calibration.Calibration;

/**
 * Mean calibrated gravity components per epoch, from raw samples fed in any batch sizes: the input
 * of {@link SleepWindowDetector}. Epoch k holds samples k·m .. k·m + m − 1, m = round(rate ×
 * epoch seconds), as {@code pipeline.EpochScorer} cuts them; a trailing incomplete epoch is left
 * out, as there. Sums continue from their stored values in sample order, so the means do not
 * depend on the batching.
 */
public final class GravityEpochs {
    private final int samplesPerEpoch;
    private final Calibration calibration;
    private double[] x = new double[256];
    private double[] y = new double[256];
    private double[] z = new double[256];
    private int epochs;
    private double sx;
    private double sy;
    private double sz;
    private int inEpoch;

    /**
     * @param rateHz sample rate
     * @param epochSeconds epoch length ({@link SleepParams#epochSeconds()})
     * @param calibration applied to every sample ({@link Calibration#none()} for raw data)
     */
    public GravityEpochs(double rateHz, int epochSeconds, Calibration calibration) {
        this.samplesPerEpoch = (int) Math.round(rateHz * epochSeconds);
        if (samplesPerEpoch < 1) {
            throw new IllegalArgumentException("rate × epoch length must give at least one sample: " + rateHz);
        }
        this.calibration = calibration;
    }

    /** A copy that goes on independently: the sums of the epoch in progress and the epochs so far. */
    public GravityEpochs copy() {
        return new GravityEpochs(this);
    }

    private GravityEpochs(GravityEpochs o) {
        this.samplesPerEpoch = o.samplesPerEpoch;
        this.calibration = o.calibration;
        this.x = o.x.clone();
        this.y = o.y.clone();
        this.z = o.z.clone();
        this.epochs = o.epochs;
        this.sx = o.sx;
        this.sy = o.sy;
        this.sz = o.sz;
        this.inEpoch = o.inEpoch;
    }

    /** Adds {@code n} consecutive samples. */
    public void accept(float[] ax, float[] ay, float[] az, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            sx += calibration.apply(0, ax[i]);
            sy += calibration.apply(1, ay[i]);
            sz += calibration.apply(2, az[i]);
            if (++inEpoch == samplesPerEpoch) {
                if (epochs == x.length) {
                    x = Arrays.copyOf(x, epochs * 2);
                    y = Arrays.copyOf(y, epochs * 2);
                    z = Arrays.copyOf(z, epochs * 2);
                }
                x[epochs] = sx / samplesPerEpoch;
                y[epochs] = sy / samplesPerEpoch;
                z[epochs] = sz / samplesPerEpoch;
                epochs++;
                sx = sy = sz = 0;
                inEpoch = 0;
            }
        }
    }

    /**
     * Forgets the complete epochs, which the caller has taken, and keeps the one in progress: a
     * reader that takes each batch's epochs as they complete holds only those, and a {@link
     * #copy()} stays small. Epoch numbering of later calls starts again at 0.
     */
    public void clearComplete() {
        epochs = 0;
    }

    /** Complete epochs so far (since the last {@link #clearComplete()}). */
    public int epochs() {
        return epochs;
    }

    /** Mean x of each complete epoch, g. */
    public double[] x() {
        return Arrays.copyOf(x, epochs);
    }

    /** Mean y of each complete epoch, g. */
    public double[] y() {
        return Arrays.copyOf(y, epochs);
    }

    /** Mean z of each complete epoch, g. */
    public double[] z() {
        return Arrays.copyOf(z, epochs);
    }
}
