package org.osteon.scoring.sleep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osteon.scoring.Provenance;

/**
 * The sleep period time window of one noon-to-noon period by HDCZA, the heuristic of van Hees VT et
 * al. (2018), "Estimating sleep parameters using an accelerometer without sleep diary", Sci Rep
 * 8:12975 (docs/metrics-implementation.md "Sleep period time window"):
 *
 * <ol>
 *   <li>z-angle of each epoch from its averaged calibrated gravity components:
 *       atan(z / √(x² + y²)), degrees;
 *   <li>absolute difference of consecutive z-angles (epoch i holds |a(i+1) − a(i)|);
 *   <li>its rolling median over {@link SleepParams#medianMinutes()} (5 min), centred;
 *   <li>threshold: the {@link SleepParams#percentile()} (10th) percentile of those medians over
 *       the period × {@link SleepParams#multiplier()} (15), kept within {@link
 *       SleepParams#thresholdMinDeg()}..{@link SleepParams#thresholdMaxDeg()} (0.13–0.50°);
 *   <li>blocks: runs of epochs with median below the threshold lasting longer than {@link
 *       SleepParams#minBlockMinutes()} (30 min);
 *   <li>blocks separated by gaps shorter than {@link SleepParams#maxGapMinutes()} (60 min) joined;
 *   <li>the longest joined block is the window; on a tie the earlier.
 * </ol>
 *
 * <p>Invariant: the answer depends only on the epochs given, never on the wall clock or on how the
 * samples were batched; a period with no joined block (no sleep, or not worn) has no window, never
 * a guessed one. Choices the paper leaves open, each a parameter or stated here: the percentile is
 * R's default (type 7, linear between order statistics); at the period's edges the rolling median
 * is taken over the part of the window inside the period; non-wear epochs are never below the
 * threshold (a device on a table is not a sleeper) and are left out of the percentile; a period
 * worn less than {@link SleepParams#minWornFraction()} has no window.
 */
public final class SleepWindowDetector {

    /** Algorithm name in the provenance. */
    public static final String ALGORITHM = "hdcza-sleep-window";
    /** Bump whenever the same epochs could give another window. */
    public static final String VERSION = "1";
    /** The published source, carried in every provenance. */
    public static final String REFERENCE = "van Hees VT et al. (2018) Estimating sleep parameters using an"
            + " accelerometer without sleep diary. Sci Rep 8:12975";

    private SleepWindowDetector() {}

    /**
     * The window of one period of consecutive epochs, usually noon to noon.
     *
     * @param params settings; its epoch length is that of the arrays
     * @param startMillis start of the first epoch, Unix epoch milliseconds
     * @param x mean calibrated x of each epoch, g ({@code NaN} where there are no samples)
     * @param y mean calibrated y, g
     * @param z mean calibrated z, g
     * @param nonwear whether each epoch lies in detected non-wear time
     * @return empty when no block of little z-angle change lasts long enough, or when too little
     *     of the period was worn
     */
    public static Optional<SleepWindow> detect(
            SleepParams params, long startMillis, double[] x, double[] y, double[] z, boolean[] nonwear) {
        int n = x.length;
        if (y.length != n || z.length != n || nonwear.length != n) {
            throw new IllegalArgumentException("x, y, z and nonwear must have the same length");
        }
        double[] angle = new double[n];
        int worn = 0;
        for (int i = 0; i < n; i++) {
            angle[i] = nonwear[i] ? Double.NaN : zAngleDeg(x[i], y[i], z[i]);
            if (!Double.isNaN(angle[i])) {
                worn++;
            }
        }
        if (n == 0 || worn == 0 || worn < params.minWornFraction() * n) {
            return Optional.empty();
        }
        double[] median = rollingMedian(absoluteDifferences(angle), params.medianMinutes() * params.epochsPerMinute());
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(angle[i])) {
                median[i] = Double.NaN;
            }
        }
        double threshold = threshold(params, median);
        boolean[] still = new boolean[n];
        for (int i = 0; i < n; i++) {
            still[i] = median[i] < threshold; // false for NaN: non-wear never counts as still
        }
        int[] window = longest(joined(
                blocks(still, params.minBlockMinutes() * params.epochsPerMinute()),
                params.maxGapMinutes() * params.epochsPerMinute()));
        if (window == null) {
            return Optional.empty();
        }
        long epochMillis = params.epochSeconds() * 1000L;
        Instant onset = Instant.ofEpochMilli(startMillis + window[0] * epochMillis);
        Instant wake = Instant.ofEpochMilli(startMillis + window[1] * epochMillis);
        long durationMillis = wake.toEpochMilli() - onset.toEpochMilli();
        return Optional.of(new SleepWindow(
                onset,
                wake,
                durationMillis / 60_000.0,
                Instant.ofEpochMilli(onset.toEpochMilli() + durationMillis / 2),
                threshold,
                provenance(params).with("thresholdDeg", threshold)));
    }

    /** The provenance of every window made with {@code params}: algorithm, settings and source. */
    public static Provenance provenance(SleepParams params) {
        return new Provenance(ALGORITHM, VERSION, Map.of("sleep", params, "reference", REFERENCE));
    }

    /** atan(z / √(x² + y²)) in degrees, −90..90; {@code NaN} when any component is. */
    public static double zAngleDeg(double x, double y, double z) {
        return Math.toDegrees(Math.atan2(z, Math.sqrt(x * x + y * y)));
    }

    /** Element i is |a(i+1) − a(i)|; the last element, and any next to a {@code NaN}, is {@code NaN}. */
    static double[] absoluteDifferences(double[] angle) {
        double[] d = new double[angle.length];
        for (int i = 0; i + 1 < angle.length; i++) {
            d[i] = Math.abs(angle[i + 1] - angle[i]);
        }
        if (d.length > 0) {
            d[d.length - 1] = Double.NaN;
        }
        return d;
    }

    /**
     * Centred rolling median over {@code width} elements, i − ⌊width/2⌋ .. i − ⌊width/2⌋ + width − 1,
     * ignoring {@code NaN}s and cut at the array's ends; {@code NaN} where the window holds no
     * number.
     */
    static double[] rollingMedian(double[] v, int width) {
        double[] out = new double[v.length];
        double[] buf = new double[width];
        int before = width / 2;
        for (int i = 0; i < v.length; i++) {
            int k = 0;
            for (int j = Math.max(0, i - before); j < Math.min(v.length, i - before + width); j++) {
                if (!Double.isNaN(v[j])) {
                    buf[k++] = v[j];
                }
            }
            if (k == 0) {
                out[i] = Double.NaN;
                continue;
            }
            Arrays.sort(buf, 0, k);
            out[i] = k % 2 == 1 ? buf[k / 2] : (buf[k / 2 - 1] + buf[k / 2]) / 2;
        }
        return out;
    }

    /** The percentile of the non-{@code NaN} values × multiplier, kept within the published range. */
    static double threshold(SleepParams params, double[] medians) {
        double[] v =
                Arrays.stream(medians).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return params.thresholdMinDeg();
        }
        double t = quantile(v, params.percentile() / 100) * params.multiplier();
        return Math.max(params.thresholdMinDeg(), Math.min(params.thresholdMaxDeg(), t));
    }

    /** R's type 7 quantile of sorted values: linear between order statistics at (n − 1)·p. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Runs of {@code true} longer than {@code minLength} elements, as [start, end) pairs in order. */
    static List<int[]> blocks(boolean[] still, int minLength) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < still.length) {
            if (!still[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < still.length && still[i]) {
                i++;
            }
            if (i - start > minLength) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    /** Consecutive blocks whose gap (next start − previous end) is shorter than {@code maxGap} joined. */
    static List<int[]> joined(List<int[]> blocks, int maxGap) {
        List<int[]> out = new ArrayList<>();
        for (int[] b : blocks) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && b[0] - last[1] < maxGap) {
                last[1] = b[1];
            } else {
                out.add(b.clone());
            }
        }
        return out;
    }

    /** The longest block, the earliest on a tie; {@code null} when there is none. */
    static int[] longest(List<int[]> blocks) {
        int[] best = null;
        for (int[] b : blocks) {
            if (best == null || b[1] - b[0] > best[1] - best[0]) {
                best = b;
            }
        }
        return best;
    }
}
