package org.osteon.scoring.circadian;

import org.osteon.scoring.Provenance;

/**
 * Multi-day rest-activity rhythm (van Someren 1999; GGIR {@code g.IVIS}; docs/metrics.md §2).
 *
 * @param days distinct local days with data
 * @param hours non-missing hours used for IS and IV
 * @param interdailyStability IS, 0..1, higher = more regular
 * @param intradailyVariability IV, ≈0 for a sine, ≈2 for noise
 * @param m10Mg mean ENMO of the most active 10 h of the average day, mg
 * @param m10StartMinute start of that window, minutes after local midnight
 * @param l5Mg mean ENMO of the least active 5 h of the average day, mg
 * @param l5StartMinute start of that window, minutes after local midnight
 * @param relativeAmplitude (M10 − L5) / (M10 + L5)
 * @param provenance algorithm, version and parameters
 */
public record Circadian(
        int days,
        int hours,
        double interdailyStability,
        double intradailyVariability,
        double m10Mg,
        int m10StartMinute,
        double l5Mg,
        int l5StartMinute,
        double relativeAmplitude,
        Provenance provenance) {}
