package org.osteon.scoring.counts;

/**
 * One axis of the ActiGraph counts chain from 30-Hz samples to 10-Hz counts (Neishabouri et
 * al., Sci Rep 2022, steps 1 (rounding) to 4); {@link Resampler} does the resampling before
 * it. All filter state lives in fields so that a stream cut into any batches gives the same
 * output as one block; the loop copies it into locals.
 *
 * <p>The arithmetic follows the reference implementation operation by operation (same
 * order of additions, half-even rounding to 3 decimals, transposed direct-form II IIR)
 * because ActiLife's counts are floors of these values: a different rounding of an
 * intermediate result can move a sample across an integer and change an epoch.
 */
final class AxisCounter {

    /** Band-pass numerator, as published; ActiLife uses these truncated constants. */
    static final double[] B = {
        -0.009341062898525,
        -0.025470289659360,
        -0.004235264826105,
        0.044152415456420,
        0.036493718347760,
        -0.011893961934740,
        -0.022917390623150,
        -0.006788163862310
    };

    /** Band-pass denominator, as published. */
    static final double[] A = {
        1,
        -3.63367395910957,
        5.03689812757486,
        -3.09612247819666,
        0.50620507633883,
        0.32421701566682,
        -0.15685485875559,
        0.01949130205890
    };

    /** ActiLife's scale from filter output to count units, (3/4096) / (2.6/256) · 237.5. */
    static final double GAIN = (3.0 / 4096.0) / (2.6 / 256.0) * 237.5;

    private static final double[] STEADY_STATE = steadyState();

    private final boolean lfe;
    private boolean primed;
    private double z0, z1, z2, z3, z4, z5, z6;
    private int sum3;
    private int n3;

    AxisCounter(CountsFilter filter) {
        lfe = filter == CountsFilter.LFE;
    }

    private AxisCounter(AxisCounter o) {
        lfe = o.lfe;
        primed = o.primed;
        z0 = o.z0;
        z1 = o.z1;
        z2 = o.z2;
        z3 = o.z3;
        z4 = o.z4;
        z5 = o.z5;
        z6 = o.z6;
        sum3 = o.sum3;
        n3 = o.n3;
    }

    /** An independent counter in this one's state. */
    AxisCounter copy() {
        return new AxisCounter(this);
    }

    /**
     * Rounds, band-passes, dead-bands and averages {@code n} resampled values, writing each
     * completed 10-Hz value to {@code out}.
     *
     * @return the number of 10-Hz values written
     */
    int process(double[] resampled, int n, int[] out) {
        if (n == 0) {
            return 0;
        }
        if (!primed) {
            prime(Math.rint(resampled[0] * 1000) / 1000);
        }
        double s0 = z0, s1 = z1, s2 = z2, s3 = z3, s4 = z4, s5 = z5, s6 = z6;
        int sum = sum3;
        int k = n3;
        int written = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.rint(resampled[i] * 1000) / 1000;
            double y = s0 + B[0] * x;
            s0 = s1 + x * B[1] - y * A[1];
            s1 = s2 + x * B[2] - y * A[2];
            s2 = s3 + x * B[3] - y * A[3];
            s3 = s4 + x * B[4] - y * A[4];
            s4 = s5 + x * B[5] - y * A[5];
            s5 = s6 + x * B[6] - y * A[6];
            s6 = x * B[7] - y * A[7];
            sum += deadBand(Math.abs(GAIN * y));
            if (++k == 3) {
                out[written++] = sum / 3;
                sum = 0;
                k = 0;
            }
        }
        z0 = s0;
        z1 = s1;
        z2 = s2;
        z3 = s3;
        z4 = s4;
        z5 = s5;
        z6 = s6;
        sum3 = sum;
        n3 = k;
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
