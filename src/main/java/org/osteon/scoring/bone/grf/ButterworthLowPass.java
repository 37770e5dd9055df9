package org.osteon.scoring.bone.grf;

/**
 * Zero-phase Butterworth low-pass (docs/metrics-implementation.md, "Estimated peak ground-reaction
 * force"): the digital filter of the given even order, designed by the bilinear transform with the
 * cut-off pre-warped, run forwards and then backwards over the whole signal.
 *
 * <p>Invariant: the response depends only on the cut-off as a fraction of the sample rate. Run
 * twice, the magnitude response is the square of the single filter's, {@code 1 / (1 + (tan(π f /
 * fs) / tan(π fc / fs))^(2·order))}: 1 at 0 Hz, ½ (−6 dB) at the cut-off, and no phase shift, so a
 * peak stays at its sample.
 *
 * <p>The filter is built as a cascade of second-order sections, one per conjugate pole pair of the
 * analogue prototype (section Q = 1 / (2 cos θ), θ the pole angle), which is numerically safer
 * than one high-order difference equation. Each pass starts in the steady state of the signal's
 * first value, so a constant signal (1 g of gravity) passes unchanged with no start-up transient.
 */
public final class ButterworthLowPass {
    private final int order;
    private final double cutoffHz;
    private final double rateHz;
    /** Per section: b0, b1, b2, a1, a2 (a0 normalised to 1). */
    private final double[][] sections;

    /**
     * @param order filter order, even, at least 2
     * @param cutoffHz −3 dB frequency of one pass, below the Nyquist frequency rateHz / 2
     * @param rateHz sample rate
     * @throws IllegalArgumentException when the order is odd or the cut-off is not below Nyquist
     */
    public ButterworthLowPass(int order, double cutoffHz, double rateHz) {
        if (order < 2 || order % 2 != 0) {
            throw new IllegalArgumentException("order: must be an even number of at least 2, was " + order);
        }
        if (!(cutoffHz > 0) || !(cutoffHz < rateHz / 2)) {
            throw new IllegalArgumentException("cutoffHz: must be above 0 and below half the sample rate (" + rateHz / 2
                    + " Hz), was " + cutoffHz);
        }
        this.order = order;
        this.cutoffHz = cutoffHz;
        this.rateHz = rateHz;
        double k = Math.tan(Math.PI * cutoffHz / rateHz);
        this.sections = new double[order / 2][];
        for (int s = 0; s < order / 2; s++) {
            double theta = Math.PI * (2 * s + 1) / (2.0 * order);
            double q = 1 / (2 * Math.cos(theta));
            double norm = 1 / (1 + k / q + k * k);
            double b0 = k * k * norm;
            sections[s] = new double[] {b0, 2 * b0, b0, 2 * (k * k - 1) * norm, (1 - k / q + k * k) * norm};
        }
    }

    /** Whether a cut-off of {@code cutoffHz} can be applied at {@code rateHz} (it must be below Nyquist). */
    public static boolean definedAt(double cutoffHz, double rateHz) {
        return cutoffHz > 0 && cutoffHz < rateHz / 2;
    }

    public int order() {
        return order;
    }

    public double cutoffHz() {
        return cutoffHz;
    }

    public double rateHz() {
        return rateHz;
    }

    /** The signal filtered forwards then backwards; {@code in} is not changed. */
    public double[] filtfilt(double[] in) {
        double[] out = in.clone();
        pass(out);
        reverse(out);
        pass(out);
        reverse(out);
        return out;
    }

    /** One causal pass through every section, in place (transposed direct form II). */
    private void pass(double[] v) {
        if (v.length == 0) {
            return;
        }
        for (double[] c : sections) {
            double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
            // Steady state for a constant input equal to the first sample (the DC gain is 1).
            double x0 = v[0];
            double s1 = x0 - b0 * x0;
            double s2 = b2 * x0 - a2 * x0;
            for (int i = 0; i < v.length; i++) {
                double x = v[i];
                double y = b0 * x + s1;
                s1 = b1 * x - a1 * y + s2;
                s2 = b2 * x - a2 * y;
                v[i] = y;
            }
        }
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
