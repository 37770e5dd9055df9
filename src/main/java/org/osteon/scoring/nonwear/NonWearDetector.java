package org.osteon.scoring.nonwear;

import java.util.Arrays;

/**
 * Streaming non-wear detection (GGIR default, current code; docs/metrics.md §1): windows of 60 min
 * start every 15 min; in a window an axis qualifies when its SD &lt; 13 mg and its range &lt; 150
 * mg; the whole window is non-wear when at least 2 of the 3 axes qualify. A 15-min block is
 * non-wear when any window covering it is.
 *
 * <p>A block's flag is final once the last window that can cover it has been seen, i.e. 45 min
 * after the block ends; {@link BlockListener} is then told. As in GGIR's "2023" approach, windows
 * that start in the last 45 min are cut at the end of the data and judged on what they hold; the
 * trailing partial block belongs to them.
 *
 * <p>Only the last {@code windowMinutes / stepMinutes} blocks are kept, so memory is constant.
 */
public final class NonWearDetector {

    /** Told when a block's non-wear flag can no longer change. */
    @FunctionalInterface
    public interface BlockListener {
        void blockFinal(long block, boolean nonwear);
    }

    private final NonWearParams params;
    private final double[] scale;
    private final int ring;
    private final long[] count;
    private final double[][] sum;
    private final double[][] sumSq;
    private final double[][] min;
    private final double[][] max;
    private final boolean[] flag;
    private long block;

    /**
     * @param params window, step and thresholds
     * @param scale calibration scale per axis (1 for raw data), applied to SD and range
     */
    public NonWearDetector(NonWearParams params, double[] scale) {
        this.params = params;
        this.scale = scale.clone();
        this.ring = params.stepsPerWindow();
        this.count = new long[ring];
        this.sum = new double[ring][3];
        this.sumSq = new double[ring][3];
        this.min = new double[ring][3];
        this.max = new double[ring][3];
        this.flag = new boolean[ring];
        reset(0);
    }

    private NonWearDetector(NonWearDetector o) {
        this.params = o.params;
        this.scale = o.scale;
        this.ring = o.ring;
        this.count = o.count.clone();
        this.sum = deepCopy(o.sum);
        this.sumSq = deepCopy(o.sumSq);
        this.min = deepCopy(o.min);
        this.max = deepCopy(o.max);
        this.flag = o.flag.clone();
        this.block = o.block;
    }

    /** An independent detector in this one's state. */
    public NonWearDetector copy() {
        return new NonWearDetector(this);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * Adds {@code n} raw samples of the current block. Statistics are kept on the raw values and
     * scaled by the calibration when a window is judged: an affine correction scales SD and range
     * by |scale| and leaves the decision otherwise unchanged, and this keeps the per-sample work to
     * a few additions. Each running sum continues from its stored value, so the result does not
     * depend on how the block was split into calls.
     */
    public void accept(float[] x, float[] y, float[] z, int from, int n) {
        int s = (int) (block % ring);
        count[s] += n;
        accumulate(s, 0, x, from, n);
        accumulate(s, 1, y, from, n);
        accumulate(s, 2, z, from, n);
    }

    private void accumulate(int s, int axis, float[] v, int from, int n) {
        double total = sum[s][axis];
        double squares = sumSq[s][axis];
        double lo = min[s][axis];
        double hi = max[s][axis];
        for (int i = from; i < from + n; i++) {
            double d = v[i];
            total += d;
            squares += d * d;
            if (d < lo) {
                lo = d;
            }
            if (d > hi) {
                hi = d;
            }
        }
        sum[s][axis] = total;
        sumSq[s][axis] = squares;
        min[s][axis] = lo;
        max[s][axis] = hi;
    }

    /** Closes the current (complete) block, evaluates the window ending with it and starts the next. */
    public void closeBlock(BlockListener listener) {
        if (block >= ring - 1 && windowIsNonWear(block - ring + 1, block)) {
            Arrays.fill(flag, true);
        }
        if (block >= ring - 1) {
            long first = block - ring + 1;
            listener.blockFinal(first, flag[(int) (first % ring)]);
        }
        block++;
        reset((int) (block % ring));
    }

    /** Ends the data: the blocks not yet final (including a partial last block) become final. */
    public void finish(BlockListener listener) {
        for (long start = Math.max(0, block - ring + 1); start < block; start++) {
            if (windowIsNonWear(start, block)) {
                for (long b = start; b <= block; b++) {
                    flag[(int) (b % ring)] = true;
                }
            }
        }
        for (long b = Math.max(0, block - ring + 1); b <= block; b++) {
            listener.blockFinal(b, flag[(int) (b % ring)]);
        }
    }

    /** Judges the window made of blocks {@code first..last}, all still in the ring. */
    private boolean windowIsNonWear(long first, long last) {
        int qualifying = 0;
        for (int axis = 0; axis < 3; axis++) {
            if (axisQualifies(axis, first, last)) {
                qualifying++;
            }
        }
        return qualifying >= params.minAxes();
    }

    private boolean axisQualifies(int axis, long first, long last) {
        long n = 0;
        double s = 0;
        double ss = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (long k = first; k <= last; k++) {
            int b = (int) (k % ring);
            n += count[b];
            s += sum[b][axis];
            ss += sumSq[b][axis];
            lo = Math.min(lo, min[b][axis]);
            hi = Math.max(hi, max[b][axis]);
        }
        if (n < 2) {
            return false;
        }
        double variance = Math.max(0, (ss - s * s / n) / (n - 1));
        double k = Math.abs(scale[axis]);
        return k * Math.sqrt(variance) < params.sdThresholdG() && k * (hi - lo) < params.rangeThresholdG();
    }

    private void reset(int s) {
        count[s] = 0;
        flag[s] = false;
        for (int axis = 0; axis < 3; axis++) {
            sum[s][axis] = 0;
            sumSq[s][axis] = 0;
            min[s][axis] = Double.POSITIVE_INFINITY;
            max[s][axis] = Double.NEGATIVE_INFINITY;
        }
    }
}
