package org.osteon.scoring.steps;

import java.util.Arrays;

/**
 * The Verisense step algorithm on one block of acceleration magnitudes at {@link
 * StepParams#resampleHz()} (ShimmerEngineering/Verisense-Toolbox {@code verisense_count_steps.R},
 * after Gu et al. 2017). Steps in order:
 *
 * <ol>
 *   <li>candidate peaks: the maximum of each k-sample segment that is also the maximum of the
 *       window of ±round(k/2) samples around it (centre check as in the R code, including its
 *       behaviour at the first samples);
 *   <li>keep peaks above the magnitude threshold; at least three are needed;
 *   <li>periodicity: keep peaks whose distance to the next peak lies strictly between periodMin and
 *       periodMax samples;
 *   <li>similarity: keep peak i when −|a[i+2] − a[i]| &gt; similarityThreshold;
 *   <li>continuity (only when more than five peaks remain): peak i is a step when at least
 *       continuityWindowSize of the continuityThreshold inter-peak windows ending at peak i+1 have a
 *       sample variance above varianceThreshold.
 * </ol>
 *
 * A block whose magnitude SD is below {@link StepParams#minSdG()} has no steps.
 */
final class VerisenseSteps {

    private final StepParams p;

    VerisenseSteps(StepParams p) {
        this.p = p;
    }

    /** Sample indices (within the block) of the detected steps. */
    int[] detect(float[] acc, int n) {
        if (n < 2 || Math.sqrt(variance(acc, 0, n - 1)) < p.minSdG()) {
            return new int[0];
        }
        int[] peaks = aboveMagnitude(acc, candidatePeaks(acc, n));
        if (peaks.length <= 2) {
            return new int[0];
        }
        int[] periodic = periodic(peaks);
        if (periodic.length == 0) {
            return new int[0];
        }
        return continuous(acc, similar(acc, periodic));
    }

    private int[] candidatePeaks(float[] acc, int n) {
        int k = p.k();
        int halfK = (int) Math.rint(k / 2.0);
        int segments = n / k;
        int[] out = new int[segments];
        int found = 0;
        for (int i = 0; i < segments; i++) {
            int loc = argMax(acc, i * k, i * k + k - 1);
            int from = Math.max(0, loc - halfK);
            int to = Math.min(n - 1, loc + halfK);
            if (argMax(acc, from, to) - from == halfK) {
                out[found++] = loc;
            }
        }
        return Arrays.copyOf(out, found);
    }

    private int[] aboveMagnitude(float[] acc, int[] peaks) {
        return Arrays.stream(peaks)
                .filter(loc -> acc[loc] > p.magnitudeThresholdG())
                .toArray();
    }

    /** Peaks whose distance to the next one is in range; the last peak has no period and is dropped. */
    private int[] periodic(int[] peaks) {
        int[] out = new int[peaks.length];
        int found = 0;
        for (int i = 0; i + 1 < peaks.length; i++) {
            int period = peaks[i + 1] - peaks[i];
            if (period > p.periodMin() && period < p.periodMax()) {
                out[found++] = peaks[i];
            }
        }
        return Arrays.copyOf(out, found);
    }

    /**
     * Peaks similar in magnitude to the peak two places later. In the R code the row left by the
     * period filter for the last peak takes part as a missing value, so the last two kept peaks
     * never pass; that is reproduced by comparing only within {@code periodic}.
     */
    private int[] similar(float[] acc, int[] periodic) {
        int[] out = new int[periodic.length];
        int found = 0;
        for (int j = 0; j + 2 < periodic.length; j++) {
            double sim = -Math.abs(acc[periodic[j + 2]] - acc[periodic[j]]);
            if (sim > p.similarityThreshold()) {
                out[found++] = periodic[j];
            }
        }
        return Arrays.copyOf(out, found);
    }

    private int[] continuous(float[] acc, int[] peaks) {
        if (peaks.length <= 5) {
            return new int[0];
        }
        int[] out = new int[peaks.length];
        int found = 0;
        for (int i = p.continuityThreshold() - 1; i <= peaks.length - 2; i++) {
            int windows = 0;
            for (int x = 1; x <= p.continuityThreshold(); x++) {
                if (variance(acc, peaks[i - x + 1], peaks[i - x + 2]) > p.varianceThreshold()) {
                    windows++;
                }
            }
            if (windows >= p.continuityWindowSize()) {
                out[found++] = peaks[i];
            }
        }
        return Arrays.copyOf(out, found);
    }

    private static int argMax(float[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Sample variance (n − 1) of a[from..to], both inclusive, as R's {@code var}. */
    private static double variance(float[] a, int from, int to) {
        int n = to - from + 1;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (int i = from; i <= to; i++) {
            mean += a[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = from; i <= to; i++) {
            double d = a[i] - mean;
            ss += d * d;
        }
        return ss / (n - 1);
    }
}
