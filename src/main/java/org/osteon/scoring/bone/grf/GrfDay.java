package org.osteon.scoring.bone.grf;

import java.util.List;
import org.osteon.scoring.Provenance;

/**
 * A day's estimated peak ground-reaction force (docs/metrics-implementation.md, "Estimated peak
 * ground-reaction force"): either an estimate per activity model, or the reason there is none.
 * Both carry the provenance to store beside the day.
 */
public sealed interface GrfDay {

    Provenance provenance();

    /**
     * Estimates under every model published for the placement. The activity of a peak is not
     * classified: each summary says what the day's peaks would mean if they all were that activity.
     */
    record Estimated(List<Summary> summaries, Provenance provenance) implements GrfDay {
        public Estimated {
            summaries = List.copyOf(summaries);
        }
    }

    /**
     * No estimate, and why (wrist or another placement with no published equation, no body mass, a
     * sample rate too low for the filter). The reason is also in {@link #provenance()} as {@code reason}.
     */
    record NotEstimated(String reason, Provenance provenance) implements GrfDay {}

    /**
     * One model's estimate over the day's peaks. Means and maxima are NaN when there are no peaks.
     *
     * @param equation the equation applied
     * @param peaks number of peaks (at least 1.3 g, at least 0.4 s apart)
     * @param meanPeakG mean filtered peak resultant acceleration, g
     * @param maxPeakG largest filtered peak resultant acceleration, g
     * @param meanNewtons mean estimated peak GRF, N
     * @param maxNewtons largest estimated peak GRF, N
     * @param meanBodyWeights mean estimated peak GRF in body weights (N / (m · 9.80665 m/s²))
     * @param maxBodyWeights largest estimated peak GRF in body weights
     */
    record Summary(
            GrfEquation equation,
            int peaks,
            double meanPeakG,
            double maxPeakG,
            double meanNewtons,
            double maxNewtons,
            double meanBodyWeights,
            double maxBodyWeights) {}
}
