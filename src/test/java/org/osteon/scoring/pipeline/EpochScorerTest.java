package org.osteon.scoring.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.Signal;
import org.osteon.scoring.bone.GravityMode;
import org.osteon.scoring.calibration.Calibration;
import org.osteon.scoring.intensity.CutPointSet;
import org.osteon.scoring.intensity.Intensity;

class EpochScorerTest {

    static final double RATE = 50;
    static final long START = 1_700_000_000_000L;

    static Recorder score(ScoringParams params, Signal s) {
        Recorder out = new Recorder();
        EpochScorer scorer = new EpochScorer(params, START);
        scorer.accept(s.x, s.y, s.z, 0, s.length(), out);
        scorer.finish(out);
        return out;
    }

    @Test
    void stillDeviceIsNonWearAfterAnHour() {
        Signal s = new Signal(RATE, (int) (2 * 3600 * RATE));
        s.still(0, s.length());

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        assertEquals(2 * 3600 / 5, out.epochs.size());
        assertTrue(out.epochs.stream().allMatch(EpochResult::nonwear), "every epoch of 2 h still is non-wear");
        assertTrue(out.epochs.stream().allMatch(e -> e.enmoMg() == 0.0), "a still device has ENMO 0");
        assertTrue(out.epochs.stream().allMatch(e -> e.madMg() == 0.0), "a still device has MAD 0");
    }

    @Test
    void stillnessShorterThanAnHourBetweenWornPeriodsIsWear() {
        Signal s = new Signal(RATE, (int) (3 * 3600 * RATE));
        Random random = new Random(9);
        s.moving(0, s.length(), 0.05, random);
        s.still((int) (3600 * RATE), (int) (6300 * RATE));

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        assertTrue(out.epochs.stream().noneMatch(EpochResult::nonwear), "45 min still is no 60-min window");
    }

    @Test
    void stillTailOfARecordingIsJudgedOnTheDataItHas() {
        Signal s = new Signal(RATE, (int) (2 * 3600 * RATE));
        s.moving(0, s.length(), 0.05, new Random(10));
        int tail = (int) (100 * 60 * RATE);
        s.still(tail, s.length());

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        long tailStart = START + 100 * 60_000L;
        assertTrue(
                out.epochs.stream()
                        .filter(e -> e.epochStartMillis() >= START + 105 * 60_000L)
                        .allMatch(EpochResult::nonwear),
                "the windows cut at the end hold only stillness");
        assertTrue(out.epochs.stream()
                .filter(e -> e.epochStartMillis() < tailStart)
                .noneMatch(EpochResult::nonwear));
    }

    @Test
    void oneMovingAxisStillLeavesTheDeviceNonWearWhenTwoAxesQualify() {
        Signal s = new Signal(RATE, (int) (3600 * RATE));
        s.still(0, s.length());
        Random random = new Random(1);
        for (int i = 0; i < s.length(); i++) {
            s.x[i] = (float) (0.1 * random.nextGaussian());
        }

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        assertTrue(out.epochs.stream().allMatch(EpochResult::nonwear));
    }

    @Test
    void wornHourIsWear() {
        Signal s = new Signal(RATE, (int) (3600 * RATE));
        s.moving(0, s.length(), 0.05, new Random(2));

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        assertTrue(out.epochs.stream().noneMatch(EpochResult::nonwear));
    }

    @Test
    void enmoAndMadAreMeansOverTheEpochInMilliG() {
        Signal s = new Signal(RATE, (int) (5 * RATE));
        for (int i = 0; i < s.length(); i++) {
            s.z[i] = i % 2 == 0 ? 1.5f : 1.0f;
        }

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        EpochResult e = out.epochs.get(0);
        assertEquals(250.0, e.enmoMg(), 1e-9);
        assertEquals(250.0, e.madMg(), 1e-9);
        assertEquals(Intensity.MODERATE, e.intensity(), "GGIR defaults: 100 mg ≤ 250 mg < 400 mg");
    }

    @Test
    void jumpsOfKnownPeakGiveExactlyThosePeaks() {
        Signal s = new Signal(RATE, (int) (600 * RATE));
        s.moving(0, s.length(), 0.05, new Random(3));
        double[] peaks = {2.0, 2.0, 2.0, 4.5, 4.5, 8.0, 10.5};
        for (int j = 0; j < peaks.length; j++) {
            s.jump((int) ((30 + 60 * j) * RATE) + 7, peaks[j], 3);
        }

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        assertEquals(
                List.of(2.0, 2.0, 2.0, 4.5, 4.5, 8.0, 10.5),
                out.peaks.stream().map(ImpactPeak::magnitudeG).toList());
        assertEquals(
                peaks.length, out.epochs.stream().mapToInt(EpochResult::peaks).sum());
        assertEquals(
                10.5,
                out.epochs.stream().mapToDouble(EpochResult::peakMaxG).max().orElseThrow());
    }

    @Test
    void peakBelongsToTheEpochHoldingItsMaximum() {
        Signal s = new Signal(RATE, (int) (20 * RATE));
        s.moving(0, s.length(), 0.05, new Random(4));
        int boundary = (int) (5 * RATE);
        s.jump(boundary + 1, 3.0, 4);

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        assertEquals(0, out.epochs.get(0).peaks(), "the run starts in epoch 0 but peaks in epoch 1");
        assertEquals(1, out.epochs.get(1).peaks());
        assertEquals(3.0, out.epochs.get(1).peakMaxG());
        assertEquals(
                START + Math.round((boundary + 1) * 1000 / RATE),
                out.peaks.get(0).timeMillis());
    }

    @Test
    void peakThresholdIsConfigurable() {
        Signal s = new Signal(RATE, (int) (20 * RATE));
        s.moving(0, s.length(), 0.05, new Random(5));
        s.jump((int) (8 * RATE), 2.0, 3);

        Recorder low = score(ScoringParams.builder(RATE).build(), s);
        Recorder high = score(ScoringParams.builder(RATE).peakThresholdG(2.5).build(), s);

        assertEquals(1, low.peaks.size());
        assertEquals(0, high.peaks.size());
    }

    @Test
    void emissionWaitsForTheNonWearLookAhead() {
        Signal s = new Signal(RATE, (int) (30 * 60 * RATE));
        s.moving(0, s.length(), 0.05, new Random(6));
        Recorder out = new Recorder();
        EpochScorer scorer = new EpochScorer(ScoringParams.builder(RATE).build(), START);

        scorer.accept(s.x, s.y, s.z, 0, s.length(), out);

        assertTrue(out.epochs.isEmpty(), "30 min in, no epoch's non-wear flag can be final");
        scorer.finish(out);
        assertEquals(30 * 60 / 5, out.epochs.size());
    }

    @Test
    void epochsAreInTimeOrderAndAlignedToTheFirstSample() {
        Signal s = new Signal(RATE, (int) (3 * 3600 * RATE));
        s.moving(0, s.length(), 0.05, new Random(7));

        Recorder out = score(ScoringParams.builder(RATE).epochSeconds(15).build(), s);

        for (int i = 0; i < out.epochs.size(); i++) {
            assertEquals(START + i * 15_000L, out.epochs.get(i).epochStartMillis());
        }
        assertFalse(out.epochs.isEmpty());
    }

    @Test
    void stepsAreCountedInTheEpochsTheyFallIn() {
        Signal s = new Signal(RATE, (int) (2 * 3600 * RATE));
        s.moving(0, s.length(), 0.01, new Random(8));
        int walkFrom = (int) (600 * RATE);
        int walkTo = (int) (1200 * RATE);
        for (int i = walkFrom; i < walkTo; i++) {
            s.z[i] = (float) (1 + 0.5 * Math.sin(2 * Math.PI * 2.0 * i / RATE));
        }

        Recorder out = score(ScoringParams.builder(RATE).build(), s);

        int total = out.epochs.stream().mapToInt(EpochResult::steps).sum();
        assertTrue(total >= 1190 && total <= 1200, "2 Hz for 600 s: " + total);
        assertTrue(out.epochs.stream()
                .filter(e -> e.steps() > 0)
                .allMatch(e -> e.epochStartMillis() >= START + 600_000 && e.epochStartMillis() < START + 1_200_000));
    }

    @Test
    void calibrationIsAppliedBeforeEnmo() {
        Signal s = new Signal(RATE, (int) (60 * RATE));
        s.still(0, s.length());
        for (int i = 0; i < s.length(); i++) {
            s.z[i] = 1.1f;
        }
        Calibration fix =
                new Calibration(new double[] {0, 0, -0.1}, new double[] {1, 1, 1}, true, "accepted", 0.1, 0, 50);

        Recorder raw = score(ScoringParams.builder(RATE).build(), s);
        Recorder calibrated = score(ScoringParams.builder(RATE).calibration(fix).build(), s);

        assertEquals(100.0, raw.epochs.get(0).enmoMg(), 1e-4);
        assertEquals(0.0, calibrated.epochs.get(0).enmoMg(), 1e-4);
        assertEquals(
                true,
                ScoringParams.builder(RATE)
                        .calibration(fix)
                        .build()
                        .provenanceParameters()
                        .get("calibrationApplied"));
    }

    @Test
    void verticalModeDetectsPeaksWithGravityRemoved() {
        Signal s = new Signal(RATE, (int) (60 * RATE));
        s.moving(0, s.length(), 0.02, new Random(11));
        s.jump((int) (30 * RATE), 3.0, 3);
        ScoringParams params = ScoringParams.builder(RATE)
                .gravityMode(GravityMode.VERTICAL_GRAVITY_REMOVED)
                .peakThresholdG(0.5)
                .build();

        Recorder out = score(params, s);

        assertEquals(1, out.peaks.size());
        assertEquals(2.0, out.peaks.get(0).magnitudeG(), 0.05, "3 g resultant lying flat is 2 g above gravity");
    }

    @Test
    void nonIntegerRateKeepsEpochsOnTheClock() {
        double geneActiv = 85.7;
        Signal s = new Signal(geneActiv, (int) Math.ceil(600 * geneActiv));
        s.moving(0, s.length(), 0.05, new Random(12));

        Recorder out = score(ScoringParams.builder(geneActiv).build(), s);

        assertEquals(120, out.epochs.size());
        assertEquals(START + 595_000, out.epochs.get(119).epochStartMillis());
        assertTrue(out.epochs.stream().allMatch(e -> e.enmoMg() > 0 && e.axis1() == 0));
    }

    @Test
    void madCutPointsClassifyOnMad() {
        Signal s = new Signal(RATE, (int) (5 * RATE));
        for (int i = 0; i < s.length(); i++) {
            s.z[i] = i % 2 == 0 ? 1.2f : 1.0f;
        }

        Recorder out = score(
                ScoringParams.builder(RATE)
                        .cutPoints(CutPointSet.VAHA_YPYA_MAD_HIP)
                        .build(),
                s);

        assertEquals(100.0, out.epochs.get(0).madMg(), 1e-4, "1.2f is not exact");
        assertEquals(Intensity.MODERATE, out.epochs.get(0).intensity(), "MAD 100 mg ≥ 91 mg");
    }
}
