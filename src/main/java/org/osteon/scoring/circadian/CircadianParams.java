package org.osteon.scoring.circadian;

/**
 * Circadian analysis settings (van Someren 1999; GGIR {@code g.IVIS}; docs/metrics.md §2).
 *
 * @param binarise binarise ENMO at {@code lightThresholdMg} before IS/IV, as GGIR ≥ 3.1-6 does
 *     (default true)
 * @param lightThresholdMg threshold for binarising; {@code NaN} (default) means the light boundary
 *     of the configured ENMO cut-point set, or GGIR's 40 mg when that set has none
 * @param wrapM10L5 whether M10/L5 windows may wrap past midnight; unverified, default false as GGIR
 * @param minDays fewest distinct days needed (3)
 * @param minHourWearFraction an hour with less wear than this fraction is missing and left
 *     missing (an Osteon choice: 0.5, configurable)
 * @param minDayValidHours fewest valid hours (per {@code minHourWearFraction}) for the relative
 *     amplitude of a single day (16, GGIR's {@code includedaycrit} for a valid day); the multi-day
 *     metrics need only {@code minDays} days with a valid hour each
 */
public record CircadianParams(
        boolean binarise,
        double lightThresholdMg,
        boolean wrapM10L5,
        int minDays,
        double minHourWearFraction,
        int minDayValidHours) {

    public static final CircadianParams DEFAULT = new CircadianParams(true, Double.NaN, false, 3, 0.5, 16);

    /** Settings with the default {@code minDayValidHours} (16). */
    public CircadianParams(
            boolean binarise, double lightThresholdMg, boolean wrapM10L5, int minDays, double minHourWearFraction) {
        this(binarise, lightThresholdMg, wrapM10L5, minDays, minHourWearFraction, 16);
    }
}
