package org.osteon.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osteon.adherence.AdherenceResults.ComponentDay;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.DaySummaryRepository.ResistanceSet;
import org.osteon.engine.ScoredDay;
import org.osteon.engine.ScoredDay.BoutedMvpa;
import org.osteon.engine.ScoredDay.Rolling7;
import org.osteon.program.Component;

class AdherenceCalculatorTest {
    static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);
    static final Component STEPS = new Component.Steps(7000, 7, null);
    static final Component SEDENTARY_HOURS = new Component.Sedentary(null, 8.0);

    final AdherenceCalculator standard = new AdherenceCalculator(10, 0.5, kind -> 1);

    static ScoredDay day(LocalDate date, double wearHours, int steps, double sedentaryMinutes) {
        return new ScoredDay(
                date,
                wearHours,
                wearHours * 60,
                30.0,
                40.0,
                null,
                new BoutedMvpa(30.0, 20.0, 10.0),
                steps,
                Map.of(),
                Map.of("4.2", 12),
                null,
                null,
                sedentaryMinutes,
                50.0,
                null,
                null,
                0,
                null,
                new Rolling7(null, null, null),
                Map.of(),
                null);
    }

    @Test
    void sedentaryTargetsCompareWakingTimeAndFallBackToTheDayWithoutIt() {
        // All day: a 412-min bout (the night) and 10 h; waking: a 48-min bout and 4 h.
        ScoredDay night = new ScoredDay(
                MONDAY,
                16,
                960,
                30.0,
                40.0,
                null,
                new BoutedMvpa(30.0, 20.0, 10.0),
                8000,
                Map.of(),
                Map.of(),
                null,
                null,
                600.0,
                412.0,
                240.0,
                48.0,
                0,
                null,
                new Rolling7(null, null, null),
                Map.of(),
                null);
        Component bout = new Component.Sedentary(60, null);
        ComponentDay waking = only(standard.day(MONDAY, 1, night, List.of(), List.of(bout)));
        assertThat(waking.status()).isEqualTo(AdherenceStatus.met);
        assertThat(waking.achieved()).isEqualTo(48.0);
        assertThat(only(standard.day(MONDAY, 1, night, List.of(), List.of(SEDENTARY_HOURS)))
                        .achieved())
                .isEqualTo(4.0);
        // A day scored before waking values existed is judged on the all-day value, as it was.
        ScoredDay old = day(MONDAY, 16, 8000, 600);
        assertThat(only(standard.day(MONDAY, 1, old, List.of(), List.of(SEDENTARY_HOURS)))
                        .achieved())
                .isEqualTo(10.0);
    }

    static ComponentDay only(AdherenceCalculator.Day d) {
        return d.result().components().get(0);
    }

    @Test
    void minimumWearIsASetting() {
        ScoredDay nineHours = day(MONDAY, 9, 5000, 300);
        assertThat(only(standard.day(MONDAY, 1, nineHours, List.of(), List.of(STEPS)))
                        .status())
                .isEqualTo(AdherenceStatus.no_data);
        AdherenceCalculator lenient = new AdherenceCalculator(8, 0.5, kind -> 1);
        assertThat(only(lenient.day(MONDAY, 1, nineHours, List.of(), List.of(STEPS)))
                        .status())
                .isEqualTo(AdherenceStatus.partial);
    }

    @Test
    void aTargetReachedInShortWearIsMetAsTheWatchSays() {
        // 35 impacts at 4.2 g of 20 due, in two worn hours: reached, whatever the wear.
        Component impacts = new Component.Impacts(4.2, 20, Component.Per.day, null, null, null, null);
        ScoredDay twoHours = new ScoredDay(
                MONDAY,
                2,
                120,
                30.0,
                40.0,
                null,
                new BoutedMvpa(30.0, 20.0, 10.0),
                8000,
                Map.of(),
                Map.of("4.2", 35),
                null,
                null,
                60.0,
                50.0,
                null,
                null,
                0,
                null,
                new Rolling7(null, null, null),
                Map.of(),
                null);
        assertThat(only(standard.day(MONDAY, 1, twoHours, List.of(), List.of(impacts)))
                        .status())
                .isEqualTo(AdherenceStatus.met);
        // A limit proves nothing in two hours: less sitting in fewer worn hours is no verdict.
        assertThat(only(standard.day(MONDAY, 1, twoHours, List.of(), List.of(SEDENTARY_HOURS)))
                        .status())
                .isEqualTo(AdherenceStatus.no_data);
    }

    @Test
    void aWeekInWhichNothingWasDueWithDataIsNotScheduledNotMet() {
        // Sessions on Mondays only; the week's Monday has no data, the other days have some.
        Component mondays = new Component.Impacts(
                4.2, 20, Component.Per.session, 1, java.util.Set.of(java.time.DayOfWeek.MONDAY), null, null);
        List<AdherenceCalculator.Day> week = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = MONDAY.plusDays(i);
            week.add(standard.day(d, 1, i == 0 ? null : day(d, 12, 8000, 300), List.of(), List.of(mondays)));
        }
        var w = standard.week(week);
        assertThat(w.components().get(0).status()).isEqualTo(AdherenceStatus.not_scheduled);
        assertThat(w.overall()).isNull();
    }

    @Test
    void ratioIsCappedAtOneAndAlsoGivenRaw() {
        ComponentDay c = only(standard.day(MONDAY, 1, day(MONDAY, 12, 10500, 300), List.of(), List.of(STEPS)));
        assertThat(c.ratio()).isEqualTo(1.0);
        assertThat(c.rawRatio()).isEqualTo(1.5);
    }

    @Test
    void partialAndMissedSplitAtTheConfiguredShare() {
        assertThat(only(standard.day(MONDAY, 1, day(MONDAY, 12, 3500, 0), List.of(), List.of(STEPS)))
                        .status())
                .isEqualTo(AdherenceStatus.partial);
        assertThat(only(standard.day(MONDAY, 1, day(MONDAY, 12, 3400, 0), List.of(), List.of(STEPS)))
                        .status())
                .isEqualTo(AdherenceStatus.missed);
    }

    @Test
    void anUpperLimitIsMetAtOrBelowIt() {
        assertThat(only(standard.day(MONDAY, 1, day(MONDAY, 12, 0, 480), List.of(), List.of(SEDENTARY_HOURS)))
                        .status())
                .isEqualTo(AdherenceStatus.met);
        ComponentDay over = only(standard.day(MONDAY, 1, day(MONDAY, 12, 0, 600), List.of(), List.of(SEDENTARY_HOURS)));
        assertThat(over.rawRatio()).isEqualTo(0.8);
        assertThat(over.status()).isEqualTo(AdherenceStatus.partial);
    }

    @Test
    void daysWithoutAProgramAreNotScheduledAndAWeekWithoutOneToo() {
        List<AdherenceCalculator.Day> week = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            week.add(standard.day(MONDAY.plusDays(i), null, day(MONDAY.plusDays(i), 12, 9000, 0), List.of(), null));
        }
        WeekAdherence w = standard.week(week);
        assertThat(w.components()).isEmpty();
        assertThat(w.overall()).isNull();
        assertThat(w.overallStatus()).isEqualTo(AdherenceStatus.not_scheduled);
    }

    @Test
    void weeklyOverallWeighsComponentsByConfiguration() {
        AdherenceCalculator stepsCountDouble = new AdherenceCalculator(10, 0.5, kind -> kind.equals("steps") ? 2 : 1);
        List<AdherenceCalculator.Day> week = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = MONDAY.plusDays(i);
            // Steps met every day; sedentary hours (10 h > 8 h) never.
            week.add(stepsCountDouble.day(d, 1, day(d, 12, 9000, 600), List.of(), List.of(STEPS, SEDENTARY_HOURS)));
        }
        WeekAdherence w = stepsCountDouble.week(week);
        assertThat(w.components()).extracting(c -> c.ratio()).containsExactly(1.0, 0.0);
        assertThat(w.overall()).isEqualTo(0.667);
    }

    @Test
    void resistanceSetsBelowTheIntensityOrWithoutAOneRepMaxDoNotCount() {
        Component squat = new Component.Resistance(
                1, List.of(new Component.Exercise("squat", 2, 5, 80.0)), Set.of(DayOfWeek.MONDAY), null);
        List<ResistanceSet> sets = List.of(
                new ResistanceSet(MONDAY, "squat", 1, 5, 79.0, 100.0),
                new ResistanceSet(MONDAY, "squat", 1, 5, 90.0, null),
                new ResistanceSet(MONDAY, "squat", 1, 4, 90.0, 100.0),
                new ResistanceSet(MONDAY, "Squat", 1, 5, 80.0, 100.0));
        ComponentDay c = only(standard.day(MONDAY, 1, day(MONDAY, 12, 0, 0), sets, List.of(squat)));
        assertThat(c.achieved()).isEqualTo(0.5);
        assertThat(c.status()).isEqualTo(AdherenceStatus.partial);
    }

    @Test
    void aSessionDoneWithTooLittleWearStillCounts() {
        Component any = new Component.Resistance(2, null, null, null);
        List<ResistanceSet> sets = List.of(new ResistanceSet(MONDAY, "row", 3, 10, 30.0, null));
        assertThat(only(standard.day(MONDAY, 1, null, sets, List.of(any))).status())
                .isEqualTo(AdherenceStatus.met);
        assertThat(only(standard.day(MONDAY, 1, null, List.of(), List.of(any))).status())
                .isEqualTo(AdherenceStatus.no_data);
    }

    @Test
    void aDaysOverallIsTheWeightedMeanOfTheComponentsDueWithData() {
        // Steps 3500 of 7000 (0.5) and sedentary 5 h of at most 8 (1.0): 0.75, partial.
        AdherenceCalculator.Day both =
                standard.day(MONDAY, 1, day(MONDAY, 12, 3500, 300), List.of(), List.of(STEPS, SEDENTARY_HOURS));
        assertThat(standard.overall(both.result())).isEqualTo(AdherenceStatus.partial);
        // Steps at 1000 (0.143) with sedentary met: 0.571 with equal weights, partial; 9:1 towards steps, 0.229,
        // missed.
        AdherenceCalculator stepsHeavy = new AdherenceCalculator(10, 0.5, kind -> kind.equals("steps") ? 9 : 1);
        AdherenceCalculator.Day few =
                stepsHeavy.day(MONDAY, 1, day(MONDAY, 12, 1000, 300), List.of(), List.of(STEPS, SEDENTARY_HOURS));
        assertThat(stepsHeavy.overall(few.result())).isEqualTo(AdherenceStatus.missed);
        assertThat(standard.overall(
                        standard.day(MONDAY, 1, day(MONDAY, 12, 1000, 300), List.of(), List.of(STEPS, SEDENTARY_HOURS))
                                .result()))
                .isEqualTo(AdherenceStatus.partial);
    }

    @Test
    void aDayWithNothingDueIsNotScheduledAndOneWithoutWearIsNoData() {
        assertThat(standard.overall(standard.day(MONDAY, null, day(MONDAY, 12, 8000, 300), List.of(), null)
                        .result()))
                .isEqualTo(AdherenceStatus.not_scheduled);
        assertThat(standard.overall(standard.day(MONDAY, 1, day(MONDAY, 6, 5000, 300), List.of(), List.of(STEPS))
                        .result()))
                .isEqualTo(AdherenceStatus.no_data);
        assertThat(standard.overall(
                        standard.day(MONDAY, 1, null, List.of(), List.of(STEPS)).result()))
                .isEqualTo(AdherenceStatus.no_data);
    }
}
