package org.osteon.scoring.bone.grf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The peak detection the ground-reaction-force equations were fitted on (docs/metrics-implementation.md,
 * "Estimated peak ground-reaction force"): local maxima at or above a minimum height, of which,
 * taking the highest first, any other peak closer than the minimum distance is dropped.
 *
 * <p>It differs from Osteon's impact peaks (docs/metrics.md §4: one peak per run of samples at or
 * above 1.3 g, no minimum distance): two runs 0.2 s apart are two impact peaks but one peak here,
 * and a run with two maxima is one impact peak but may be two peaks here. Hence a separate finder.
 *
 * <p>Invariant: the result depends only on the signal, never on the order peaks are visited. A
 * local maximum is a sample reached by a strict rise and left by a strict fall; a flat top (two
 * equal neighbouring samples) holds none, as in the reference detection. Of equal heights the
 * earlier peak is taken first. Kept peaks are at least {@code ceil(minDistanceSeconds · rateHz)}
 * samples apart; a dropped peak drops nothing itself.
 *
 * @param minHeightG lowest peak kept, in g (1.3 in the published pipeline)
 * @param minDistanceSeconds shortest distance between kept peaks (0.4 s in the published pipeline)
 */
public record RefractoryPeakFinder(double minHeightG, double minDistanceSeconds) {

    /** The detection the equations assume: peaks of at least 1.3 g, at least 0.4 s apart. */
    public static final RefractoryPeakFinder PUBLISHED = new RefractoryPeakFinder(1.3, 0.4);

    public RefractoryPeakFinder {
        if (!Double.isFinite(minHeightG)) {
            throw new IllegalArgumentException("minHeightG: must be a finite number, was " + minHeightG);
        }
        if (!(minDistanceSeconds >= 0) || Double.isInfinite(minDistanceSeconds)) {
            throw new IllegalArgumentException(
                    "minDistanceSeconds: must be a finite number of at least 0, was " + minDistanceSeconds);
        }
    }

    /** Sample indices of the kept peaks of {@code signal} (sampled at {@code rateHz}), in time order. */
    public int[] find(double[] signal, double rateHz) {
        List<Long> candidates = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        for (int i = 1; i + 1 < signal.length; i++) {
            if (isCandidate(signal[i - 1], signal[i], signal[i + 1])) {
                candidates.add((long) i);
                heights.add(signal[i]);
            }
        }
        return select(candidates, heights, rateHz).stream()
                .mapToInt(k -> candidates.get(k).intValue())
                .toArray();
    }

    /** Whether the middle of three consecutive samples is a local maximum high enough to be a peak. */
    boolean isCandidate(double before, double at, double after) {
        return at >= minHeightG && before < at && at > after;
    }

    /**
     * Positions (in {@code candidates}) of the candidates kept, in time order: highest first (of equal heights the earlier), each
     * dropping the others closer than the minimum distance.
     *
     * @param candidates sample indices in time order
     * @param heights their heights
     */
    List<Integer> select(List<Long> candidates, List<Double> heights, double rateHz) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        // List.sort is stable and the candidates are in time order, so of equal heights the earlier stays first.
        order.sort(Comparator.comparingDouble((Integer i) -> heights.get(i)).reversed());
        double minDistanceSamples = minDistanceSeconds * rateHz;
        TreeMap<Long, Integer> kept = new TreeMap<>();
        for (int i : order) {
            long candidate = candidates.get(i);
            Long before = kept.floorKey(candidate);
            Long after = kept.ceilingKey(candidate);
            boolean tooClose = (before != null && candidate - before < minDistanceSamples)
                    || (after != null && after - candidate < minDistanceSamples);
            if (!tooClose) {
                kept.put(candidate, i);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
