package org.osteon.scoring.bone;

/**
 * Daily stress stimulus ψ = (Σ n_i · σ_i^m)^(1/m) (Carter 1987; Whalen 1988; docs/metrics.md §4).
 * The default exponent m = 4 is unverified and configurable. Loads are added in time order so the
 * sum does not depend on batching.
 */
public final class StressStimulus {

    private final double m;
    private double sum;

    public StressStimulus(double m) {
        this.m = m;
    }

    /** An independent stimulus with this one's sum. */
    public StressStimulus copy() {
        StressStimulus c = new StressStimulus(m);
        c.sum = sum;
        return c;
    }

    /** Adds {@code cycles} loads of magnitude {@code sigma} (g or body weights). */
    public void add(double sigma, double cycles) {
        sum += cycles * Math.pow(sigma, m);
    }

    public double value() {
        return Math.pow(sum, 1 / m);
    }
}
