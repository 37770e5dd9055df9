package org.osteon.scoring.bone.grf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RefractoryPeakFinderTest {

    /** {@code seconds} of 1 g at {@code rateHz}. */
    private static double[] baseline(double seconds, double rateHz) {
        double[] s = new double[(int) (seconds * rateHz)];
        Arrays.fill(s, 1.0);
        return s;
    }

    @Test
    void ofTwoPeaksCloserThanPointFourSecondsOnlyTheHigherIsKept() {
        double[] s = baseline(5, 100);
        s[100] = 2.0;
        s[130] = 2.5; // 0.3 s later and higher: it wins
        assertArrayEquals(new int[] {130}, RefractoryPeakFinder.PUBLISHED.find(s, 100));
    }

    @Test
    void peaksExactlyPointFourSecondsApartAreBothKept() {
        double[] s = baseline(5, 100);
        s[200] = 1.8;
        s[240] = 2.0;
        assertArrayEquals(new int[] {200, 240}, RefractoryPeakFinder.PUBLISHED.find(s, 100));
    }

    @Test
    void thresholdIsOnePointThreeGInclusive() {
        double[] s = baseline(5, 100);
        s[100] = 1.29;
        s[300] = 1.3;
        assertArrayEquals(new int[] {300}, RefractoryPeakFinder.PUBLISHED.find(s, 100));
    }

    @Test
    void aDroppedPeakDropsNothingItself() {
        double[] s = baseline(5, 100);
        s[100] = 3.0;
        s[130] = 2.5; // 0.3 s after the highest: dropped
        s[160] = 2.0; // 0.3 s after the dropped one but 0.6 s after the kept one: kept
        assertArrayEquals(new int[] {100, 160}, RefractoryPeakFinder.PUBLISHED.find(s, 100));
    }

    @Test
    void aFlatTopHoldsNoPeak() {
        double[] s = baseline(5, 100);
        s[100] = 2.0;
        s[101] = 2.0;
        assertArrayEquals(new int[] {}, RefractoryPeakFinder.PUBLISHED.find(s, 100));
    }

    @Test
    void ofEqualPeaksTheEarlierIsKept() {
        double[] s = baseline(5, 100);
        s[100] = 2.0;
        s[120] = 2.0;
        assertArrayEquals(new int[] {100}, RefractoryPeakFinder.PUBLISHED.find(s, 100));
    }

    @Test
    void minimumDistanceIsCountedInSamplesOfTheRate() {
        // At 50 Hz, 0.4 s is 20 samples: 19 apart is too close, 20 is not.
        double[] s = baseline(5, 50);
        s[50] = 2.0;
        s[69] = 1.9;
        s[150] = 2.0;
        s[170] = 1.9;
        assertArrayEquals(new int[] {50, 150, 170}, RefractoryPeakFinder.PUBLISHED.find(s, 50));
    }
}
