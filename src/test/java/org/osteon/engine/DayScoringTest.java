package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.Placement;
import org.osteon.scoring.bone.LoadingEvent;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.support.Signals;

class DayScoringTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final LocalDate DAY = LocalDate.of(2030, 3, 4);
    /** 23:00 local on DAY: the data runs to 01:00 of the next day. */
    static final Instant START = DAY.atTime(23, 0).atZone(VIENNA).toInstant();

    static final Signals SIGNAL = Signals.twoHours(START);

    static List<RawBatch> cut(Signals s, Instant start, List<Integer> sizes) {
        List<RawBatch> out = new ArrayList<>();
        int at = 0;
        long seq = 0;
        for (int i = 0; at < s.length(); i++) {
            int n = Math.min(sizes.get(i % sizes.size()), s.length() - at);
            ByteBuffer b = ByteBuffer.allocate(n * 12).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] axis : new float[][] {s.x, s.y, s.z}) {
                for (int j = 0; j < n; j++) {
                    b.putFloat(axis[at + j]);
                }
            }
            long micros = start.toEpochMilli() * 1000 + Math.round(at * 1e6 / Signals.RATE_HZ);
            out.add(new RawBatch(seq++, micros, Signals.RATE_HZ, n, (short) 2, 0, b.array()));
            at += n;
        }
        return out;
    }

    static DayScoring.Result score(List<RawBatch> batches, LocalDate date) {
        ScoringParams params = ScoringParams.builder(Signals.RATE_HZ)
                .placement(Placement.WRIST)
                .build();
        DayScoring day = new DayScoring(params, VIENNA, date);
        batches.stream().sorted(Comparator.comparingLong(RawBatch::startMicros)).forEach(day::accept);
        return day.finish();
    }

    @Test
    void dayResultDoesNotDependOnBatchSizesOrArrivalOrder() {
        Instant start = START;
        List<RawBatch> whole = cut(SIGNAL, start, List.of(Integer.MAX_VALUE));
        List<RawBatch> seconds = cut(SIGNAL, start, List.of(Signals.RATE_HZ));
        Random random = new Random(11);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sizes.add(1 + random.nextInt(600 * Signals.RATE_HZ));
        }
        List<RawBatch> shuffled = cut(SIGNAL, start, sizes);
        java.util.Collections.shuffle(shuffled, random);

        for (LocalDate date : List.of(DAY, DAY.plusDays(1))) {
            DayScoring.Result expected = score(whole, date);
            assertThat(expected.summary()).isNotNull();
            // The night's input (z-angles, sedentary runs) is part of the result compared below.
            assertThat(expected.sleepEpochs().empty()).isFalse();
            assertThat(score(seconds, date)).isEqualTo(expected);
            assertThat(score(shuffled, date)).isEqualTo(expected);
        }
    }

    @Test
    void midnightCutsTheDataBetweenTheTwoDays() {
        List<RawBatch> batches = cut(SIGNAL, START, List.of(3600 * Signals.RATE_HZ));
        DayScoring.Result before = score(batches, DAY);
        DayScoring.Result after = score(batches, DAY.plusDays(1));
        // Wear time never exceeds the hour of data each day holds; jumps were before midnight and after.
        assertThat(before.summary().wearMinutes()).isLessThanOrEqualTo(60);
        assertThat(after.summary().wearMinutes()).isLessThanOrEqualTo(60);
        assertThat(before.peaks()).isNotEmpty();
        assertThat(after.peaks()).isNotEmpty();
        assertThat(score(batches, DAY.minusDays(1)).summary()).isNull();
    }

    @Test
    void aGapStartsANewRunAndOverlappingSamplesCountOnce() {
        Instant start = START;
        List<RawBatch> batches = cut(SIGNAL, start, List.of(600 * Signals.RATE_HZ));
        List<RawBatch> withGap = new ArrayList<>(batches);
        withGap.remove(2);
        assertThat(score(withGap, DAY).runs()).isEqualTo(2);

        List<RawBatch> withResend = new ArrayList<>(batches);
        RawBatch again = batches.get(1);
        withResend.add(new RawBatch(
                99,
                again.startMicros(),
                again.rateHz(),
                again.samples(),
                again.encoding(),
                again.scale(),
                again.data()));
        assertThat(score(withResend, DAY)).isEqualTo(score(batches, DAY));
    }

    @Test
    void resultsOfAnOpenDayEqualScoringTheSameBatchesFromTheStart() {
        Random random = new Random(23);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sizes.add(1 + random.nextInt(240 * Signals.RATE_HZ));
        }
        List<RawBatch> batches = new ArrayList<>(cut(SIGNAL, START, sizes));
        // A gap (the device offline for a while) makes the day two runs.
        batches.remove(batches.size() / 2);
        List<LoadingEvent> events = List.of(
                new LoadingEvent.ResistanceSet(START.plusSeconds(600).toEpochMilli(), "squat", 3, 8, 60, 80, 70));
        ScoringParams params = ScoringParams.builder(Signals.RATE_HZ)
                .placement(Placement.WRIST)
                .build();
        for (LocalDate date : List.of(DAY, DAY.plusDays(1))) {
            DayScoring open = new DayScoring(params, VIENNA, date);
            for (int k = 0; k < batches.size(); k++) {
                open.accept(batches.get(k));
                DayScoring fromStart = new DayScoring(params, VIENNA, date);
                batches.subList(0, k + 1).forEach(fromStart::accept);
                events.forEach(fromStart::addLoadingEvent);
                assertThat(open.resultWith(events))
                        .as("after batch %d of %s", k, date)
                        .isEqualTo(fromStart.finish());
            }
            events.forEach(open::addLoadingEvent);
            DayScoring.Result end = open.finish();
            assertThat(end.summary()).isNotNull();
            assertThat(end.peaks()).isNotEmpty();
            assertThat(end.runs()).isGreaterThan(1);
        }
    }
}
