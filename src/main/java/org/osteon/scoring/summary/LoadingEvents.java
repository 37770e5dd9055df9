package org.osteon.scoring.summary;

import java.util.ArrayList;
import java.util.List;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.bone.LoadingEvent;
import org.osteon.scoring.bone.LoadingScore;
import org.osteon.scoring.bone.LoadingSource;
import org.osteon.scoring.bone.StressStimulus;

/**
 * Osteogenic index and daily stress stimulus from device-reported loading events of one day
 * (docs/metrics.md §4). Each event is one load type: OI adds E · ln(1 + N) per event, with E the
 * GRF peak in body weights and N its cycles, or E the relative load and N = sets · reps for a
 * resistance exercise. DSS is defined only for insole GRF peaks (σ in body weights).
 */
final class LoadingEvents {

    private LoadingEvents() {}

    static List<LoadingScore> scores(List<LoadingEvent> events, double dssExponent, Provenance base) {
        double grfOi = 0;
        double resistanceOi = 0;
        boolean anyGrf = false;
        boolean anyResistance = false;
        StressStimulus grfStress = new StressStimulus(dssExponent);
        for (LoadingEvent event : events) {
            if (event instanceof LoadingEvent.GrfPeaks g) {
                anyGrf = true;
                grfOi += g.peakBodyWeights() * Math.log1p(g.cycles());
                grfStress.add(g.peakBodyWeights(), g.cycles());
            } else if (event instanceof LoadingEvent.ResistanceSet r) {
                anyResistance = true;
                resistanceOi += r.relativeLoad() * Math.log1p((double) r.sets() * r.reps());
            }
        }
        List<LoadingScore> out = new ArrayList<>();
        if (anyGrf) {
            out.add(new LoadingScore(
                    LoadingSource.INSOLE_GRF,
                    grfOi,
                    grfStress.value(),
                    base.with("oiE", "peak body weights per event").with("unit", "body weights")));
        }
        if (anyResistance) {
            out.add(new LoadingScore(
                    LoadingSource.RESISTANCE,
                    resistanceOi,
                    Double.NaN,
                    base.with("oiE", "load / 1RM, else load / body mass; N = sets x reps")
                            .with("unit", "relative load")));
        }
        return out;
    }
}
