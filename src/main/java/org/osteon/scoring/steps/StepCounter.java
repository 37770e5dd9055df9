package org.osteon.scoring.steps;

/**
 * Streaming step counting: resamples calibrated x, y, z to {@link StepParams#resampleHz()} by
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

    public StepCounter(StepParams params, double rateHz, StepListener listener) {
        this.params = params;
        this.rateHz = rateHz;
        this.algorithm = new VerisenseSteps(params);
        this.listener = listener;
        this.block = new float[params.blockMinutes() * 60 * params.resampleHz()];
    }

    /** Adds one calibrated sample (g). */
    public void add(double x, double y, double z) {
        // Output j lies at j / resampleHz s; emit every output at or before this input's time.
        while (outputIndex * rateHz <= inputIndex * (double) params.resampleHz()) {
            if (inputIndex == 0) {
                push(x, y, z);
            } else {
                double frac = outputIndex * rateHz / params.resampleHz() - (inputIndex - 1);
                push(prevX + (x - prevX) * frac, prevY + (y - prevY) * frac, prevZ + (z - prevZ) * frac);
            }
        }
        prevX = x;
        prevY = y;
        prevZ = z;
        inputIndex++;
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
