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
 */
public record CircadianParams(
        boolean binarise, double lightThresholdMg, boolean wrapM10L5, int minDays, double minHourWearFraction) {

    public static final CircadianParams DEFAULT = new CircadianParams(true, Double.NaN, false, 3, 0.5);
}
