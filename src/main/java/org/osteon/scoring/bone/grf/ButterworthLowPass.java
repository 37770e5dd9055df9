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

    /**
     * Samples after which any state of one pass has decayed below 1e-18 of its size: the slowest
     * pole's radius r raised to that power. Near Nyquist (a rate just above twice the cut-off) the
     * poles approach the unit circle: about 1 s of samples from 90 to 1000 Hz, 35 s at 41 Hz.
     */
    public int decaySamples() {
        double slowest = 0;
        for (double[] c : sections) {
            double a1 = c[3], a2 = c[4];
            double disc = a1 * a1 - 4 * a2;
            double radius = disc < 0
                    ? Math.sqrt(a2)
                    : Math.max(Math.abs((-a1 + Math.sqrt(disc)) / 2), Math.abs((-a1 - Math.sqrt(disc)) / 2));
            slowest = Math.max(slowest, radius);
        }
        return slowest == 0 ? 1 : (int) Math.ceil(Math.log(1e-18) / Math.log(slowest)) + 1;
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

    /** One causal pass through every section, in place, starting in the steady state of the first sample. */
    private void pass(double[] v) {
        if (v.length == 0) {
            return;
        }
        Cascade c = cascade(v[0]);
        for (int i = 0; i < v.length; i++) {
            v[i] = c.step(v[i]);
        }
    }

    /** A causal run of the filter (one pass), in the steady state of a constant input {@code x0}. */
    Cascade cascade(double x0) {
        Cascade c = new Cascade();
        c.reset(x0);
        return c;
    }

    /** One pass's state: the sections in series, each in transposed direct form II. */
    final class Cascade {
        private final double[] s1 = new double[sections.length];
        private final double[] s2 = new double[sections.length];

        /** The steady state for a constant input {@code x0} (the DC gain is 1, so every section outputs x0). */
        void reset(double x0) {
            for (int k = 0; k < sections.length; k++) {
                double[] c = sections[k];
                s2[k] = c[2] * x0 - c[4] * x0;
                s1[k] = x0 - c[0] * x0;
            }
        }

        double[][] sections() {
            return sections;
        }

        /** An independent pass in this one's state. */
        Cascade copy() {
            Cascade c = new Cascade();
            System.arraycopy(s1, 0, c.s1, 0, s1.length);
            System.arraycopy(s2, 0, c.s2, 0, s2.length);
            return c;
        }

        double step(double x) {
            double v = x;
            for (int k = 0; k < sections.length; k++) {
                double[] c = sections[k];
                double y = c[0] * v + s1[k];
                s1[k] = c[1] * v - c[3] * y + s2[k];
                s2[k] = c[2] * v - c[4] * y;
                v = y;
            }
            return v;
        }
    }

    /**
     * Three passes (the three axes) over the same stretch of their buffers, in place, section
     * after section over the whole stretch: each value gets the same arithmetic as {@link
     * Cascade#step} gives it, so the same result to the bit, but with the state in locals and the
     * three independent recursions overlapping in the processor instead of each waiting on its own
     * latency, which is what bounds a second-order section run sample by sample.
     */
    static void run3(Cascade[] passes, double[][] bufs, int from, int n) {
        Cascade px = passes[0], py = passes[1], pz = passes[2];
        double[] bx = bufs[0], by = bufs[1], bz = bufs[2];
        int sectionCount = px.s1.length;
        for (int k = 0; k < sectionCount; k++) {
            double[] c = px.sections()[k];
            double c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4];
            double x1 = px.s1[k], x2 = px.s2[k];
            double y1 = py.s1[k], y2 = py.s2[k];
            double z1 = pz.s1[k], z2 = pz.s2[k];
            for (int i = from; i < from + n; i++) {
                double vx = bx[i];
                double vy = by[i];
                double vz = bz[i];
                double ox = c0 * vx + x1;
                double oy = c0 * vy + y1;
                double oz = c0 * vz + z1;
                x1 = c1 * vx - c3 * ox + x2;
                y1 = c1 * vy - c3 * oy + y2;
                z1 = c1 * vz - c3 * oz + z2;
                x2 = c2 * vx - c4 * ox;
                y2 = c2 * vy - c4 * oy;
                z2 = c2 * vz - c4 * oz;
                bx[i] = ox;
                by[i] = oy;
                bz[i] = oz;
            }
            px.s1[k] = x1;
            px.s2[k] = x2;
            py.s1[k] = y1;
            py.s2[k] = y2;
            pz.s1[k] = z1;
            pz.s2[k] = z2;
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
