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
     * This day as the API shows it, rounded to a stated precision: hours and minutes to 2 decimals
     * (wear is kept in whole 5-s epochs, so a minute's hundredth is below the resolution), ENMO in
     * mg to 2, and the indices (osteogenic index, daily stress stimulus, RA, IS, IV) to 3. Counts
     * are whole already. Adherence and alerts compute from the stored values, not from these.
     */
    public DaySummary shown() {
        return new DaySummary(date, round(wearHours, 2), round(enmoMg, 2), round(mvpaMinutes, 2),
                mvpaBoutedMinutes == null ? null : new BoutedMvpa(round(mvpaBoutedMinutes.min1(), 2),
                        round(mvpaBoutedMinutes.min5(), 2), round(mvpaBoutedMinutes.min10(), 2)),
                steps, impactsByBand, impactsAtOrAbove, round(osteogenicIndex, 3), round(dailyStressStimulus, 3),
                round(sedentaryMinutes, 2), round(longestSedentaryBoutMinutes, 2), resistanceSessions,
                round(relativeAmplitude, 3), rolling7d == null ? null : new Rolling7(round(rolling7d.ra(), 3),
                        round(rolling7d.is(), 3), round(rolling7d.iv(), 3)), provenance);
    }

    private static Double round(Double v, int decimals) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return v;
        }
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * Impact peaks at or above {@code g}. The scoring core writes a count for every 0.1 g step up to
     * the day's largest peak, so a threshold beyond the last key has no peaks.
     */
    public int impactsAtOrAbove(double g) {
        Integer n = impactsAtOrAbove.get(String.format(java.util.Locale.ROOT, "%.1f", g));
        return n == null ? 0 : n;
    }
}
