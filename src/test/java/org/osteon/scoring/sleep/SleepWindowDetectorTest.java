package org.osteon.scoring.sleep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.calibration.Calibration;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.Segment;

class SleepWindowDetectorTest {

    private static final SleepParams P = SleepParams.DEFAULT;
    private static final int PER_MIN = 12;
    private static final int DAY = 24 * 60 * PER_MIN;
    private static final long NOON = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();

    /**
     * Onset and wake within 5 min of the plan: the centred 5-min rolling median moves an edge by up
     * to half its width (2.5 min), the absolute difference of consecutive epochs by one more epoch,
     * and a posture turn in the first or last minutes of sleep by a little more. Measured: within
     * 1.5 min on every night below.
     */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void simulatedNightsAreFoundWithinFiveMinutesOfThePlan() {
        for (long seed = 1; seed <= 3; seed++) {
            SimulatedNights s = SimulatedNights.planned(seed, LocalDate.of(2026, 3, 2), 3);
            for (int night = 0; night < 2; night++) {
                SleepWindow w = s.night(P, night).orElseThrow(() -> new AssertionError("no window"));
                Instant onset = s.plannedOnset(night);
                Instant wake = s.plannedWake(night);
                String where = "seed " + seed + " night " + night + ": planned " + onset + "–" + wake + ", found "
                        + w.onset() + "–" + w.wake();
                assertTrue(Duration.between(onset, w.onset()).abs().compareTo(TOLERANCE) <= 0, where);
                assertTrue(Duration.between(wake, w.wake()).abs().compareTo(TOLERANCE) <= 0, where);
                double planned = Duration.between(onset, wake).toSeconds() / 60.0;
                assertEquals(planned, w.durationMinutes(), 10.0, where);
                assertEquals(Duration.between(w.onset(), w.wake()).toMillis() / 60_000.0, w.durationMinutes(), 1e-9);
                assertEquals(
                        w.onset().plus(Duration.between(w.onset(), w.wake()).dividedBy(2)), w.midpoint());
                assertTrue(w.thresholdDeg() >= 0.13 && w.thresholdDeg() <= 0.50, where);
            }
        }
    }

    @Test
    void aDeskWristAsStillAsSleepJoinsTheDayToTheNight() {
        // Without fidgeting the simulated desk wrist changes its z-angle as little as a sleeper's:
        // the afternoon, the evening and the night become one window, hours too early.
        SimulatedNights s = SimulatedNights.planned(1, LocalDate.of(2026, 3, 2), 2, false);
        SleepWindow w = s.night(P, 0).orElseThrow();
        assertTrue(Duration.between(w.onset(), s.plannedOnset(0)).toHours() >= 3, "found " + w.onset());
    }

    @Test
    void withoutFidgetingTheSimulatedSignalIsUnchanged() {
        DayPlan plan = org.osteon.simulator.DayPlanner.day(5, 0, LocalDate.of(2026, 3, 2))
                .crop(6 * 3600, 10 * 3600);
        float[][] plain = samples(new org.osteon.simulator.SignalGenerator("d", plan, 30, 9));
        float[][] off = samples(new org.osteon.simulator.SignalGenerator("d", plan, 30, 9, false));
        float[][] on = samples(new org.osteon.simulator.SignalGenerator("d", plan, 30, 9, true));
        for (int axis = 0; axis < 3; axis++) {
            assertArrayEquals(plain[axis], off[axis]);
        }
        assertTrue(!Arrays.equals(plain[0], on[0]), "fidgeting changes the desk wrist");
    }

    private static float[][] samples(org.osteon.simulator.SignalGenerator g) {
        int n = (int) g.totalSamples();
        float[][] out = new float[3][n];
        g.fill(out[0], out[1], out[2], 0, n);
        return out;
    }

    @Test
    void aDayAwakeHasNoWindow() {
        // Noon to noon at the (fidgeting) desk with walks between: nothing lasts 30 min still.
        Instant start = Instant.ofEpochMilli(NOON);
        List<Segment> segments = new java.util.ArrayList<>();
        int at = 0;
        while (at < 86_400) {
            segments.add(new Segment(Activity.SITTING, at, 50 * 60, 0));
            segments.add(new Segment(Activity.WALKING, at + 50 * 60, 10 * 60, 0));
            at += 60 * 60;
        }
        SimulatedNights s = new SimulatedNights(List.of(new DayPlan(start, segments, List.of(), List.of())), 7);
        assertEquals(Optional.empty(), detect(s, 0, DAY));
    }

    @Test
    void aDayOffTheWristHasNoWindowThoughTheDeviceLayStill() {
        Instant start = Instant.ofEpochMilli(NOON);
        DayPlan offWrist = DayPlan.of(start, List.of(new Segment(Activity.NON_WEAR, 0, 86_400, 0)));
        SimulatedNights s = new SimulatedNights(List.of(offWrist), 7);
        assertTrue(count(s.nonwear) > 0.99 * DAY, "the scoring core flags the day as non-wear");
        assertEquals(Optional.empty(), detect(s, 0, DAY));
        // The same still signal taken as worn would be one long window: the flag is what refuses it.
        boolean[] worn = new boolean[s.x.length];
        assertTrue(SleepWindowDetector.detect(P, s.startMillis, s.x, s.y, s.z, worn)
                .isPresent());
    }

    @Test
    void aNightWornLessThanHalfThePeriodHasNoWindow() {
        double[][] g = gravity(stillAngles(DAY));
        boolean[] nonwear = new boolean[DAY];
        Arrays.fill(nonwear, 0, DAY / 2 + 1, true);
        assertEquals(Optional.empty(), SleepWindowDetector.detect(P, NOON, g[0], g[1], g[2], nonwear));
        Arrays.fill(nonwear, DAY / 2 - 1, DAY / 2 + 1, false);
        assertTrue(
                SleepWindowDetector.detect(P, NOON, g[0], g[1], g[2], nonwear).isPresent());
    }

    @Test
    void thresholdIsTheTenthPercentileTimesFifteenWithinThePublishedRange() {
        // 0.000, 0.001, ..., 0.100: the 10th percentile (type 7) is 0.010, × 15 = 0.15.
        double[] m = new double[101];
        for (int i = 0; i < m.length; i++) {
            m[i] = i * 0.001;
        }
        assertEquals(0.15, SleepWindowDetector.threshold(P, m), 1e-12);
        // Linear between order statistics: of 0, 0.01, ..., 0.09 the 10th percentile is 0.009.
        double[] ten = new double[10];
        for (int i = 0; i < ten.length; i++) {
            ten[i] = i * 0.01;
        }
        assertEquals(0.009 * 15, SleepWindowDetector.threshold(P, ten), 1e-12);
        // Below 0.13 and above 0.50 it is held at the bound; NaN (non-wear) is left out.
        assertEquals(0.13, SleepWindowDetector.threshold(P, new double[] {0, 0, 0, 0.001}), 1e-12);
        assertEquals(0.50, SleepWindowDetector.threshold(P, new double[] {1, 2, 3, Double.NaN}), 1e-12);
        assertEquals(0.30, SleepWindowDetector.threshold(P, new double[] {0.02, Double.NaN, 0.02}), 1e-12);
    }

    @Test
    void thresholdOfConstructedZAngleSeries() {
        // The z-angle turns by a constant step every epoch: every rolling median is that step.
        assertEquals(0.15, windowOfSteadyTurn(0.01).thresholdDeg(), 1e-9);
        assertEquals(0.13, windowOfSteadyTurn(0.001).thresholdDeg(), 1e-9);
        assertEquals(0.30, windowOfSteadyTurn(0.02).thresholdDeg(), 1e-9);
        assertEquals(0.50, windowOfSteadyTurn(0.05).thresholdDeg(), 1e-9);
        // Every epoch is below its threshold, so the window is the whole period.
        SleepWindow w = windowOfSteadyTurn(0.02);
        assertEquals(Instant.ofEpochMilli(NOON), w.onset());
        assertEquals(Instant.ofEpochMilli(NOON + 86_400_000L), w.wake());
        assertEquals(0.30, (Double) w.provenance().parameters().get("thresholdDeg"), 1e-9);
    }

    @Test
    void blocksMustLastLongerThanThirtyMinutes() {
        boolean[] still = new boolean[DAY];
        Arrays.fill(still, 100, 100 + 30 * PER_MIN, true); // exactly 30 min: not a block
        Arrays.fill(still, 1000, 1000 + 30 * PER_MIN + 1, true); // one epoch more: a block
        List<int[]> blocks = SleepWindowDetector.blocks(still, 30 * PER_MIN);
        assertEquals(1, blocks.size());
        assertArrayEquals(new int[] {1000, 1000 + 30 * PER_MIN + 1}, blocks.get(0));
    }

    @Test
    void gapsShorterThanSixtyMinutesAreJoined() {
        int gap = 60 * PER_MIN;
        List<int[]> joined = SleepWindowDetector.joined(
                List.of(new int[] {0, 400}, new int[] {400 + gap - 1, 2000}, new int[] {2000 + gap, 2500}), gap);
        assertEquals(2, joined.size());
        assertArrayEquals(new int[] {0, 2000}, joined.get(0));
        assertArrayEquals(new int[] {2000 + gap, 2500}, joined.get(1));
        assertArrayEquals(new int[] {0, 2000}, SleepWindowDetector.longest(joined));
    }

    @Test
    void gapJoiningOnAConstructedZAngleSeries() {
        // Awake: the angle swings by 20° every epoch. Two still spells of 3 h and 2 h with a wake
        // between them; a 45-min wake joins them into one window, a 75-min wake leaves the longer.
        int stillA = 14 * 60 * PER_MIN; // 02:00
        SleepWindow joined = windowOf(stillA, 3 * 60, 45, 2 * 60);
        assertNear(NOON + minutes(14 * 60), joined.onset());
        assertNear(NOON + minutes(14 * 60 + 3 * 60 + 45 + 2 * 60), joined.wake());
        SleepWindow apart = windowOf(stillA, 3 * 60, 75, 2 * 60);
        assertNear(NOON + minutes(14 * 60), apart.onset());
        assertNear(NOON + minutes(17 * 60), apart.wake());
        // The same, the second spell now the longer: it is the window.
        SleepWindow later = windowOf(stillA, 60, 75, 4 * 60);
        assertNear(NOON + minutes(14 * 60 + 60 + 75), later.onset());
        assertNear(NOON + minutes(14 * 60 + 60 + 75 + 4 * 60), later.wake());
    }

    @Test
    void provenanceNamesTheAlgorithmItsParametersAndTheSource() {
        SleepWindow w = windowOfSteadyTurn(0.02);
        assertEquals("hdcza-sleep-window", w.provenance().algorithm());
        @SuppressWarnings("unchecked")
        Map<String, Object> sleep =
                (Map<String, Object>) w.provenance().parameters().get("sleep");
        assertEquals(10.0, sleep.get("percentile"));
        assertEquals(15.0, sleep.get("multiplier"));
        assertEquals(0.13, sleep.get("thresholdMinDeg"));
        assertEquals(0.5, sleep.get("thresholdMaxDeg"));
        assertEquals(30, sleep.get("minBlockMinutes"));
        assertEquals(60, sleep.get("maxGapMinutes"));
        assertEquals(5, sleep.get("medianMinutes"));
        assertTrue(((String) w.provenance().parameters().get("reference")).contains("Sci Rep 8:12975"));
    }

    @Test
    void gravityEpochsDoNotDependOnBatching() {
        int rate = 30;
        int n = rate * 60 * 7 + 13; // 84 whole epochs and a partial one
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
            y[i] = (float) r.nextDouble(-1, 1);
            z[i] = (float) r.nextDouble(-1, 1);
        }
        GravityEpochs whole = new GravityEpochs(rate, 5, Calibration.none());
        whole.accept(x, y, z, 0, n);
        GravityEpochs pieces = new GravityEpochs(rate, 5, Calibration.none());
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, 1 + r.nextInt(400));
            pieces.accept(x, y, z, i, k);
            i += k;
        }
        assertEquals(84, whole.epochs());
        assertArrayEquals(whole.x(), pieces.x());
        assertArrayEquals(whole.y(), pieces.y());
        assertArrayEquals(whole.z(), pieces.z());
        double mean = 0;
        for (int i = 150; i < 300; i++) {
            mean += x[i];
        }
        assertEquals(mean / 150, whole.x()[1], 1e-9);
    }

    @Test
    void zAngleIsTheElevationOfTheZAxis() {
        assertEquals(90, SleepWindowDetector.zAngleDeg(0, 0, 1), 1e-12);
        assertEquals(-90, SleepWindowDetector.zAngleDeg(0, 0, -1), 1e-12);
        assertEquals(0, SleepWindowDetector.zAngleDeg(1, 0, 0), 1e-12);
        assertEquals(45, SleepWindowDetector.zAngleDeg(0.5, 0.5, Math.sqrt(0.5)), 1e-9);
    }

    // --- helpers

    private static Optional<SleepWindow> detect(SimulatedNights s, int from, int to) {
        return SleepWindowDetector.detect(
                P,
                s.startMillis + from * 5000L,
                Arrays.copyOfRange(s.x, from, to),
                Arrays.copyOfRange(s.y, from, to),
                Arrays.copyOfRange(s.z, from, to),
                Arrays.copyOfRange(s.nonwear, from, to));
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    private static long minutes(int m) {
        return m * 60_000L;
    }

    /** Block edges move by at most half the rolling median's width, plus an epoch. */
    private static void assertNear(long expectedMillis, Instant actual) {
        assertTrue(
                Math.abs(actual.toEpochMilli() - expectedMillis) <= 3 * 60_000L,
                "expected about " + Instant.ofEpochMilli(expectedMillis) + ", got " + actual);
    }

    private static SleepWindow windowOfSteadyTurn(double stepDeg) {
        // The angle turns back and forth within −80..80° by a constant step.
        double[] a = new double[DAY];
        for (int i = 0; i < DAY; i++) {
            int run = (int) (160 / stepDeg);
            int k = i % (2 * run);
            a[i] = k < run ? -80 + k * stepDeg : 80 - (k - run) * stepDeg;
        }
        double[][] g = gravity(a);
        return SleepWindowDetector.detect(P, NOON, g[0], g[1], g[2], new boolean[DAY])
                .orElseThrow();
    }

    /** Awake (±10° swings) all day but for two still spells from {@code startEpoch}. */
    private static SleepWindow windowOf(int startEpoch, int firstMin, int gapMin, int secondMin) {
        double[] a = new double[DAY];
        for (int i = 0; i < DAY; i++) {
            a[i] = i % 2 == 0 ? 10 : -10;
        }
        Arrays.fill(a, startEpoch, startEpoch + firstMin * PER_MIN, 30);
        int second = startEpoch + (firstMin + gapMin) * PER_MIN;
        Arrays.fill(a, second, second + secondMin * PER_MIN, -40);
        double[][] g = gravity(a);
        return SleepWindowDetector.detect(P, NOON, g[0], g[1], g[2], new boolean[DAY])
                .orElseThrow();
    }

    private static double[] stillAngles(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 20);
        return a;
    }

    /** Gravity components whose z-angle is {@code a} (degrees). */
    private static double[][] gravity(double[] a) {
        double[][] g = new double[3][a.length];
        for (int i = 0; i < a.length; i++) {
            double r = Math.toRadians(a[i]);
            g[0][i] = Math.cos(r) * 0.6;
            g[1][i] = Math.cos(r) * 0.8;
            g[2][i] = Math.sin(r);
        }
        return g;
    }
}
