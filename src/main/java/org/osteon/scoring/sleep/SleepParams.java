package org.osteon.scoring.sleep;

/**
 * Settings of the sleep period time window heuristic HDCZA (van Hees VT et al. 2018, "Estimating
 * sleep parameters using an accelerometer without sleep diary", Sci Rep 8:12975; docs/metrics.md
 * §2, docs/metrics-implementation.md "Sleep period time window").
 *
 * <p>The published values are the defaults ({@link #DEFAULT}); those the paper leaves open are
 * marked as Osteon choices.
 *
 * @param epochSeconds length of the epochs whose gravity components are averaged (5, as published)
 * @param medianMinutes width of the rolling median of the absolute z-angle change (5, as published)
 * @param percentile percentile of the rolling medians over the analysed 24 h (10, as published)
 * @param multiplier factor applied to that percentile (15, as published)
 * @param thresholdMinDeg the threshold is raised to at least this, degrees (0.13, as published)
 * @param thresholdMaxDeg the threshold is lowered to at most this, degrees (0.50, as published)
 * @param minBlockMinutes a run of below-threshold epochs is a block only when it lasts longer than
 *     this (30, as published)
 * @param maxGapMinutes blocks separated by a gap shorter than this are joined (60, as published)
 * @param minWornFraction fewest worn epochs, as a fraction of the noon-to-noon period, for a
 *     window to be looked for (Osteon choice: 0.5; the paper analysed worn nights only)
 * @param minRegularityNights fewest nights for the midpoint's day-to-day variability (Osteon
 *     choice: 3, as the multi-day circadian metrics)
 */
public record SleepParams(
        int epochSeconds,
        int medianMinutes,
        double percentile,
        double multiplier,
        double thresholdMinDeg,
        double thresholdMaxDeg,
        int minBlockMinutes,
        int maxGapMinutes,
        double minWornFraction,
        int minRegularityNights) {

    public static final SleepParams DEFAULT = new SleepParams(5, 5, 10, 15, 0.13, 0.50, 30, 60, 0.5, 3);

    public SleepParams {
        if (epochSeconds <= 0 || 60 % epochSeconds != 0) {
            throw new IllegalArgumentException("epochSeconds must divide 60: " + epochSeconds);
        }
        if (medianMinutes <= 0 || minBlockMinutes <= 0 || maxGapMinutes < 0) {
            throw new IllegalArgumentException("medianMinutes and minBlockMinutes must be > 0, maxGapMinutes >= 0");
        }
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100: " + percentile);
        }
        if (!(multiplier > 0) || !(thresholdMinDeg <= thresholdMaxDeg)) {
            throw new IllegalArgumentException("multiplier must be > 0 and thresholdMinDeg <= thresholdMaxDeg");
        }
        if (!(minWornFraction >= 0 && minWornFraction <= 1) || minRegularityNights < 2) {
            throw new IllegalArgumentException("minWornFraction must be within 0..1, minRegularityNights >= 2");
        }
    }

    int epochsPerMinute() {
        return 60 / epochSeconds;
    }
}
