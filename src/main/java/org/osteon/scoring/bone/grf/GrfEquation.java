package org.osteon.scoring.bone.grf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osteon.scoring.Placement;
import org.osteon.scoring.Provenance;

/**
 * One published peak ground-reaction-force equation on the resultant acceleration
 * (docs/metrics-implementation.md, "Estimated peak ground-reaction force"):
 *
 * <pre>  pGRF [N] = b0 + b1 · a + b2 · m + b3 · a · m</pre>
 *
 * with a the peak resultant acceleration in g (after the pipeline of {@link GrfEstimator}) and m
 * the body mass in kg. Coefficients as published in the papers of {@link GrfModel}, read in the
 * MIT-licensed R package impactr 0.4.1 (Veras L, {@code R/predict.R}, walking/running and jumping
 * models, resultant vector), which carries the final published walking/running coefficients.
 *
 * <p>Only the resultant equations are used: the vertical ones need the device's vertical axis,
 * which Osteon's devices do not report in a common orientation. No equation exists for the wrist,
 * the thigh, insoles or a waist position other than the hip and lower back.
 */
public enum GrfEquation implements Provenance.Described {
    WALKING_RUNNING_ANKLE(GrfModel.WALKING_RUNNING, Placement.ANKLE, 890.673, -131.889, 7.155, 2.027),
    WALKING_RUNNING_LOWER_BACK(GrfModel.WALKING_RUNNING, Placement.LOWER_BACK, 701.358, -167.229, 9.642, 2.667),
    WALKING_RUNNING_HIP(GrfModel.WALKING_RUNNING, Placement.HIP, 814.888, -229.459, 7.036, 3.934),
    JUMPING_ANKLE(GrfModel.JUMPING, Placement.ANKLE, 1551.020, -132.384, 7.927, 2.415),
    JUMPING_LOWER_BACK(GrfModel.JUMPING, Placement.LOWER_BACK, -350.125, 152.952, 22.618, 0.654),
    JUMPING_HIP(GrfModel.JUMPING, Placement.HIP, -493.877, 188.759, 18.008, 1.279);

    private final GrfModel model;
    private final Placement placement;
    private final double b0;
    private final double b1;
    private final double b2;
    private final double b3;

    GrfEquation(GrfModel model, Placement placement, double b0, double b1, double b2, double b3) {
        this.model = model;
        this.placement = placement;
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.b3 = b3;
    }

    /** The equation of {@code model} for {@code placement}, or empty where none is published. */
    public static Optional<GrfEquation> of(GrfModel model, Placement placement) {
        for (GrfEquation e : values()) {
            if (e.model == model && e.placement == placement) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public GrfModel model() {
        return model;
    }

    public Placement placement() {
        return placement;
    }

    /** Estimated peak ground-reaction force in newtons for a peak of {@code peakG} and a body mass in kg. */
    public double peakNewtons(double peakG, double bodyMassKg) {
        return b0 + b1 * peakG + b2 * bodyMassKg + b3 * peakG * bodyMassKg;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name());
        d.put("form", "pGRF_N = b0 + b1*a_g + b2*m_kg + b3*a_g*m_kg");
        d.put("vector", "resultant");
        d.put("placement", placement.apiName());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("b0", b0);
        c.put("b1", b1);
        c.put("b2", b2);
        c.put("b3", b3);
        d.put("coefficients", c);
        d.put("coefficientsReadIn", "impactr 0.4.1 (MIT), R/predict.R, as published in the source");
        d.put("model", model);
        return d;
    }
}
