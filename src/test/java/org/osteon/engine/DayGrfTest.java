package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.Placement;
import org.osteon.scoring.bone.grf.GrfDay;
import org.osteon.scoring.bone.grf.GrfEstimator;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.Segment;
import org.osteon.simulator.SignalGenerator;

/**
 * The estimated peak ground-reaction force as the engine finds it while it scores a day
 * ({@link DayGrf} inside {@link DayScoring}): on a simulated hip day at 100 Hz the streamed peaks give
 * exactly what {@link GrfEstimator} gives on the same samples at once, whatever the batches and
 * their order; a gap restarts the filter as a new segment does; an open day shown mid-way equals
 * the same batches scored from the start; the wrist, no body mass and too low a rate give no
 * estimate; peaks in non-wear are left out.
 */
class DayGrfTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final LocalDate DAY = LocalDate.of(2030, 3, 4);
    static final Instant START = DAY.atTime(10, 0).atZone(VIENNA).toInstant();
    static final double MASS_KG = 72.5;

    /** Simulated samples in g at {@code rate}: walking, jumps, running and sitting, 40 minutes. */
    static float[][] signal(int rate) {
        DayPlan plan = DayPlan.of(
                START,
                List.of(
                        new Segment(Activity.WALKING, 0, 600, 0),
                        new Segment(Activity.JUMPS, 600, 300, 4.0),
                        new Segment(Activity.RUNNING, 900, 600, 0),
                        new Segment(Activity.SITTING, 1500, 900, 0)));
        SignalGenerator g = new SignalGenerator("grf-test", plan, rate, 3);
        int n = 2400 * rate;
        float[][] a = new float[3][n];
        int at = 0;
        int k;
        while (at < n && (k = g.fill(a[0], a[1], a[2], at, Math.min(rate, n - at))) > 0) {
            at += k;
        }
        return a;
    }

    /** Batches of {@code axes} from {@code start} (sample index {@code from} to {@code to}), cut into {@code sizes}. */
    static List<RawBatch> cut(float[][] axes, int rate, int from, int to, List<Integer> sizes, long firstSeq) {
        List<RawBatch> out = new ArrayList<>();
        int at = from;
        long seq = firstSeq;
        for (int i = 0; at < to; i++) {
            int n = Math.min(sizes.get(i % sizes.size()), to - at);
            ByteBuffer b = ByteBuffer.allocate(n * 12).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] axis : axes) {
                for (int j = 0; j < n; j++) {
                    b.putFloat(axis[at + j]);
                }
            }
            long micros = START.toEpochMilli() * 1000 + Math.round(at * 1e6 / rate);
            out.add(new RawBatch(seq++, micros, rate, n, (short) 2, 0, b.array()));
            at += n;
        }
        return out;
    }

    static ScoringParams params(int rate, Placement placement) {
        return ScoringParams.builder(rate).placement(placement).build();
    }

    static DayScoring.Result score(List<RawBatch> batches, ScoringParams params) {
        DayScoring day = new DayScoring(params, VIENNA, DAY);
        batches.stream()
                .sorted(Comparator.comparingLong(RawBatch::startMicros).thenComparingLong(RawBatch::seq))
                .forEach(day::accept);
        return day.finish();
    }

    /** The samples from..to as the estimator takes a segment. */
    static GrfEstimator.Segment segment(float[][] a, int rate, int from, int to) {
        double[][] d = new double[3][to - from];
        for (int axis = 0; axis < 3; axis++) {
            for (int i = from; i < to; i++) {
                d[axis][i - from] = a[axis][i];
            }
        }
        return new GrfEstimator.Segment(rate, d[0], d[1], d[2]);
    }

    @Test
    void aHipDayStreamedGivesExactlyTheEstimatorsNumbersOnTheSameSamples() {
        float[][] a = signal(100);
        int n = a[0].length;
        DayScoring.Result r = score(cut(a, 100, 0, n, List.of(6000), 0), params(100, Placement.HIP));
        assertThat(r.grf().peaksInNonWear()).isZero();

        GrfDay streamed = r.grf().estimate(MASS_KG);
        GrfDay batch = new GrfEstimator().estimate(Placement.HIP, MASS_KG, List.of(segment(a, 100, 0, n)));
        assertThat(streamed).isInstanceOf(GrfDay.Estimated.class);
        List<GrfDay.Summary> summaries = ((GrfDay.Estimated) streamed).summaries();
        assertThat(summaries).isEqualTo(((GrfDay.Estimated) batch).summaries());
        assertThat(summaries)
                .extracting(s -> s.equation().model().label())
                .containsExactly("walking/running", "jumping");
        // Walking, jumps and running: hundreds of peaks of at least 1.3 g, estimates of more than one body weight.
        assertThat(summaries.get(0).peaks()).isGreaterThan(300);
        assertThat(summaries.get(0).meanBodyWeights()).isGreaterThan(1);
        assertThat(streamed.provenance().parameters())
                .containsEntry("bodyMassKg", MASS_KG)
                .containsEntry("samplesUsed", (long) n)
                .containsEntry("peaksInNonWearLeftOut", 0)
                .containsKey("equations");
    }

    @Test
    void batchSizesAndArrivalOrderDoNotChangeThePeaks() {
        float[][] a = signal(100);
        int n = a[0].length;
        ScoringParams params = params(100, Placement.HIP);
        DayScoring.Result whole = score(cut(a, 100, 0, n, List.of(Integer.MAX_VALUE), 0), params);
        Random random = new Random(17);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sizes.add(1 + random.nextInt(90 * 100));
        }
        List<RawBatch> pieces = cut(a, 100, 0, n, sizes, 0);
        Collections.shuffle(pieces, random);
        assertThat(score(pieces, params).grf()).isEqualTo(whole.grf());
        assertThat(score(cut(a, 100, 0, n, List.of(1, 7, 100, 1234), 0), params).grf())
                .isEqualTo(whole.grf());
    }

    @Test
    void aGapRestartsTheFilterAsANewSegmentDoes() {
        float[][] a = signal(100);
        int n = a[0].length;
        // The device was off from minute 12 to minute 14, in the middle of the jumps.
        int gapFrom = 720 * 100, gapTo = 840 * 100;
        List<RawBatch> batches = new ArrayList<>(cut(a, 100, 0, gapFrom, List.of(3000), 0));
        batches.addAll(cut(a, 100, gapTo, n, List.of(3000), 1000));
        DayScoring.Result r = score(batches, params(100, Placement.HIP));
        assertThat(r.runs()).isEqualTo(2);
        GrfDay batch = new GrfEstimator()
                .estimate(Placement.HIP, MASS_KG, List.of(segment(a, 100, 0, gapFrom), segment(a, 100, gapTo, n)));
        assertThat(((GrfDay.Estimated) r.grf().estimate(MASS_KG)).summaries())
                .isEqualTo(((GrfDay.Estimated) batch).summaries());
    }

    @Test
    void anOpenDayShownMidwayEqualsTheSameBatchesScoredFromTheStart() {
        float[][] a = signal(100);
        int n = a[0].length;
        ScoringParams params = params(100, Placement.HIP);
        List<RawBatch> batches = cut(a, 100, 0, n, List.of(97 * 100 + 13), 0);
        DayScoring open = new DayScoring(params, VIENNA, DAY);
        for (int k = 0; k < batches.size(); k++) {
            open.accept(batches.get(k));
            if (k % 5 == 2) {
                DayScoring fromStart = new DayScoring(params, VIENNA, DAY);
                batches.subList(0, k + 1).forEach(fromStart::accept);
                assertThat(open.resultWith(List.of()).grf())
                        .as("after batch %d", k)
                        .isEqualTo(fromStart.finish().grf());
            }
        }
        assertThat(open.finish().grf()).isEqualTo(score(batches, params).grf());
    }

    @Test
    void theWristNoBodyMassAndTooLowARateGiveNoEstimateAndSayWhy() {
        float[][] a = signal(100);
        int n = a[0].length;
        GrfDay wrist = score(cut(a, 100, 0, n, List.of(6000), 0), params(100, Placement.WRIST))
                .grf()
                .estimate(MASS_KG);
        assertThat(wrist)
                .isInstanceOfSatisfying(
                        GrfDay.NotEstimated.class, g -> assertThat(g.reason()).contains("wrist"));
        assertThat(wrist.provenance().parameters()).containsEntry("reason", ((GrfDay.NotEstimated) wrist).reason());

        GrfDay noMass = score(cut(a, 100, 0, n, List.of(6000), 0), params(100, Placement.HIP))
                .grf()
                .estimate(null);
        assertThat(noMass)
                .isInstanceOfSatisfying(
                        GrfDay.NotEstimated.class, g -> assertThat(g.reason()).contains("no body mass"));

        float[][] slow = signal(25);
        GrfDay tooSlow = score(cut(slow, 25, 0, slow[0].length, List.of(1500), 0), params(25, Placement.HIP))
                .grf()
                .estimate(MASS_KG);
        assertThat(tooSlow)
                .isInstanceOfSatisfying(
                        GrfDay.NotEstimated.class, g -> assertThat(g.reason()).contains("above 40.0 Hz"));
        assertThat(tooSlow.provenance().parameters()).containsEntry("samplesSkippedRateTooLow", (long) slow[0].length);

        GrfDay noDevice = new DayScoring(params(50, Placement.HIP), VIENNA, DAY)
                .finish()
                .grf()
                .estimate(MASS_KG);
        assertThat(noDevice)
                .isInstanceOfSatisfying(
                        GrfDay.NotEstimated.class, g -> assertThat(g.reason()).contains("no accelerometer samples"));
    }

    @Test
    void aPeakInNonWearIsLeftOutAsImpactPeaksAre() {
        // Two hours of a device lying still, face up, knocked once (z to 3 g for 0.2 s) after an hour.
        int rate = 100;
        int n = 7200 * rate;
        float[][] a = new float[3][n];
        Random noise = new Random(5);
        for (int i = 0; i < n; i++) {
            a[0][i] = (float) (noise.nextGaussian() * 0.002);
            a[1][i] = (float) (noise.nextGaussian() * 0.002);
            a[2][i] = (float) (1 + noise.nextGaussian() * 0.002);
        }
        int knock = 3600 * rate + 250;
        for (int i = knock; i < knock + 20; i++) {
            a[2][i] = 3;
        }
        DayScoring.Result r = score(cut(a, rate, 0, n, List.of(60 * rate), 0), params(rate, Placement.HIP));
        assertThat(r.summary().wearMinutes()).isZero();
        assertThat(r.peaks()).isEmpty();
        GrfDay batch = new GrfEstimator().estimate(Placement.HIP, MASS_KG, List.of(segment(a, rate, 0, n)));
        assertThat(((GrfDay.Estimated) batch).summaries().get(0).peaks()).isEqualTo(1);

        assertThat(r.grf().peaksInNonWear()).isEqualTo(1);
        GrfDay streamed = r.grf().estimate(MASS_KG);
        assertThat(((GrfDay.Estimated) streamed).summaries())
                .allSatisfy(s -> assertThat(s.peaks()).isZero());
        assertThat(streamed.provenance().parameters()).containsEntry("peaksInNonWearLeftOut", 1);
    }
}
