package org.osteon.scoring.nonwear;

/**
 * Streaming non-wear detection (GGIR default, current code; docs/metrics.md §1): windows of 60 min
 * start every 15 min; in a window an axis qualifies when its SD &lt; 13 mg and its range &lt; 150
 * mg; the whole window is non-wear when at least 2 of the 3 axes qualify. A 15-min block is
 * non-wear when any window covering it is.
 *
 * <p>A block's flag is final once the last window that can cover it has been seen, i.e. 45 min
 * after the block ends; {@link BlockListener} is then told. Windows that would reach past the end
 * of the data are not evaluated (they do not hold 60 min), so the last 45 min of a recording are
 * non-wear only when an earlier complete window says so.
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
    private final int ring;
    private final long[] count;
    private final double[][] sum;
    private final double[][] sumSq;
    private final double[][] min;
    private final double[][] max;
    private final boolean[] flag;
    private long block;

    public NonWearDetector(NonWearParams params) {
        this.params = params;
        this.ring = params.stepsPerWindow();
        this.count = new long[ring];
        this.sum = new double[ring][3];
        this.sumSq = new double[ring][3];
        this.min = new double[ring][3];
        this.max = new double[ring][3];
        this.flag = new boolean[ring];
        reset(0);
    }

    /** Adds one sample (g) to the current block. */
    public void add(double x, double y, double z) {
        int s = (int) (block % ring);
        count[s]++;
        addAxis(s, 0, x);
        addAxis(s, 1, y);
        addAxis(s, 2, z);
    }

    private void addAxis(int s, int axis, double v) {
        sum[s][axis] += v;
        sumSq[s][axis] += v * v;
        if (v < min[s][axis]) {
            min[s][axis] = v;
        }
        if (v > max[s][axis]) {
            max[s][axis] = v;
        }
    }

    /** Closes the current (complete) block, evaluates the window ending with it and starts the next. */
    public void closeBlock(BlockListener listener) {
        if (block >= ring - 1 && windowIsNonWear()) {
            java.util.Arrays.fill(flag, true);
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
        for (long b = Math.max(0, block - ring + 1); b <= block; b++) {
            listener.blockFinal(b, flag[(int) (b % ring)]);
        }
    }

    private boolean windowIsNonWear() {
        int qualifying = 0;
        for (int axis = 0; axis < 3; axis++) {
            if (axisQualifies(axis)) {
                qualifying++;
            }
        }
        return qualifying >= params.minAxes();
    }

    private boolean axisQualifies(int axis) {
        long n = 0;
        double s = 0;
        double ss = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < ring; b++) {
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
        return Math.sqrt(variance) < params.sdThresholdG() && hi - lo < params.rangeThresholdG();
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
