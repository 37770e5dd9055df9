package org.osteon.scoring.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-built 5-s epoch sequences: a 1-min bout is 12 epochs, the 1-min gap limit is 12 epochs. */
class BoutsTest {

    static final int ONE_MINUTE = 12;

    /** "1" meets the condition, "0" does not; spaces are ignored. */
    static boolean[] epochs(String pattern) {
        String p = pattern.replace(" ", "");
        boolean[] out = new boolean[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.charAt(i) == '1';
        }
        return out;
    }

    static int inBouts(String pattern, int boutEpochs) {
        return Bouts.epochsInBouts(epochs(pattern), boutEpochs, 0.8, ONE_MINUTE);
    }

    @Test
    void fullMinuteIsOneBout() {
        assertEquals(12, inBouts("111111111111", ONE_MINUTE));
    }

    @Test
    void eightyPercentQualifiesAndOnlyTheMeetingEpochsCount() {
        // 10 of 12 = 83 %: a bout, but the two gap epochs are not MVPA time.
        assertEquals(10, inBouts("11111 0 1111 0 1", ONE_MINUTE));
    }

    @Test
    void exactlyEightyPercentQualifies() {
        // 8 of 10 epochs = 80 % with a 10-epoch bout.
        assertEquals(8, inBouts("1111 0 111 0 1", 10));
    }

    @Test
    void belowEightyPercentIsNoBout() {
        // 9 of 12 = 75 %.
        assertEquals(0, inBouts("1111 0 111 0 1 0 1", ONE_MINUTE));
    }

    @Test
    void boutMustStartAndEndOnAMeetingEpoch() {
        // 11 of 12 but the only 12-epoch window starts on a gap; no window ends on the first "0".
        assertEquals(0, inBouts("0 11111111111", ONE_MINUTE));
        assertEquals(0, inBouts("11111111111 0", ONE_MINUTE));
    }

    @Test
    void gapLongerThanOneMinuteBreaksABout() {
        String before = "1".repeat(60);
        String after = "1".repeat(47);
        // 13 epochs (65 s) of gap inside a 10-min (120-epoch) window with 107 meeting (89 %).
        assertEquals(0, inBouts(before + "0".repeat(13) + after, 120));
        // A 12-epoch (60 s) gap is not longer than a minute: the same window is a bout.
        assertEquals(108, inBouts(before + "0".repeat(12) + after + "1", 120));
    }

    @Test
    void overlappingBoutsAreCountedOnce() {
        assertEquals(24, inBouts("1".repeat(24), ONE_MINUTE));
    }

    @Test
    void inactivityUsesTheNinetyPercentRule() {
        boolean[] ninetyTwo = epochs("1".repeat(50) + "0".repeat(10) + "1".repeat(60));
        boolean[] eightyNine = epochs("1".repeat(50) + "0".repeat(13) + "1".repeat(57));
        assertEquals(110, Bouts.epochsInBouts(ninetyTwo, 120, 0.9, ONE_MINUTE), "110 of 120 = 91.7 %");
        assertEquals(0, Bouts.epochsInBouts(eightyNine, 120, 0.9, 20), "107 of 120 = 89.2 %");
        assertEquals(107, Bouts.epochsInBouts(eightyNine, 120, 0.8, 20), "the same passes the 80 % rule");
    }

    @Test
    void boutLongerThanTheDataIsNoBout() {
        assertEquals(0, inBouts("1111", ONE_MINUTE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void boutTimeNeverExceedsTimeMeetingTheCondition(long seed) {
        Random random = new Random(seed);
        boolean[] e = new boolean[17_280];
        double p = random.nextDouble();
        for (int i = 0; i < e.length; i++) {
            if (random.nextInt(20) == 0) {
                p = random.nextDouble();
            }
            e[i] = random.nextDouble() < p;
        }
        int meeting = 0;
        for (boolean b : e) {
            meeting += b ? 1 : 0;
        }
        for (int minutes : new int[] {1, 5, 10}) {
            int bouted = Bouts.epochsInBouts(e, minutes * ONE_MINUTE, 0.8, ONE_MINUTE);
            assertTrue(bouted <= meeting, minutes + "-min bouts " + bouted + " > " + meeting);
        }
        assertTrue(Bouts.epochsInBouts(e, ONE_MINUTE, 0.8, ONE_MINUTE) > 0, "the sequence has bouts at all");
    }
}
