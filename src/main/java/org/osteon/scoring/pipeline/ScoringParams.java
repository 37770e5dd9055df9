package org.osteon.scoring.pipeline;

import java.util.Map;
import java.util.TreeMap;
import org.osteon.scoring.Placement;
import org.osteon.scoring.activity.BoutParams;
import org.osteon.scoring.bone.GravityMode;
import org.osteon.scoring.bone.ImpactBandSet;
import org.osteon.scoring.calibration.Calibration;
import org.osteon.scoring.circadian.CircadianParams;
import org.osteon.scoring.counts.CountsFilter;
import org.osteon.scoring.intensity.CutPointSet;
import org.osteon.scoring.nonwear.NonWearParams;
import org.osteon.scoring.steps.StepParams;

/**
 * Everything that changes a score (docs/metrics.md §5). Build with {@link #builder(double)}; the
 * defaults are those of docs/metrics.md.
 *
 * @param rateHz sample rate of the raw data
 * @param epochSeconds epoch length; must divide 60 (default 5)
 * @param placement where the device is worn
 * @param cutPoints intensity cut points (default {@link CutPointSet#GGIR_DEFAULT})
 * @param countsFilter ActiGraph counts dead-band (default {@link CountsFilter#NORMAL})
 * @param peakThresholdG impact peak threshold on the detection signal, g (default 1.3; Rantalainen's
 *     GGIR fork after Ahola et al. 2010)
 * @param impactBands impact band set counted per day (default {@link ImpactBandSet#DEERE_2012})
 * @param gravityMode signal for impact peaks (default {@link GravityMode#RESULTANT})
 * @param gravityFilterSeconds time constant of the gravity low-pass used only by {@link
 *     GravityMode#VERTICAL_GRAVITY_REMOVED} (default 1 s; an Osteon choice, unverified)
 * @param calibration autocalibration to apply (default {@link Calibration#none()}: raw data)
 * @param dssExponent exponent m of the daily stress stimulus (default 4; unverified)
 * @param nonWear non-wear detection parameters
 * @param steps step algorithm parameters
 * @param bouts MVPA and inactivity bout rules
 * @param circadian circadian analysis settings
 */
public record ScoringParams(
        double rateHz,
        int epochSeconds,
        Placement placement,
        CutPointSet cutPoints,
        CountsFilter countsFilter,
        double peakThresholdG,
        ImpactBandSet impactBands,
        GravityMode gravityMode,
        double gravityFilterSeconds,
        Calibration calibration,
        double dssExponent,
        NonWearParams nonWear,
        StepParams steps,
        BoutParams bouts,
        CircadianParams circadian) {

    public ScoringParams {
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("rateHz must be positive: " + rateHz);
        }
        if (epochSeconds <= 0 || 60 % epochSeconds != 0) {
            throw new IllegalArgumentException("epochSeconds must divide 60: " + epochSeconds);
        }
    }

    public static Builder builder(double rateHz) {
        return new Builder(rateHz);
    }

    /** A builder preset with these parameters, to change one of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Parameters shared by every score computed with these settings, for {@code Provenance}. */
    public Map<String, Object> provenanceParameters() {
        Map<String, Object> p = new TreeMap<>();
        p.put("rateHz", rateHz);
        p.put("epochSeconds", epochSeconds);
        p.put("placement", placement);
        p.put("calibrationApplied", calibration.accepted());
        p.put("calibrationReason", calibration.reason());
        p.put("nonWear", nonWear);
        p.put("countsFilter", countsFilter);
        p.put("countsAvailable", ActiGraphCountsStage.supports(this));
        return p;
    }

    /** Builder with the docs/metrics.md defaults. */
    public static final class Builder {
        private final double rateHz;
        private int epochSeconds = 5;
        private Placement placement = Placement.WRIST;
        private CutPointSet cutPoints = CutPointSet.GGIR_DEFAULT;
        private CountsFilter countsFilter = CountsFilter.NORMAL;
        private double peakThresholdG = 1.3;
        private ImpactBandSet impactBands = ImpactBandSet.DEERE_2012;
        private GravityMode gravityMode = GravityMode.RESULTANT;
        private double gravityFilterSeconds = 1.0;
        private Calibration calibration = Calibration.none();
        private double dssExponent = 4.0;
        private NonWearParams nonWear = NonWearParams.GGIR_DEFAULT;
        private StepParams steps = StepParams.VERISENSE_DEFAULT;
        private BoutParams bouts = BoutParams.GGIR_DEFAULT;
        private CircadianParams circadian = CircadianParams.DEFAULT;

        private Builder(double rateHz) {
            this.rateHz = rateHz;
        }

        private Builder(ScoringParams p) {
            this(p.rateHz);
            epochSeconds = p.epochSeconds;
            placement = p.placement;
            cutPoints = p.cutPoints;
            countsFilter = p.countsFilter;
            peakThresholdG = p.peakThresholdG;
            impactBands = p.impactBands;
            gravityMode = p.gravityMode;
            gravityFilterSeconds = p.gravityFilterSeconds;
            calibration = p.calibration;
            dssExponent = p.dssExponent;
            nonWear = p.nonWear;
            steps = p.steps;
            bouts = p.bouts;
            circadian = p.circadian;
        }

        public Builder epochSeconds(int v) {
            epochSeconds = v;
            return this;
        }

        public Builder placement(Placement v) {
            placement = v;
            return this;
        }

        public Builder cutPoints(CutPointSet v) {
            cutPoints = v;
            return this;
        }

        public Builder countsFilter(CountsFilter v) {
            countsFilter = v;
            return this;
        }

        public Builder peakThresholdG(double v) {
            peakThresholdG = v;
            return this;
        }

        public Builder impactBands(ImpactBandSet v) {
            impactBands = v;
            return this;
        }

        public Builder gravityMode(GravityMode v) {
            gravityMode = v;
            return this;
        }

        public Builder gravityFilterSeconds(double v) {
            gravityFilterSeconds = v;
            return this;
        }

        public Builder calibration(Calibration v) {
            calibration = v;
            return this;
        }

        public Builder dssExponent(double v) {
            dssExponent = v;
            return this;
        }

        public Builder nonWear(NonWearParams v) {
            nonWear = v;
            return this;
        }

        public Builder steps(StepParams v) {
            steps = v;
            return this;
        }

        public Builder bouts(BoutParams v) {
            bouts = v;
            return this;
        }

        public Builder circadian(CircadianParams v) {
            circadian = v;
            return this;
        }

        public ScoringParams build() {
            return new ScoringParams(
                    rateHz,
                    epochSeconds,
                    placement,
                    cutPoints,
                    countsFilter,
                    peakThresholdG,
                    impactBands,
                    gravityMode,
                    gravityFilterSeconds,
                    calibration,
                    dssExponent,
                    nonWear,
                    steps,
                    bouts,
                    circadian);
        }
    }
}
