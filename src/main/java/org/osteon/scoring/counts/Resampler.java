package org.osteon.scoring.counts;

/**
 * Step 1 of the counts method (Neishabouri et al., Sci Rep 2022) for all three axes at once:
 * up-sample by L with zeros, low-pass with y[n] = a·L·(x[n] + x[n−1]) − b·y[n−1] where the
 * rate is not a multiple of 30 Hz, and keep every M-th sample.
 *
 * <p>The three axes share one loop because each axis' low-pass is a serial chain of
 * multiply-adds: one axis at a time is bound by their latency, while three interleaved
 * chains overlap (counts at 100 Hz went from about 51 to 72 million samples/s in
 * CountsBenchmark on the shared 2-core machine). With L = 3 the up-sampled input of one raw
 * sample x is x, 0, 0, so the three steps reduce to c·x − b·y, c·x − b·y and −b·y with
 * c = a·L; the products and sums are the reference's own, bit for bit, except that
 * 0 + (−b·y) is not added, which can differ only in the sign of a zero and so never changes
 * a count.
 */
final class Resampler {

    private final int down;
    private final boolean interpolate;
    private final double gain;
    private final double feedback;
    private double y1;
    private double y2;
    private double y3;
    private int phase;

    private Resampler(Resampler o) {
        down = o.down;
        interpolate = o.interpolate;
        gain = o.gain;
        feedback = o.feedback;
        y1 = o.y1;
        y2 = o.y2;
        y3 = o.y3;
        phase = o.phase;
    }

    /** An independent resampler in this one's state. */
    Resampler copy() {
        return new Resampler(this);
    }

    Resampler(int rateHz) {
        int[] lm = factors(rateHz);
        down = lm[1];
        interpolate = lm[0] == 3;
        double a = Math.PI / (Math.PI + 2 * lm[0]);
        gain = a * lm[0];
        feedback = (Math.PI - 2 * lm[0]) / (Math.PI + 2 * lm[0]);
    }

    /** Up-sampling factor L and down-sampling factor M that take {@code rateHz} to 30 Hz. */
    static int[] factors(int rateHz) {
        switch (rateHz) {
            case 30:
                return new int[] {1, 1};
            case 40:
                return new int[] {3, 4};
            case 50:
                return new int[] {3, 5};
            case 60:
                return new int[] {1, 2};
            case 70:
                return new int[] {3, 7};
            case 80:
                return new int[] {3, 8};
            case 90:
                return new int[] {1, 3};
            case 100:
                return new int[] {3, 10};
            default:
                throw new IllegalArgumentException("ActiGraph counts need a sample rate of 30 to 100 Hz"
                        + " in 10-Hz steps (Neishabouri et al. 2022), got " + rateHz + " Hz");
        }
    }

    /** At most this many 30-Hz samples result from {@code len} raw samples. */
    static int maxOutput(int len) {
        return len + 1;
    }

    /**
     * Resamples {@code len} samples of the three axes into {@code o1..o3} from index 0.
     *
     * @return the number of 30-Hz samples written per axis
     */
    int process(float[] a1, float[] a2, float[] a3, int off, int len, double[] o1, double[] o2, double[] o3) {
        return interpolate ? interpolate(a1, a2, a3, off, len, o1, o2, o3) : decimate(a1, a2, a3, off, len, o1, o2, o3);
    }

    private int decimate(float[] a1, float[] a2, float[] a3, int off, int len, double[] o1, double[] o2, double[] o3) {
        int n = 0;
        int p = phase;
        for (int i = off; i < off + len; i++) {
            if (p == 0) {
                o1[n] = a1[i];
                o2[n] = a2[i];
                o3[n] = a3[i];
                n++;
            }
            p = p + 1 == down ? 0 : p + 1;
        }
        phase = p;
        return n;
    }

    private int interpolate(
            float[] a1, float[] a2, float[] a3, int off, int len, double[] o1, double[] o2, double[] o3) {
        int n = 0;
        int p = phase;
        double s1 = y1;
        double s2 = y2;
        double s3 = y3;
        double c = gain;
        double b = feedback;
        for (int i = off; i < off + len; i++) {
            double c1 = c * a1[i];
            double c2 = c * a2[i];
            double c3 = c * a3[i];
            for (int step = 0; step < 3; step++) {
                if (step < 2) {
                    s1 = c1 + (-b * s1);
                    s2 = c2 + (-b * s2);
                    s3 = c3 + (-b * s3);
                } else {
                    s1 = -b * s1;
                    s2 = -b * s2;
                    s3 = -b * s3;
                }
                if (p == 0) {
                    o1[n] = s1;
                    o2[n] = s2;
                    o3[n] = s3;
                    n++;
                }
                p = p + 1 == down ? 0 : p + 1;
            }
        }
        y1 = s1;
        y2 = s2;
        y3 = s3;
        phase = p;
        return n;
    }
}
