package org.osteon.scoring.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.osteon.scoring.Placement;

class CutPointSetTest {

    /** Each boundary of docs/metrics.md: the value itself is in the upper class, just below is not. */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "HILDEBRAND_ADULT_ACTIGRAPH_WRIST, 44.8, SEDENTARY, LIGHT",
        "HILDEBRAND_ADULT_ACTIGRAPH_WRIST, 100.6, LIGHT, MODERATE",
        "HILDEBRAND_ADULT_ACTIGRAPH_WRIST, 428.8, MODERATE, VIGOROUS",
        "HILDEBRAND_ADULT_GENEACTIV_WRIST, 45.8, SEDENTARY, LIGHT",
        "HILDEBRAND_ADULT_GENEACTIV_WRIST, 93.2, LIGHT, MODERATE",
        "HILDEBRAND_ADULT_GENEACTIV_WRIST, 418.3, MODERATE, VIGOROUS",
        "HILDEBRAND_ADULT_ACTIGRAPH_HIP, 47.4, SEDENTARY, LIGHT",
        "HILDEBRAND_ADULT_ACTIGRAPH_HIP, 69.1, LIGHT, MODERATE",
        "HILDEBRAND_ADULT_ACTIGRAPH_HIP, 258.7, MODERATE, VIGOROUS",
        "HILDEBRAND_ADULT_GENEACTIV_HIP, 46.9, SEDENTARY, LIGHT",
        "HILDEBRAND_ADULT_GENEACTIV_HIP, 68.7, LIGHT, MODERATE",
        "HILDEBRAND_ADULT_GENEACTIV_HIP, 266.8, MODERATE, VIGOROUS",
        "MIGUELES_OLDER_ADULT_WRIST, 18, SEDENTARY, LIGHT",
        "MIGUELES_OLDER_ADULT_WRIST, 60, LIGHT, MODERATE",
        "MIGUELES_OLDER_ADULT_HIP, 7, SEDENTARY, LIGHT",
        "MIGUELES_OLDER_ADULT_HIP, 14, LIGHT, MODERATE",
        "GGIR_DEFAULT, 40, SEDENTARY, LIGHT",
        "GGIR_DEFAULT, 100, LIGHT, MODERATE",
        "GGIR_DEFAULT, 400, MODERATE, VIGOROUS",
        "VAHA_YPYA_MAD_HIP, 91, BELOW_MODERATE, MODERATE",
        "VAHA_YPYA_MAD_HIP, 414, MODERATE, VIGOROUS",
        "FREEDSON_COUNTS_HIP, 1952, BELOW_MODERATE, MODERATE",
    })
    void boundaryValueIsInTheUpperClass(CutPointSet set, double boundary, Intensity below, Intensity atOrAbove) {
        assertEquals(atOrAbove, set.classify(boundary));
        assertEquals(below, set.classify(Math.nextDown(boundary)));
    }

    @ParameterizedTest
    @EnumSource(
            value = CutPointSet.class,
            names = {"MIGUELES_OLDER_ADULT_WRIST", "MIGUELES_OLDER_ADULT_HIP"})
    void setsWithoutAVigorousBoundaryNeverSayVigorous(CutPointSet set) {
        assertEquals(Intensity.MODERATE, set.classify(10_000));
    }

    @Test
    void freedsonCountsAreScaledToCountsPerMinute() {
        CutPointSet set = CutPointSet.FREEDSON_COUNTS_HIP;
        // 163 counts in 5 s = 1956 cpm ≥ 1952; 162 = 1944 cpm.
        assertEquals(Intensity.MODERATE, set.classify(set.valueOf(0, 0, 163, 5)));
        assertEquals(Intensity.BELOW_MODERATE, set.classify(set.valueOf(0, 0, 162, 5)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "WRIST, ADULT, ACTIGRAPH, HILDEBRAND_ADULT_ACTIGRAPH_WRIST",
        "WRIST, ADULT, GENEACTIV, HILDEBRAND_ADULT_GENEACTIV_WRIST",
        "HIP, ADULT, ACTIGRAPH, HILDEBRAND_ADULT_ACTIGRAPH_HIP",
        "HIP, ADULT, GENEACTIV, HILDEBRAND_ADULT_GENEACTIV_HIP",
        "WRIST, OLDER_ADULT_70_PLUS, ACTIGRAPH, MIGUELES_OLDER_ADULT_WRIST",
        "HIP, OLDER_ADULT_70_PLUS, ACTIGRAPH, MIGUELES_OLDER_ADULT_HIP",
        "WRIST, OLDER_ADULT_70_PLUS, GENEACTIV, GGIR_DEFAULT",
        "ANKLE, ADULT, ACTIGRAPH, GGIR_DEFAULT",
    })
    void selectionFollowsPlacementPopulationAndDevice(
            Placement placement, Population population, Device device, CutPointSet expected) {
        assertEquals(expected, CutPointSet.select(placement, population, device));
        assertTrue(expected.placement() == null || expected.placement() == placement, "never another placement's set");
    }

    @Test
    void madAndCountsSetsDefineNoSedentaryTime() {
        assertFalse(CutPointSet.VAHA_YPYA_MAD_HIP.definesSedentary());
        assertFalse(CutPointSet.FREEDSON_COUNTS_HIP.definesSedentary());
    }
}
