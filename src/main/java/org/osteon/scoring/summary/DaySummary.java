package org.osteon.scoring.summary;

import java.time.LocalDate;
import java.util.List;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.bone.LoadingScore;

/**
 * Scores of one local calendar day (docs/metrics.md §2, §4). Non-wear epochs are excluded from
 * every value and from the wear-time denominator.
 *
 * @param date the local date
 * @param wearMinutes epochs worn, in minutes
 * @param enmoMeanMg mean ENMO over worn epochs, mg ({@code NaN} when nothing was worn)
 * @param mvpaMinutes worn epochs classed moderate or vigorous, in minutes
 * @param vigorousMinutes of those, the epochs classed vigorous, in minutes; NaN when the cut points
 *     define no vigorous threshold (then moderate and vigorous cannot be told apart)
 * @param mvpaBouts MVPA time in bouts of each configured length (80 % rule)
 * @param inactivityBouts sedentary time in bouts of each configured length (90 % rule); empty when
 *     the cut-point set defines no sedentary boundary
 * @param sedentaryMinutes worn epochs classed sedentary, in minutes; {@code NaN} when the cut-point
 *     set defines no sedentary boundary
 * @param steps steps in worn epochs
 * @param peakHistogram worn impact peaks per histogram bin
 * @param impactBands worn impact peaks per band of the configured set
 * @param loading osteogenic index and daily stress stimulus per source
 * @param activityProvenance ENMO, cut points and bouts
 * @param stepsProvenance step algorithm
 * @param impactProvenance impact peaks, histogram and bands
 */
public record DaySummary(
        LocalDate date,
        double wearMinutes,
        double enmoMeanMg,
        double mvpaMinutes,
        double vigorousMinutes,
        List<BoutMinutes> mvpaBouts,
        List<BoutMinutes> inactivityBouts,
        double sedentaryMinutes,
        int steps,
        List<HistogramBin> peakHistogram,
        List<BandCount> impactBands,
        List<LoadingScore> loading,
        Provenance activityProvenance,
        Provenance stepsProvenance,
        Provenance impactProvenance) {

    public DaySummary {
        mvpaBouts = List.copyOf(mvpaBouts);
        inactivityBouts = List.copyOf(inactivityBouts);
        peakHistogram = List.copyOf(peakHistogram);
        impactBands = List.copyOf(impactBands);
        loading = List.copyOf(loading);
    }
}
