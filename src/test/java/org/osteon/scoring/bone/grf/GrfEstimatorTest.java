package org.osteon.scoring.bone.grf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.Placement;
import org.osteon.scoring.bone.grf.GrfEstimator.Segment;

class GrfEstimatorTest {
    private final GrfEstimator estimator = new GrfEstimator();

    /**
     * 1 g on z with {@code impacts} smooth impacts of +1 g (Gaussian, σ = 30 ms, well inside the
     * 20 Hz pass band) one second apart, starting at 1 s.
     */
    private static Segment walking(double rateHz, int impacts, double noiseHz) {
        int n = (int) (rateHz * (impacts + 2));
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / rateHz;
            z[i] = 1.0;
            for (int k = 1; k <= impacts; k++) {
                double d = (t - k) / 0.03;
                z[i] += Math.exp(-0.5 * d * d);
            }
            if (noiseHz > 0) {
                x[i] = Math.sin(2 * Math.PI * noiseHz * t);
            }
        }
        return new Segment(rateHz, x, y, z);
    }

    @Test
    void wristGetsNoEstimateAndSaysWhy() {
        GrfDay day = estimator.estimate(Placement.WRIST, 70.0, List.of(walking(100, 5, 0)));
        GrfDay.NotEstimated none = assertInstanceOf(GrfDay.NotEstimated.class, day);
        assertEquals("no equation is published for the wrist", none.reason());
        assertEquals(none.reason(), none.provenance().parameters().get("reason"));
        assertEquals("wrist", none.provenance().parameters().get("placement"));
    }

    @Test
    void waistGetsNoEstimateBecauseNoEquationNamesIt() {
        GrfDay day = estimator.estimate(Placement.WAIST, 70.0, List.of(walking(100, 5, 0)));
        assertEquals(
                "no equation is published for the placement waist",
                assertInstanceOf(GrfDay.NotEstimated.class, day).reason());
    }

    @Test
    void noBodyMassGivesNoEstimate() {
        GrfDay day = estimator.estimate(Placement.HIP, null, List.of(walking(100, 5, 0)));
        GrfDay.NotEstimated none = assertInstanceOf(GrfDay.NotEstimated.class, day);
        assertEquals("the patient record has no body mass", none.reason());
        assertTrue(none.provenance().parameters().containsKey("bodyMassKg"));
        assertNull(none.provenance().parameters().get("bodyMassKg"));
        assertInstanceOf(
                GrfDay.NotEstimated.class, estimator.estimate(Placement.HIP, 0.0, List.of(walking(100, 5, 0))));
    }

    @Test
    void dataAtFortyHertzOrLessGetNoEstimate() {
        GrfDay day = estimator.estimate(Placement.HIP, 70.0, List.of(walking(40, 5, 0)));
        GrfDay.NotEstimated none = assertInstanceOf(GrfDay.NotEstimated.class, day);
        assertEquals("no samples at a sample rate above 40.0 Hz", none.reason());
        assertEquals(280L, none.provenance().parameters().get("samplesSkippedRateTooLow"));
    }

    @Test
    void hipImpactsOfTwoGGiveTheHandWorkedForceUnderBothModels() {
        GrfDay day = estimator.estimate(Placement.HIP, 70.0, List.of(walking(100, 10, 0)));
        GrfDay.Estimated est = assertInstanceOf(GrfDay.Estimated.class, day);
        assertEquals(2, est.summaries().size());

        GrfDay.Summary walking = est.summaries().get(0);
        assertEquals(GrfEquation.WALKING_RUNNING_HIP, walking.equation());
        assertEquals(10, walking.peaks());
        // The impacts lie far inside the pass band, so the filtered peaks stay at 2 g.
        assertEquals(2.0, walking.maxPeakG(), 0.01);
        assertEquals(2.0, walking.meanPeakG(), 0.01);
        // 1399.250 N at exactly 2 g (GrfEquationTest); d(pGRF)/da = -229.459 + 3.934 · 70 = 45.9 N/g.
        assertEquals(1399.250, walking.meanNewtons(), 0.01 * 45.9);
        assertEquals(GrfEquation.WALKING_RUNNING_HIP.peakNewtons(walking.maxPeakG(), 70), walking.maxNewtons(), 1e-9);
        // Body weights: newtons / (70 kg · 9.80665 m/s²) = newtons / 686.4655.
        assertEquals(walking.meanNewtons() / 686.4655, walking.meanBodyWeights(), 1e-9);
        assertEquals(2.038, walking.meanBodyWeights(), 0.001);

        GrfDay.Summary jumping = est.summaries().get(1);
        assertEquals(GrfEquation.JUMPING_HIP, jumping.equation());
        assertEquals(10, jumping.peaks());
        assertEquals(GrfEquation.JUMPING_HIP.peakNewtons(jumping.maxPeakG(), 70), jumping.maxNewtons(), 1e-9);
    }

    @Test
    void vibrationAboveTheCutOffMakesNoPeaks() {
        // ±1 g at 45 Hz on x: unfiltered the resultant would pass 1.3 g in every cycle.
        GrfDay day = estimator.estimate(Placement.ANKLE, 70.0, List.of(walking(200, 0, 45)));
        GrfDay.Summary s =
                assertInstanceOf(GrfDay.Estimated.class, day).summaries().get(0);
        assertEquals(0, s.peaks());
        assertTrue(Double.isNaN(s.meanNewtons()));
        assertTrue(Double.isNaN(s.maxBodyWeights()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void provenanceNamesTheEquationsCoefficientsSourceAndPipeline() {
        GrfDay day = estimator.estimate(Placement.LOWER_BACK, 82.0, List.of(walking(100, 3, 0)));
        Map<String, Object> p = day.provenance().parameters();
        assertEquals("veras-grf", day.provenance().algorithm());
        assertEquals(Map.of("minHeightG", 1.3, "minDistanceSeconds", 0.4), p.get("peaks"));
        assertEquals(20.0, ((Map<String, Object>) p.get("filter")).get("cutoffHz"));
        assertEquals(4, ((Map<String, Object>) p.get("filter")).get("order"));
        List<Map<String, Object>> equations = (List<Map<String, Object>>) p.get("equations");
        assertEquals("WALKING_RUNNING_LOWER_BACK", equations.get(0).get("name"));
        assertEquals(
                Map.of("b0", 701.358, "b1", -167.229, "b2", 9.642, "b3", 2.667),
                equations.get(0).get("coefficients"));
        Map<String, Object> jumpingModel =
                (Map<String, Object>) equations.get(1).get("model");
        assertTrue(((String) jumpingModel.get("source")).contains("Sensors 2023;23(4):2246"));
        assertEquals(0.83, ((Map<String, Object>) jumpingModel.get("validation")).get("r2AtLeast"));
    }
}
