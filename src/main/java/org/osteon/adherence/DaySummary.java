package org.osteon.adherence;

import java.time.LocalDate;
import java.util.Map;

/**
 * One row of {@code day_summary}: a patient's scored day, as the days API shows it. Metric
 * definitions are in the project's metrics documentation; {@code provenance} says how the row was computed.
 *
 * <p>{@code relativeAmplitude} is the RA of this day alone (null with fewer valid hours than
 * provenance.circadianDay names); {@code rolling7d} holds RA, IS and IV over the 7 days ending this
 * day (null with fewer valid days than provenance.rolling7 names).
 */
public record DaySummary(
        LocalDate date,
        double wearHours,
        Double enmoMg,
        Double mvpaMinutes,
        BoutedMvpa mvpaBoutedMinutes,
        Integer steps,
        Map<String, Integer> impactsByBand,
        Map<String, Integer> impactsAtOrAbove,
        Double osteogenicIndex,
        Double dailyStressStimulus,
        Double sedentaryMinutes,
        Double longestSedentaryBoutMinutes,
        Integer resistanceSessions,
        Double relativeAmplitude,
        Rolling7 rolling7d,
        Map<String, Object> provenance) {

    /** MVPA minutes counted in bouts of at least 1, 5 and 10 minutes. */
    public record BoutedMvpa(Double min1, Double min5, Double min10) {
        public Double of(int boutMinutes) {
            return switch (boutMinutes) {
                case 1 -> min1;
                case 5 -> min5;
                default -> min10;
            };
        }
    }

    /** Relative amplitude, interdaily stability and intradaily variability over the 7 days ending this day. */
    public record Rolling7(Double ra, Double is, Double iv) {}

    /**
     * Impact peaks at or above {@code g}. The scoring core writes a count for every 0.1 g step up to
     * the day's largest peak, so a threshold beyond the last key has no peaks.
     */
    public int impactsAtOrAbove(double g) {
        Integer n = impactsAtOrAbove.get(String.format(java.util.Locale.ROOT, "%.1f", g));
        return n == null ? 0 : n;
    }
}
