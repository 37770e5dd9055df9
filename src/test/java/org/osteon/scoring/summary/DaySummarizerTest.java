package org.osteon.scoring.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.scoring.Signal;
import org.osteon.scoring.bone.ImpactBandSet;
import org.osteon.scoring.bone.LoadingEvent;
import org.osteon.scoring.bone.LoadingScore;
import org.osteon.scoring.bone.LoadingSource;
import org.osteon.scoring.intensity.CutPointSet;
import org.osteon.scoring.intensity.Intensity;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.ScoringParams;

class DaySummarizerTest {

    static final double RATE = 50;
    static final ZoneId UTC = ZoneOffset.UTC;
    static final long DAY_START =
            LocalDate.of(2026, 3, 2).atStartOfDay(UTC).toInstant().toEpochMilli();

    static List<DaySummary> scoreAndSummarise(ScoringParams params, Signal s) {
        DaySummarizer summarizer = new DaySummarizer(params, UTC);
        EpochScorer scorer = new EpochScorer(params, DAY_START);
        scorer.accept(s.x, s.y, s.z, 0, s.length(), summarizer);
        scorer.finish(summarizer);
        return summarizer.finish();
    }

    /** 3 h worn with 18 jumps of known peak, then 2 h off the body with 4 more jumps on z only. */
    static Signal jumpsThenOff() {
        Signal s = new Signal(RATE, (int) (5 * 3600 * RATE));
        int worn = (int) (3 * 3600 * RATE);
        s.moving(0, worn, 0.05, new Random(1));
        s.still(worn, s.length());
        double[] peaks = {2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 4.5, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0};
        for (int j = 0; j < peaks.length; j++) {
            s.jump((int) ((60 + 500 * j) * RATE), peaks[j], 3);
        }
        for (int j = 0; j < 4; j++) {
            s.jump(worn + (int) ((1800 + 600 * j) * RATE), 6.0, 3);
        }
        return s;
    }

    @Test
    void jumpsOfKnownPeakGiveExactlyThoseBinsAndBands() {
        DaySummary day = scoreAndSummarise(ScoringParams.builder(RATE).build(), jumpsThenOff())
                .get(0);

        assertEquals(10, binHolding(day, 2.0).count());
        assertEquals(1.9, binHolding(day, 2.0).lowerG(), 1e-12);
        assertEquals(5, binHolding(day, 4.5).count());
        assertEquals(4.3, binHolding(day, 4.5).lowerG(), 1e-12);
        assertEquals(3, binHolding(day, 8.0).count());
        assertEquals(7.9, binHolding(day, 8.0).lowerG(), 1e-12);
        assertEquals(
                18, day.peakHistogram().stream().mapToInt(HistogramBin::count).sum(), "off-body jumps excluded");
        assertEquals(
                List.of(10, 0, 8),
                day.impactBands().stream().map(BandCount::count).toList(),
                "Deere 2012");
    }

    @Test
    void otherBandSetsCountTheirHighImpacts() {
        ScoringParams vainionpaa = ScoringParams.builder(RATE)
                .impactBands(ImpactBandSet.VAINIONPAA_2006)
                .build();
        ScoringParams jamsa = ScoringParams.builder(RATE)
                .impactBands(ImpactBandSet.JAMSA_2011)
                .build();

        assertEquals(
                8,
                scoreAndSummarise(vainionpaa, jumpsThenOff())
                        .get(0)
                        .impactBands()
                        .get(0)
                        .count());
        assertEquals(
                8,
                scoreAndSummarise(jamsa, jumpsThenOff())
                        .get(0)
                        .impactBands()
                        .get(0)
                        .count());
    }

    @Test
    void osteogenicIndexAndStressStimulusFollowFromThePeaks() {
        DaySummary day = scoreAndSummarise(ScoringParams.builder(RATE).build(), jumpsThenOff())
                .get(0);

        LoadingScore acc = day.loading().get(0);
        assertEquals(LoadingSource.ACCELEROMETER, acc.source());
        double oi = 2.0 * Math.log(11) + 4.5 * Math.log(6) + 8.0 * Math.log(4);
        assertEquals(oi, acc.osteogenicIndex(), 1e-9);
        double dss = Math.pow(10 * Math.pow(2.0, 4) + 5 * Math.pow(4.5, 4) + 3 * Math.pow(8.0, 4), 0.25);
        assertEquals(dss, acc.dailyStressStimulus(), 1e-9);
    }

    @Test
    void nonWearIsExcludedFromWearTime() {
        DaySummary day = scoreAndSummarise(ScoringParams.builder(RATE).build(), jumpsThenOff())
                .get(0);

        assertEquals(180.0, day.wearMinutes(), 1e-9);
        assertEquals(180.0, day.activityProvenance().parameters().get("wearMinutes"));
    }

    @Test
    void provenanceRecordsWhatChangesTheScore() {
        DaySummary day = scoreAndSummarise(ScoringParams.builder(RATE).build(), jumpsThenOff())
                .get(0);

        var activity = day.activityProvenance().parameters();
        // Structured, as a reader takes a threshold out by name: never a Java toString().
        var cutPoints = (Map<?, ?>) activity.get("cutPoints");
        assertEquals("GGIR_DEFAULT", cutPoints.get("name"));
        assertEquals(
                List.of(40.0, 100.0, 400.0),
                List.of(cutPoints.get("light"), cutPoints.get("moderate"), cutPoints.get("vigorous")));
        assertEquals("WRIST", activity.get("placement"));
        assertEquals(50.0, activity.get("rateHz"));
        assertEquals(false, activity.get("calibrationApplied"));
        assertEquals(60, ((Map<?, ?>) activity.get("nonWear")).get("windowMinutes"));
        assertEquals(List.of(1, 5, 10), ((Map<?, ?>) activity.get("bouts")).get("mvpaMinutes"));
        var impacts = day.impactProvenance().parameters();
        assertEquals("RESULTANT", impacts.get("gravityMode"));
        assertEquals(1.3, impacts.get("peakThresholdG"));
        var bands = (Map<?, ?>) impacts.get("impactBands");
        assertEquals("DEERE_2012", bands.get("name"));
        assertEquals(
                Map.of("name", "high", "lowerG", 4.2, "upperG", "Infinity"), ((List<?>) bands.get("bands")).get(2));
        assertEquals(4.0, day.loading().get(0).provenance().parameters().get("dssExponent"));
    }

    static HistogramBin binHolding(DaySummary day, double g) {
        return day.peakHistogram().stream()
                .filter(b -> g >= b.lowerG() && g < b.upperG())
                .findFirst()
                .orElseThrow();
    }

    static EpochResult epoch(long i, Intensity intensity, boolean nonwear) {
        return new EpochResult(
                DAY_START + i * 5000, intensity.isMvpa() ? 150 : 10, 0, 0, 0, 0, 0, 0, 0, intensity, nonwear, 0);
    }

    @Test
    void mvpaAndBoutedMvpaFromHandBuiltEpochs() {
        ScoringParams params = ScoringParams.builder(RATE).build();
        DaySummarizer summarizer = new DaySummarizer(params, UTC);
        long i = 0;
        for (; i < 120; i++) {
            summarizer.epoch(epoch(i, Intensity.MODERATE, false));
        }
        for (; i < 240; i++) {
            summarizer.epoch(epoch(i, i % 3 == 0 ? Intensity.VIGOROUS : Intensity.LIGHT, false));
        }
        for (; i < 600; i++) {
            summarizer.epoch(epoch(i, Intensity.SEDENTARY, i >= 480));
        }

        DaySummary day = summarizer.finish().get(0);

        assertEquals(10 + 40 / 12.0, day.mvpaMinutes(), 1e-9);
        assertEquals(40 / 12.0, day.vigorousMinutes(), 1e-9, "the vigorous part of MVPA: every third of 120 epochs");
        // A bout of L epochs may run on into the 1-in-3 pattern up to its k-th vigorous epoch while
        // L − 2k ≥ 0.8 L, i.e. k ≤ L / 10: it then holds k + 1 more MVPA epochs.
        assertEquals(
                List.of(
                        new BoutMinutes(1, 122 / 12.0),
                        new BoutMinutes(5, 127 / 12.0),
                        new BoutMinutes(10, 133 / 12.0)),
                day.mvpaBouts());
        assertEquals(
                List.of(new BoutMinutes(10, 20), new BoutMinutes(20, 20), new BoutMinutes(30, 0)),
                day.inactivityBouts(),
                "the last 10 min are non-wear, so the sedentary stretch is 20 min");
        assertEquals(20.0, day.sedentaryMinutes(), 1e-9);
        assertEquals(40.0, day.wearMinutes(), 1e-9);
    }

    @Test
    void cutPointsWithoutAVigorousBoundaryGiveNoVigorousMinutes() {
        DaySummarizer summarizer = new DaySummarizer(
                ScoringParams.builder(RATE)
                        .cutPoints(org.osteon.scoring.intensity.CutPointSet.MIGUELES_OLDER_ADULT_WRIST)
                        .build(),
                UTC);
        for (long i = 0; i < 120; i++) {
            summarizer.epoch(epoch(i, Intensity.MODERATE, false));
        }

        DaySummary day = summarizer.finish().get(0);

        assertEquals(10.0, day.mvpaMinutes(), 1e-9);
        assertTrue(Double.isNaN(day.vigorousMinutes()), "moderate and vigorous cannot be told apart");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void boutedMinutesNeverExceedMvpaMinutes(long seed) {
        Random random = new Random(seed);
        DaySummarizer summarizer = new DaySummarizer(ScoringParams.builder(RATE).build(), UTC);
        Intensity state = Intensity.SEDENTARY;
        for (long i = 0; i < 2 * 17_280; i++) {
            if (random.nextInt(30) == 0) {
                state = Intensity.values()[random.nextInt(Intensity.values().length)];
            }
            Intensity noisy = random.nextInt(8) == 0 ? Intensity.LIGHT : state;
            summarizer.epoch(
                    epoch(i, noisy == Intensity.BELOW_MODERATE ? Intensity.LIGHT : noisy, random.nextInt(500) == 0));
        }

        for (DaySummary day : summarizer.finish()) {
            for (BoutMinutes b : day.mvpaBouts()) {
                assertTrue(b.minutes() <= day.mvpaMinutes(), b + " > " + day.mvpaMinutes());
            }
            for (BoutMinutes b : day.inactivityBouts()) {
                assertTrue(b.minutes() <= day.sedentaryMinutes(), b + " > " + day.sedentaryMinutes());
            }
            assertTrue(day.mvpaBouts().get(0).minutes() > 0, "the day has bouts to compare");
        }
    }

    @Test
    void setsWithoutASedentaryBoundaryReportNoSedentaryTime() {
        ScoringParams params = ScoringParams.builder(RATE)
                .cutPoints(CutPointSet.VAHA_YPYA_MAD_HIP)
                .build();
        DaySummarizer summarizer = new DaySummarizer(params, UTC);
        summarizer.epoch(epoch(0, Intensity.BELOW_MODERATE, false));

        DaySummary day = summarizer.finish().get(0);

        assertTrue(Double.isNaN(day.sedentaryMinutes()));
        assertTrue(day.inactivityBouts().isEmpty());
    }

    @Test
    void epochsGoToTheirLocalDay() {
        ZoneId helsinki = ZoneId.of("Europe/Helsinki");
        DaySummarizer summarizer = new DaySummarizer(ScoringParams.builder(RATE).build(), helsinki);
        // 21:59:55 and 22:00:00 UTC on 2 March are 23:59:55 and 00:00:00 in Helsinki (UTC+2).
        long lastBefore = DAY_START + 22 * 3_600_000L - 5000;
        summarizer.epoch(new EpochResult(lastBefore, 10, 0, 0, 0, 0, 0, 0, 0, Intensity.SEDENTARY, false, 0));
        summarizer.epoch(new EpochResult(lastBefore + 5000, 10, 0, 0, 0, 0, 0, 0, 0, Intensity.SEDENTARY, false, 0));

        List<DaySummary> days = summarizer.finish();

        assertEquals(
                List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)),
                days.stream().map(DaySummary::date).toList());
    }

    @Test
    void loadingEventsAreScoredPerSource() {
        DaySummarizer summarizer = new DaySummarizer(ScoringParams.builder(RATE).build(), UTC);
        summarizer.addLoadingEvent(new LoadingEvent.GrfPeaks(DAY_START + 3_600_000, 2.5, 40));
        summarizer.addLoadingEvent(new LoadingEvent.GrfPeaks(DAY_START + 7_200_000, 3.0, 10));
        summarizer.addLoadingEvent(new LoadingEvent.ResistanceSet(DAY_START + 9_000_000, "squat", 3, 8, 60, 80, 70));
        summarizer.addLoadingEvent(new LoadingEvent.ResistanceSet(DAY_START + 9_600_000, "step-up", 2, 10, 14, 0, 70));

        DaySummary day = summarizer.finish().get(0);

        LoadingScore grf = day.loading().get(0);
        assertEquals(LoadingSource.INSOLE_GRF, grf.source());
        assertEquals(2.5 * Math.log(41) + 3.0 * Math.log(11), grf.osteogenicIndex(), 1e-12);
        assertEquals(Math.pow(40 * Math.pow(2.5, 4) + 10 * Math.pow(3.0, 4), 0.25), grf.dailyStressStimulus(), 1e-12);
        LoadingScore resistance = day.loading().get(1);
        assertEquals(LoadingSource.RESISTANCE, resistance.source());
        assertEquals(0.75 * Math.log(25) + 0.2 * Math.log(21), resistance.osteogenicIndex(), 1e-12);
        assertTrue(Double.isNaN(resistance.dailyStressStimulus()));
        assertEquals(2, day.loading().size(), "no accelerometer score without wear");
    }
}
