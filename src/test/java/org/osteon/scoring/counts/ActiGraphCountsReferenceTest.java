package org.osteon.scoring.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.EvalData;

/**
 * ActiLife's own counts for two recordings (see src/test/resources/eval/*&#47;README.txt)
 * must be reproduced exactly, epoch by epoch, as Neishabouri et al. 2022 report.
 */
class ActiGraphCountsReferenceTest {

    @Test
    void countsMatchActiLifeOnAllThreeAxesForAgreadLfe() {
        float[][] raw = EvalData.floatColumns("agread/exampleRAW.csv", 11, 0, 1, 2);
        int[][] ref = EvalData.intColumns("agread/example1sec.csv", 11, 2, 3, 4);

        int[][] ours = counts(raw, 90, 1, CountsFilter.LFE);

        assertEquals(180, ref[0].length);
        assertExactOnAllAxes(ref, ours);
    }

    @Test
    void normalDeadBandDiffersFromActiLifeLfeOutput() {
        float[][] raw = EvalData.floatColumns("agread/exampleRAW.csv", 11, 0, 1, 2);
        int[][] ref = EvalData.intColumns("agread/example1sec.csv", 11, 2, 3, 4);

        int[][] normal = counts(raw, 90, 1, CountsFilter.NORMAL);

        assertTrue(matching(ref[0], normal[0]) < 180, "the LFE reference must distinguish the dead-bands");
    }

    @Test
    void countsMatchActiLifeOnAllThreeAxesForAgcountsWristNormal() {
        float[][] raw = EvalData.floatColumns("bhelsel-agcounts/example_raw_100Hz_DERIVED.csv", 1, 1, 2, 3);
        int[][] ref = EvalData.intColumns("bhelsel-agcounts/example5sec_counts_DERIVED.csv", 1, 1, 2, 3);

        int[][] ours = counts(raw, 100, 5, CountsFilter.NORMAL);

        assertEquals(36, ref[0].length);
        assertExactOnAllAxes(ref, ours);
    }

    private static void assertExactOnAllAxes(int[][] ref, int[][] ours) {
        for (int axis = 0; axis < 3; axis++) {
            assertEquals(ref[axis].length, ours[axis].length, "epochs on Axis" + (axis + 1));
            assertEquals(ref[axis].length, matching(ref[axis], ours[axis]), "exact epochs on Axis" + (axis + 1));
            assertArrayEquals(ref[axis], ours[axis], "Axis" + (axis + 1));
        }
    }

    private static int matching(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] == b[i]) {
                n++;
            }
        }
        return n;
    }

    /** Runs the counter over whole columns x, y, z; returns Axis1..Axis3 per epoch. */
    static int[][] counts(float[][] xyz, int rate, int epoch, CountsFilter filter) {
        List<int[]> epochs = new ArrayList<>();
        new ActiGraphCounts(rate, epoch, filter)
                .accept(
                        xyz[0],
                        xyz[1],
                        xyz[2],
                        0,
                        xyz[0].length,
                        (i, a1, a2, a3, vm) -> epochs.add(new int[] {a1, a2, a3}));
        int[][] out = new int[3][epochs.size()];
        for (int i = 0; i < epochs.size(); i++) {
            for (int axis = 0; axis < 3; axis++) {
                out[axis][i] = epochs.get(i)[axis];
            }
        }
        return out;
    }
}
