package org.osteon.scoring.circadian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.intensity.Intensity;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * Per-day profiles combined give what one analyzer over all the epochs gives: ten days in Vienna
 * across the end of summer time (2026-10-25, a 25-h day), a sine rhythm with noise, non-wear
 * hours, a day off and a morning barely worn.
 */
class CircadianDayTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final LocalDate FIRST = LocalDate.of(2026, 10, 20);
    static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25);
    static final int EPOCH_SECONDS = 30;

    static ScoringParams params(CircadianParams settings) {
        return ScoringParams.builder(30)
                .epochSeconds(EPOCH_SECONDS)
                .circadian(settings)
                .build();
    }

    /** The epochs, in time order, of {@code days} days from {@code first}; 2026-10-23 is not worn at all. */
    static List<EpochResult> epochs(LocalDate first, int days, long seed) {
        Random random = new Random(seed);
        List<EpochResult> out = new ArrayList<>();
        long from = first.atStartOfDay(VIENNA).toInstant().toEpochMilli();
        long to = first.plusDays(days).atStartOfDay(VIENNA).toInstant().toEpochMilli();
        for (long t = from; t < to; t += EPOCH_SECONDS * 1000L) {
            var local = Instant.ofEpochMilli(t).atZone(VIENNA);
            double hourOfDay = local.getHour() + local.getMinute() / 60.0;
            double enmo =
                    Math.max(0, 45 + 40 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24) + 15 * random.nextGaussian());
            long hourIndex = (t - from) / 3_600_000;
            boolean offBody = local.toLocalDate().equals(LocalDate.of(2026, 10, 23))
                    || hourIndex % 37 == 5 // an hour off every day and a half
                    || hourIndex % 53 == 11 && local.getMinute() < 40 // an hour worn for a third
                    || random.nextInt(50) == 0;
            out.add(new EpochResult(t, enmo, 0, 0, 0, 0, 0, 0, 0, Intensity.LIGHT, offBody, 0));
        }
        return out;
    }

    /** Each day through its own analyzer, as the engine scores one day at a time. */
    static Map<LocalDate, CircadianDay> profilesOneDayAtATime(ScoringParams params, List<EpochResult> epochs) {
        Map<LocalDate, CircadianAnalyzer> perDay = new TreeMap<>();
        for (EpochResult e : epochs) {
            LocalDate date =
                    Instant.ofEpochMilli(e.epochStartMillis()).atZone(VIENNA).toLocalDate();
            perDay.computeIfAbsent(date, d -> new CircadianAnalyzer(params, VIENNA))
                    .add(e);
        }
        Map<LocalDate, CircadianDay> out = new TreeMap<>();
        perDay.forEach((date, analyzer) -> analyzer.days().forEach(d -> out.put(d.date(), d)));
        return out;
    }

    static void assertSame(Circadian expected, Circadian actual) {
        assertEquals(expected.days(), actual.days());
        assertEquals(expected.hours(), actual.hours());
        assertEquals(expected.interdailyStability(), actual.interdailyStability(), 1e-12);
        assertEquals(expected.intradailyVariability(), actual.intradailyVariability(), 1e-12);
        assertEquals(expected.m10Mg(), actual.m10Mg(), 1e-12);
        assertEquals(expected.m10StartMinute(), actual.m10StartMinute());
        assertEquals(expected.l5Mg(), actual.l5Mg(), 1e-12);
        assertEquals(expected.l5StartMinute(), actual.l5StartMinute());
        assertEquals(expected.relativeAmplitude(), actual.relativeAmplitude(), 1e-12);
    }

    @Test
    void combiningDaysScoredApartEqualsOneAnalyzerOverAllEpochsToTheBit() {
        for (CircadianParams settings :
                List.of(CircadianParams.DEFAULT, new CircadianParams(false, Double.NaN, true, 3, 0.5))) {
            ScoringParams params = params(settings);
            List<EpochResult> epochs = epochs(FIRST, 10, 1);
            CircadianAnalyzer whole = new CircadianAnalyzer(params, VIENNA);
            epochs.forEach(whole::add);
            List<CircadianDay> days =
                    new ArrayList<>(profilesOneDayAtATime(params, epochs).values());
            Collections.shuffle(days, new Random(2));

            Circadian expected = whole.result().orElseThrow();
            Circadian combined = CircadianAnalyzer.combine(params, days).orElseThrow();

            assertEquals(expected, combined, "same record, provenance included");
            assertEquals(9, days.size(), "the day not worn has no profile");
            assertEquals(
                    whole.days(),
                    days.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList());
        }
    }

    @Test
    void splittingIntoDaysChangesNothingAgainstTheSinglePassAnalyzer() {
        ScoringParams params = params(CircadianParams.DEFAULT);
        List<EpochResult> epochs = epochs(FIRST, 10, 3);
        for (int firstDay = 0; firstDay < 4; firstDay++) {
            LocalDate from = FIRST.plusDays(firstDay);
            LocalDate to = from.plusDays(7);
            List<EpochResult> week = epochs.stream()
                    .filter(e -> {
                        LocalDate d = Instant.ofEpochMilli(e.epochStartMillis())
                                .atZone(VIENNA)
                                .toLocalDate();
                        return !d.isBefore(from) && d.isBefore(to);
                    })
                    .toList();
            SinglePassAnalyzer reference = new SinglePassAnalyzer(params, VIENNA);
            week.forEach(reference::add);
            List<CircadianDay> days =
                    new ArrayList<>(profilesOneDayAtATime(params, week).values());

            assertSame(
                    reference.result().orElseThrow(),
                    CircadianAnalyzer.combine(params, days).orElseThrow());
        }
    }

    @Test
    void theRepeatedHourOfTheLongDayIsMergedAndEveryDayHas24ClockHours() {
        ScoringParams params = params(CircadianParams.DEFAULT);
        List<EpochResult> allWorn = epochs(FIRST, 10, 4).stream()
                .map(e -> new EpochResult(
                        e.epochStartMillis(), e.enmoMg(), 0, 0, 0, 0, 0, 0, 0, Intensity.LIGHT, false, 0))
                .toList();
        Map<LocalDate, CircadianDay> days = profilesOneDayAtATime(params, allWorn);
        int perHour = 3600 / EPOCH_SECONDS;

        CircadianDay longDay = days.get(FALL_BACK);
        assertEquals(2 * perHour, longDay.hourEpochs()[2], "02:00–03:00 happens twice");
        assertEquals(25 * perHour, longDay.epochs());
        assertEquals(24, longDay.hourSums().length);
        assertEquals(perHour, days.get(FALL_BACK.minusDays(1)).hourEpochs()[2]);
        assertEquals(24, CircadianAnalyzer.validHours(params, longDay));
    }

    @Test
    void theSkippedHourOfTheShortDayIsMissing() {
        ScoringParams params = params(CircadianParams.DEFAULT);
        LocalDate springForward = LocalDate.of(2026, 3, 29);
        List<EpochResult> epochs = epochs(springForward.minusDays(1), 3, 5).stream()
                .map(e -> new EpochResult(
                        e.epochStartMillis(), e.enmoMg(), 0, 0, 0, 0, 0, 0, 0, Intensity.LIGHT, false, 0))
                .toList();
        CircadianAnalyzer whole = new CircadianAnalyzer(params, VIENNA);
        epochs.forEach(whole::add);
        CircadianDay shortDay = whole.days().get(1);

        assertEquals(springForward, shortDay.date());
        assertEquals(0, shortDay.hourEpochs()[2]);
        assertEquals(23, CircadianAnalyzer.validHours(params, shortDay));
        SinglePassAnalyzer reference = new SinglePassAnalyzer(params, VIENNA);
        epochs.forEach(reference::add);
        assertSame(
                reference.result().orElseThrow(),
                CircadianAnalyzer.combine(params, whole.days()).orElseThrow());
        assertEquals(3 * 24 - 1, whole.result().orElseThrow().hours());
    }

    @Test
    void aDaysOwnRelativeAmplitudeIsThatOfTheDayAloneAndNeedsSixteenValidHours() {
        ScoringParams params = params(CircadianParams.DEFAULT);
        List<EpochResult> epochs = epochs(FIRST, 3, 6).stream()
                .map(e -> new EpochResult(
                        e.epochStartMillis(), e.enmoMg(), 0, 0, 0, 0, 0, 0, 0, Intensity.LIGHT, false, 0))
                .toList();
        Map<LocalDate, CircadianDay> days = profilesOneDayAtATime(params, epochs);
        CircadianDay day = days.get(FIRST.plusDays(1));
        ScoringParams oneDay = params(new CircadianParams(true, Double.NaN, false, 1, 0.5));

        double ra = CircadianAnalyzer.dayRelativeAmplitude(params, day).orElseThrow();

        assertEquals(
                CircadianAnalyzer.combine(oneDay, List.of(day)).orElseThrow().relativeAmplitude(), ra, 0);
        assertTrue(ra > 0.5 && ra < 1, "a strong rhythm: RA " + ra);

        long sixteenHours = day.date().atStartOfDay(VIENNA).toInstant().toEpochMilli() + 16 * 3_600_000L;
        CircadianAnalyzer partial = new CircadianAnalyzer(params, VIENNA);
        CircadianAnalyzer lessThanPartial = new CircadianAnalyzer(params, VIENNA);
        for (EpochResult e : epochs) {
            LocalDate date =
                    Instant.ofEpochMilli(e.epochStartMillis()).atZone(VIENNA).toLocalDate();
            if (date.equals(day.date()) && e.epochStartMillis() < sixteenHours) {
                partial.add(e);
                if (e.epochStartMillis() < sixteenHours - 3_600_000L) {
                    lessThanPartial.add(e);
                }
            }
        }
        assertTrue(CircadianAnalyzer.dayRelativeAmplitude(params, partial.days().get(0))
                .isPresent());
        assertFalse(CircadianAnalyzer.dayRelativeAmplitude(
                        params, lessThanPartial.days().get(0))
                .isPresent());
    }

    @Test
    void fewerValidDaysThanTheMinimumGiveNothingWhateverTheirOrder() {
        ScoringParams params = params(CircadianParams.DEFAULT);
        Map<LocalDate, CircadianDay> days = profilesOneDayAtATime(params, epochs(FIRST, 2, 7));
        List<CircadianDay> two = new ArrayList<>(days.values());
        two.add(CircadianDay.empty(FIRST.plusDays(5)));

        assertEquals(Optional.empty(), CircadianAnalyzer.combine(params, two));
        assertEquals(Optional.empty(), CircadianAnalyzer.combine(params, List.of()));
    }

    @Test
    void profilesAreValues() {
        CircadianDay a = CircadianDay.empty(FIRST);
        double[] sums = a.hourSums();
        sums[3] = 1;

        assertArrayEquals(new double[24], a.hourSums(), "a copy is handed out");
        assertEquals(a, new CircadianDay(FIRST, new double[24], new int[24], new double[144], new int[144]));
    }
}
