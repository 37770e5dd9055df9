package org.osteon.scoring.bone.grf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osteon.scoring.Placement;

/**
 * Each equation against a value worked by hand from the published coefficients:
 * pGRF = b0 + b1·a + b2·m + b3·a·m.
 */
class GrfEquationTest {

    @Test
    void walkingRunningHip() {
        // 814.888 + (-229.459 · 2.0) + 7.036 · 70 + 3.934 · 2.0 · 70
        // = 814.888 - 458.918 + 492.520 + 550.760 = 1399.250 N
        assertEquals(1399.250, GrfEquation.WALKING_RUNNING_HIP.peakNewtons(2.0, 70), 1e-9);
    }

    @Test
    void walkingRunningLowerBack() {
        // 701.358 + (-167.229 · 2.0) + 9.642 · 70 + 2.667 · 2.0 · 70
        // = 701.358 - 334.458 + 674.940 + 373.380 = 1415.220 N
        assertEquals(1415.220, GrfEquation.WALKING_RUNNING_LOWER_BACK.peakNewtons(2.0, 70), 1e-9);
    }

    @Test
    void walkingRunningAnkle() {
        // 890.673 + (-131.889 · 4.0) + 7.155 · 80 + 2.027 · 4.0 · 80
        // = 890.673 - 527.556 + 572.400 + 648.640 = 1584.157 N
        assertEquals(1584.157, GrfEquation.WALKING_RUNNING_ANKLE.peakNewtons(4.0, 80), 1e-9);
    }

    @Test
    void jumpingHip() {
        // -493.877 + 188.759 · 3.0 + 18.008 · 70 + 1.279 · 3.0 · 70
        // = -493.877 + 566.277 + 1260.560 + 268.590 = 1601.550 N
        assertEquals(1601.550, GrfEquation.JUMPING_HIP.peakNewtons(3.0, 70), 1e-9);
    }

    @Test
    void jumpingLowerBack() {
        // -350.125 + 152.952 · 3.0 + 22.618 · 70 + 0.654 · 3.0 · 70
        // = -350.125 + 458.856 + 1583.260 + 137.340 = 1829.331 N
        assertEquals(1829.331, GrfEquation.JUMPING_LOWER_BACK.peakNewtons(3.0, 70), 1e-9);
    }

    @Test
    void jumpingAnkle() {
        // 1551.020 + (-132.384 · 5.0) + 7.927 · 60 + 2.415 · 5.0 · 60
        // = 1551.020 - 661.920 + 475.620 + 724.500 = 2089.220 N
        assertEquals(2089.220, GrfEquation.JUMPING_ANKLE.peakNewtons(5.0, 60), 1e-9);
    }

    @Test
    void noEquationIsPublishedForTheWristThighInsoleOrWaist() {
        for (GrfModel model : GrfModel.values()) {
            for (Placement p : new Placement[] {Placement.WRIST, Placement.THIGH, Placement.INSOLE, Placement.WAIST}) {
                assertTrue(GrfEquation.of(model, p).isEmpty(), model + " " + p);
            }
            for (Placement p : new Placement[] {Placement.HIP, Placement.LOWER_BACK, Placement.ANKLE}) {
                assertEquals(p, GrfEquation.of(model, p).orElseThrow().placement());
            }
        }
    }
}
