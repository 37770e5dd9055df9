package org.osteon.scoring.steps;

import org.osteon.scoring.calibration.Calibration;

/**
 * Streaming step counting: calibrates and resamples x, y, z to {@link StepParams#resampleHz()} by
 * linear interpolation (as GGIR does before calling an external step function), keeps the
 * magnitude, and runs {@link VerisenseSteps} on each block of {@link StepParams#blockMinutes()}
 * aligned to the first sample. Output therefore depends only on the samples, never on how they
 * were batched.
 */
public final class StepCounter {

    /** Told after each block with the steps found in it. */
    public interface StepListener {
        /**
         * @param stepSeconds times of the steps, seconds since the first sample
         * @param count how many entries of {@code stepSeconds} are valid
         * @param doneSeconds seconds since the first sample up to which steps are final
         */
        void steps(double[] stepSeconds, int count, double doneSeconds);
    }

    private final StepParams params;
    private final double[] offset;
    private final double[] scale;
    private final double rateHz;
    private final VerisenseSteps algorithm;
    private final StepListener listener;
    private final float[] block;
    private int filled;
    private long blockStart;
    private long inputIndex;
    private long outputIndex;
    private double prevX;
    private double prevY;
    private double prevZ;

    /**
     * @param params algorithm parameters
     * @param rateHz raw sample rate
     * @param calibration correction applied before the magnitude is taken
     * @param listener told after each block
     */
    public StepCounter(StepParams params, double rateHz, Calibration calibration, StepListener listener) {
        this.params = params;
        this.offset = calibration.offset();
        this.scale = calibration.scale();
        this.rateHz = rateHz;
        this.algorithm = new VerisenseSteps(params);
        this.listener = listener;
        this.block = new float[params.blockMinutes() * 60 * params.resampleHz()];
    }

    private StepCounter(StepCounter o, StepListener listener) {
        this.params = o.params;
        this.offset = o.offset;
        this.scale = o.scale;
        this.rateHz = o.rateHz;
        this.algorithm = o.algorithm;
        this.listener = listener;
        this.block = o.block.clone();
        this.filled = o.filled;
        this.blockStart = o.blockStart;
        this.inputIndex = o.inputIndex;
        this.outputIndex = o.outputIndex;
        this.prevX = o.prevX;
        this.prevY = o.prevY;
        this.prevZ = o.prevZ;
    }

    /**
     * An independent counter in this one's state that tells {@code listener}; the algorithm
     * itself keeps no state between blocks and is shared.
     */
    public StepCounter copy(StepListener listener) {
        return new StepCounter(this, listener);
    }

    /**
     * Adds {@code n} raw samples (g) starting at {@code from}. Only the samples either side of a
     * resampled point are calibrated and read, so the cost per raw sample is small at high rates.
     */
    public void accept(float[] x, float[] y, float[] z, int from, int n) {
        long end = inputIndex + n;
        for (long i = firstInputAtOrAfter(outputIndex); i < end; i = firstInputAtOrAfter(outputIndex)) {
            int at = (int) (from + i - inputIndex);
            double cx = calibrated(0, x[at]);
            double cy = calibrated(1, y[at]);
            double cz = calibrated(2, z[at]);
            if (i == 0) {
                push(cx, cy, cz);
                continue;
            }
            if (i > inputIndex) {
                prevX = calibrated(0, x[at - 1]);
                prevY = calibrated(1, y[at - 1]);
                prevZ = calibrated(2, z[at - 1]);
            }
            double frac = outputIndex * rateHz / params.resampleHz() - (i - 1);
            push(prevX + (cx - prevX) * frac, prevY + (cy - prevY) * frac, prevZ + (cz - prevZ) * frac);
        }
        if (n > 0) {
            int last = from + n - 1;
            prevX = calibrated(0, x[last]);
            prevY = calibrated(1, y[last]);
            prevZ = calibrated(2, z[last]);
        }
        inputIndex = end;
    }

    /** Index of the first raw sample at or after resampled point {@code j}. */
    private long firstInputAtOrAfter(long j) {
        long i = (long) Math.ceil(j * rateHz / params.resampleHz());
        while (j * rateHz > i * (double) params.resampleHz()) {
            i++;
        }
        while (i > 0 && j * rateHz <= (i - 1) * (double) params.resampleHz()) {
            i--;
        }
        return i;
    }

    private double calibrated(int axis, float raw) {
        return (raw + offset[axis]) * scale[axis];
    }

    /** Runs the algorithm on the last, partial block. */
    public void finish() {
        runBlock();
    }

    private void push(double x, double y, double z) {
        block[filled++] = (float) Math.sqrt(x * x + y * y + z * z);
        outputIndex++;
        if (filled == block.length) {
            runBlock();
        }
    }

    private void runBlock() {
        int[] found = algorithm.detect(block, filled);
        double[] seconds = new double[found.length];
        for (int i = 0; i < found.length; i++) {
            seconds[i] = (blockStart + found[i]) / (double) params.resampleHz();
        }
        blockStart += filled;
        filled = 0;
        listener.steps(seconds, seconds.length, blockStart / (double) params.resampleHz());
    }
}
