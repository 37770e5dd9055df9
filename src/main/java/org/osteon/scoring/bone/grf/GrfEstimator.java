package org.osteon.scoring.bone.grf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osteon.scoring.Placement;
import org.osteon.scoring.Provenance;

/**
 * Estimated peak ground-reaction force of a day's impacts from the published accelerometer
 * regression equations (docs/metrics-implementation.md, "Estimated peak ground-reaction force").
 *
 * <p>The pipeline is the one the equations were fitted on: each axis low-passed by a zero-phase
 * 4th-order Butterworth at 20 Hz ({@link ButterworthLowPass}), the resultant of the filtered axes,
 * peaks of at least 1.3 g at least 0.4 s apart ({@link RefractoryPeakFinder#PUBLISHED}), found as the
 * samples stream ({@link GrfPeakStream}: memory for a block and the filter's decay margin, not the day), then each
 * peak through the {@link GrfEquation} of the device's placement with the patient's body mass.
 *
 * <p>Invariant: an estimate is given only where a published equation applies; otherwise the result
 * is {@link GrfDay.NotEstimated} with the reason, never a number from another placement's equation.
 * So the wrist, the thigh, insoles and an unspecified waist position get no estimate, nor does a
 * patient without a body mass, nor data sampled at 40 Hz or less (the 20 Hz cut-off must lie below
 * half the sample rate). Segments are filtered separately, so where one segment ends does not
 * change another's peaks; non-wear must be removed by the caller before.
 */
public final class GrfEstimator {
    /** Algorithm name in provenance. */
    public static final String ALGORITHM = "veras-grf";
    /** Bump whenever the same samples could give another estimate. */
    public static final String VERSION = "1";

    static final int FILTER_ORDER = 4;
    static final double FILTER_CUTOFF_HZ = 20;
    /** Standard gravity, m/s², to express newtons in body weights. */
    static final double STANDARD_GRAVITY = 9.80665;

    /**
     * A run of evenly spaced samples, in g.
     *
     * @param rateHz sample rate
     */
    public record Segment(double rateHz, double[] x, double[] y, double[] z) {
        public Segment {
            if (x.length != y.length || y.length != z.length) {
                throw new IllegalArgumentException(
                        "x, y, z: must have the same length, were " + x.length + ", " + y.length + ", " + z.length);
            }
        }
    }

    /**
     * @param placement where the device is worn
     * @param bodyMassKg the patient's body mass, or null when the record has none
     * @param segments the day's wear-time samples, one segment per contiguous run
     */
    public GrfDay estimate(Placement placement, Double bodyMassKg, List<Segment> segments) {
        Optional<GrfDay.NotEstimated> refused = refusal(placement, bodyMassKg);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Double> peaksG = new ArrayList<>();
        long samplesUsed = 0;
        long samplesTooSlow = 0;
        for (Segment s : segments) {
            if (!definedAt(s.rateHz())) {
                samplesTooSlow += s.x().length;
                continue;
            }
            samplesUsed += s.x().length;
            GrfPeakStream stream = new GrfPeakStream(s.rateHz(), (index, g) -> peaksG.add(g));
            for (int i = 0; i < s.x().length; i++) {
                stream.accept(s.x()[i], s.y()[i], s.z()[i]);
            }
            stream.finish();
        }
        return fromPeaks(placement, bodyMassKg, peaksG, samplesUsed, samplesTooSlow, Map.of());
    }

    /** Whether the pipeline's filter is defined at {@code rateHz}: the 20 Hz cut-off lies below half of it. */
    public static boolean definedAt(double rateHz) {
        return ButterworthLowPass.definedAt(FILTER_CUTOFF_HZ, rateHz);
    }

    /**
     * Why no estimate can be given for a device at {@code placement} and a patient of {@code
     * bodyMassKg} whatever their samples, or empty when one can: what a caller that finds the
     * peaks itself checks before it does.
     */
    public static Optional<GrfDay.NotEstimated> refusal(Placement placement, Double bodyMassKg) {
        if (placement == null) {
            return Optional.of(notEstimated("no device placement is known", null, bodyMassKg));
        }
        if (placement == Placement.WRIST) {
            return Optional.of(notEstimated("no equation is published for the wrist", placement, bodyMassKg));
        }
        if (equations(placement).isEmpty()) {
            return Optional.of(notEstimated(
                    "no equation is published for the placement " + placement.apiName(), placement, bodyMassKg));
        }
        if (bodyMassKg == null || !(bodyMassKg > 0) || bodyMassKg.isInfinite()) {
            return Optional.of(notEstimated("the patient record has no body mass", placement, bodyMassKg));
        }
        return Optional.empty();
    }

    /**
     * The estimate from peaks already found by the published pipeline ({@link GrfPeakStream} per
     * run), as {@link #estimate} gives it from the samples: the same arithmetic in the same order,
     * so the two agree to the bit on the same peaks.
     *
     * @param peaksG the peaks' filtered resultant, g, in time order
     * @param samplesUsed samples run through the pipeline
     * @param samplesTooSlow samples left out because their rate is 40 Hz or less
     * @param more further provenance of how the peaks were chosen (e.g. non-wear left out)
     */
    public GrfDay fromPeaks(
            Placement placement,
            Double bodyMassKg,
            List<Double> peaksG,
            long samplesUsed,
            long samplesTooSlow,
            Map<String, ?> more) {
        Optional<GrfDay.NotEstimated> refused = refusal(placement, bodyMassKg);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (samplesUsed == 0) {
            String reason = "no samples at a sample rate above " + 2 * FILTER_CUTOFF_HZ + " Hz";
            return new GrfDay.NotEstimated(
                    reason,
                    base(placement, bodyMassKg)
                            .withAll(more)
                            .with("reason", reason)
                            .with("samplesSkippedRateTooLow", samplesTooSlow));
        }
        List<GrfEquation> equations = equations(placement);
        List<GrfDay.Summary> summaries = new ArrayList<>();
        for (GrfEquation e : equations) {
            summaries.add(summarise(e, peaksG, bodyMassKg));
        }
        Provenance provenance = base(placement, bodyMassKg)
                .withAll(more)
                .with("equations", equations)
                .with("samplesUsed", samplesUsed)
                .with("samplesSkippedRateTooLow", samplesTooSlow)
                .with("activity", "not classified: every equation published for the placement is applied to all peaks");
        return new GrfDay.Estimated(summaries, provenance);
    }

    private static List<GrfEquation> equations(Placement placement) {
        List<GrfEquation> equations = new ArrayList<>();
        for (GrfModel model : GrfModel.values()) {
            GrfEquation.of(model, placement).ifPresent(equations::add);
        }
        return equations;
    }

    private static GrfDay.Summary summarise(GrfEquation e, List<Double> peaksG, double bodyMassKg) {
        double weight = bodyMassKg * STANDARD_GRAVITY;
        double sumG = 0;
        double maxG = Double.NaN;
        double sumN = 0;
        double maxN = Double.NaN;
        for (double g : peaksG) {
            double n = e.peakNewtons(g, bodyMassKg);
            sumG += g;
            sumN += n;
            maxG = Double.isNaN(maxG) ? g : Math.max(maxG, g);
            maxN = Double.isNaN(maxN) ? n : Math.max(maxN, n);
        }
        int count = peaksG.size();
        double meanG = count == 0 ? Double.NaN : sumG / count;
        double meanN = count == 0 ? Double.NaN : sumN / count;
        return new GrfDay.Summary(e, count, meanG, maxG, meanN, maxN, meanN / weight, maxN / weight);
    }

    private static Provenance base(Placement placement, Double bodyMassKg) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("placement", placement == null ? null : placement.apiName());
        p.put("bodyMassKg", bodyMassKg);
        p.put("vector", "resultant of the filtered axes");
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("type", "Butterworth low-pass, zero-phase (forward and backward)");
        filter.put("order", FILTER_ORDER);
        filter.put("cutoffHz", FILTER_CUTOFF_HZ);
        p.put("filter", filter);
        p.put("peaks", RefractoryPeakFinder.PUBLISHED);
        p.put("standardGravity", STANDARD_GRAVITY);
        return new Provenance(ALGORITHM, VERSION, p);
    }

    /** No estimate for {@code reason}, with the pipeline's provenance and the reason in it. */
    public static GrfDay.NotEstimated notEstimated(String reason, Placement placement, Double bodyMassKg) {
        return new GrfDay.NotEstimated(reason, base(placement, bodyMassKg).with("reason", reason));
    }
}
