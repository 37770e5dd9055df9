package org.osteon.scoring.activity;

import java.util.List;

/**
 * Bout rules (GGIR {@code g.getbout}; docs/metrics.md §2 "Bouts").
 *
 * @param mvpaMinutes MVPA bout lengths (1, 5, 10 min)
 * @param mvpaCriterion fraction of a bout's epochs that must be MVPA (0.8)
 * @param inactivityMinutes inactivity bout lengths (10, 20, 30 min)
 * @param inactivityCriterion fraction of a bout's epochs that must be below the light boundary
 *     (0.9)
 * @param maxGapSeconds longest allowed run of epochs not meeting the criterion inside a bout (60 s)
 */
public record BoutParams(
        List<Integer> mvpaMinutes,
        double mvpaCriterion,
        List<Integer> inactivityMinutes,
        double inactivityCriterion,
        int maxGapSeconds) {

    public static final BoutParams GGIR_DEFAULT = new BoutParams(List.of(1, 5, 10), 0.8, List.of(10, 20, 30), 0.9, 60);

    public BoutParams {
        mvpaMinutes = List.copyOf(mvpaMinutes);
        inactivityMinutes = List.copyOf(inactivityMinutes);
    }
}
