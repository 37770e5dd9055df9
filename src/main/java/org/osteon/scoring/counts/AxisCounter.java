package org.osteon.scoring.counts;

/**
 * One axis of the ActiGraph counts chain, from raw g to 10-Hz counts (Neishabouri et al.,
 * Sci Rep 2022, steps 1–4). All filter state lives in fields so that a stream cut into any
 * batches gives the same output as one block; the hot loop copies it into locals.
 *
 * <p>The arithmetic follows the reference implementation operation by operation (same
 * order of additions, half-even rounding to 3 decimals, transposed direct-form II IIR)
 * because ActiLife's counts are floors of these values: a different rounding of an
 * intermediate result can move a sample across an integer and change an epoch.
 */
final class AxisCounter {

    /** Band-pass numerator, as published; ActiLife uses these truncated constants. */
    static final double[] B = {
        -0.009341062898525, -0.025470289659360, -0.004235264826105, 0.044152415456420,
        0.036493718347760, -0.011893961934740, -0.022917390623150, -0.006788163862310
    };

    /** Band-pass denominator, as published. */
    static final double[] A = {
        1, -3.63367395910957, 5.03689812757486, -3.09612247819666,
        0.50620507633883, 0.32421701566682, -0.15685485875559, 0.01949130205890
    };

    /** ActiLife's scale from filter output to count units, (3/4096) / (2.6/256) · 237.5. */
    static final double GAIN = (3.0 / 4096.0) / (2.6 / 256.0) * 237.5;

    private static final double[] STEADY_STATE = steadyState();

    private final int up;
    private final int down;
    private final boolean interpolate;
    private final double lpfGain;
    private final double lpfFeedback;
    private final boolean lfe;

    private double lpfIn;
    private double lpfOut;
    private int phase;
    private boolean primed;
    private double z0, z1, z2, z3, z4, z5, z6;
    private int sum3;
    private int n3;

    AxisCounter(int rateHz, CountsFilter filter) {
        int[] lm = factors(rateHz);
        up = lm[0];
        down = lm[1];
        interpolate = rateHz != 30 && rateHz != 60 && rateHz != 90;
        double a = Math.PI / (Math.PI + 2 * up);
        lpfGain = a * up;
        lpfFeedback = (Math.PI - 2 * up) / (Math.PI + 2 * up);
        lfe = filter == CountsFilter.LFE;
    }

    /** Up-sampling factor L and down-sampling factor M that take {@code rateHz} to 30 Hz. */
    static int[] factors(int rateHz) {
        switch (rateHz) {
            case 30: return new int[] {1, 1};
            case 40: return new int[] {3, 4};
            case 50: return new int[] {3, 5};
            case 60: return new int[] {1, 2};
            case 70: return new int[] {3, 7};
            case 80: return new int[] {3, 8};
            case 90: return new int[] {1, 3};
            case 100: return new int[] {3, 10};
            default:
                throw new IllegalArgumentException("ActiGraph counts need a sample rate of 30 to 100 Hz"
                        + " in 10-Hz steps (Neishabouri et al. 2022), got " + rateHz + " Hz");
        }
    }

    /**
     * Filters {@code len} raw samples and writes each completed 10-Hz value to {@code out}.
     *
     * @return the number of 10-Hz values written
     */
    int process(float[] raw, int off, int len, int[] out) {
        int written = 0;
        int end = off + len;
        if (interpolate) {
            double in = lpfIn;
            double y = lpfOut;
            int p = phase;
            for (int i = off; i < end; i++) {
                double x = raw[i];
                for (int j = 0; j < up; j++) {
                    double u = j == 0 ? x : 0.0;
                    y = lpfGain * (u + in) + (-lpfFeedback * y);
                    in = u;
                    if (p == 0) {
                        written = filterAt30Hz(y, out, written);
                    }
                    p = p + 1 == down ? 0 : p + 1;
                }
            }
            lpfIn = in;
            lpfOut = y;
            phase = p;
        } else {
            int p = phase;
            for (int i = off; i < end; i++) {
                if (p == 0) {
                    written = filterAt30Hz(raw[i], out, written);
                }
                p = p + 1 == down ? 0 : p + 1;
            }
            phase = p;
        }
        return written;
    }

    /** Steps 2–4 for one 30-Hz sample: round, band-pass, dead-band, 3-to-1 average. */
    private int filterAt30Hz(double resampled, int[] out, int written) {
        double x = Math.rint(resampled * 1000) / 1000;
        if (!primed) {
            prime(x);
        }
        double y = z0 + B[0] * x;
        z0 = z1 + x * B[1] - y * A[1];
        z1 = z2 + x * B[2] - y * A[2];
        z2 = z3 + x * B[3] - y * A[3];
        z3 = z4 + x * B[4] - y * A[4];
        z4 = z5 + x * B[5] - y * A[5];
        z5 = z6 + x * B[6] - y * A[6];
        z6 = x * B[7] - y * A[7];
        sum3 += deadBand(Math.abs(GAIN * y));
        if (++n3 == 3) {
            out[written++] = sum3 / 3;
            sum3 = 0;
            n3 = 0;
        }
        return written;
    }

    private int deadBand(double v) {
        if (v > 128) {
            return 128;
        }
        if (lfe) {
            if (v < 1) {
                return 0;
            }
            return v < 4 ? (int) v - 1 : (int) v;
        }
        return v < 4 ? 0 : (int) v;
    }

    /** Starts the band-pass in its steady state for a constant input equal to the first sample. */
    private void prime(double first) {
        z0 = STEADY_STATE[0] * first;
        z1 = STEADY_STATE[1] * first;
        z2 = STEADY_STATE[2] * first;
        z3 = STEADY_STATE[3] * first;
        z4 = STEADY_STATE[4] * first;
        z5 = STEADY_STATE[5] * first;
        z6 = STEADY_STATE[6] * first;
        primed = true;
    }

    /**
     * The filter state reached after an infinite unit step (scipy's {@code lfilter_zi}),
     * solved in closed form: zi[0] = Σ(b[k] − a[k]·b[0]) / Σa[k], then
     * zi[k] = (1 + a[1] + … + a[k])·zi[0] − Σ_{j ≤ k}(b[j] − a[j]·b[0]).
     */
    private static double[] steadyState() {
        int n = B.length - 1;
        double bSum = 0;
        double aSum = 1;
        for (int k = 1; k <= n; k++) {
            bSum += B[k] - A[k] * B[0];
            aSum += A[k];
        }
        double[] zi = new double[n];
        zi[0] = bSum / aSum;
        double asum = 1;
        double csum = 0;
        for (int k = 1; k < n; k++) {
            asum += A[k];
            csum += B[k] - A[k] * B[0];
            zi[k] = asum * zi[0] - csum;
        }
        return zi;
    }
}
