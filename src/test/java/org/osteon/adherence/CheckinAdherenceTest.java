package org.osteon.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.adherence.AdherenceCalculator.CheckinAnswer;
import org.osteon.adherence.AdherenceCalculator.Checkins;
import org.osteon.adherence.AdherenceResults.ComponentDay;
import org.osteon.adherence.AdherenceResults.ComponentWeek;
import org.osteon.program.Component;

/**
 * A check-in component judged day by day and week by week: met on the first day of a window with
 * an answer, missed on the last day of a window without one, nothing owed on the other days, and
 * wear plays no part.
 */
class CheckinAdherenceTest {
    static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);
    static final Component.Checkin WEEKLY_PHQ2 = new Component.Checkin("phq-2", null, 1);

    final AdherenceCalculator calculator = new AdherenceCalculator(10, 0.5, kind -> 1);

    /** The 7 days from {@code start}, judged against a version effective from {@code effectiveFrom}. */
    List<AdherenceCalculator.Day> week(
            Component.Checkin c,
            LocalDate start,
            LocalDate effectiveFrom,
            LocalDate today,
            List<CheckinAnswer> answers) {
        List<AdherenceCalculator.Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(calculator.day(
                    start.plusDays(i), 1, null, List.of(), List.of(c), new Checkins(effectiveFrom, answers, today)));
        }
        return days;
    }

    static List<AdherenceStatus> statuses(List<AdherenceCalculator.Day> days) {
        return days.stream().map(d -> d.result().components().get(0).status()).toList();
    }

    @Test
    void anAnswerInTheWindowIsMetOnItsDayAndCountsOnceHoweverManyThereAre() {
        // Windows of 7 days from Wednesday: this Monday..Sunday holds the end of one and the start of the next.
        LocalDate wednesdayBefore = MONDAY.minusDays(5);
        List<CheckinAnswer> answers = List.of(
                new CheckinAnswer("phq-2", MONDAY.plusDays(1)), // Tuesday: the last day of the first window
                new CheckinAnswer("phq-2", MONDAY.plusDays(1)),
                new CheckinAnswer("phq-2", MONDAY.plusDays(4)), // Friday: in the next window
                new CheckinAnswer("phq-2", MONDAY.plusDays(5)));
        List<AdherenceCalculator.Day> days = week(WEEKLY_PHQ2, MONDAY, wednesdayBefore, MONDAY.plusDays(30), answers);
        assertThat(statuses(days))
                .containsExactly(
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.met,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.met,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.not_scheduled);
        ComponentWeek w = calculator.week(days).components().get(0);
        assertThat(w.kind()).isEqualTo("checkin");
        assertThat(w.target()).isEqualTo(2.0);
        assertThat(w.achieved()).isEqualTo(2.0);
        assertThat(w.status()).isEqualTo(AdherenceStatus.met);
    }

    @Test
    void aWindowWithoutAnAnswerIsMissedOnItsLastDayOnceThatDayHasCome() {
        // Every 2 weeks from this Monday: the window's last day is the Sunday after next.
        Component.Checkin fortnightly = new Component.Checkin("phq-8", 14, null);
        List<AdherenceCalculator.Day> second =
                week(fortnightly, MONDAY.plusDays(7), MONDAY, MONDAY.plusDays(30), List.of());
        assertThat(statuses(second)).endsWith(AdherenceStatus.missed);
        assertThat(statuses(second).subList(0, 6)).containsOnly(AdherenceStatus.not_scheduled);
        ComponentDay missed = second.get(6).result().components().get(0);
        assertThat(missed.target()).isEqualTo(1.0);
        assertThat(missed.achieved()).isEqualTo(0.0);
        assertThat(missed.ratio()).isEqualTo(0.0);
        ComponentWeek w = calculator.week(second).components().get(0);
        assertThat(w.target()).isEqualTo(1.0);
        assertThat(w.achieved()).isEqualTo(0.0);
        assertThat(w.status()).isEqualTo(AdherenceStatus.missed);
        // The first of the two weeks owes nothing: the week is not scheduled, not missed.
        assertThat(calculator
                        .week(week(fortnightly, MONDAY, MONDAY, MONDAY.plusDays(30), List.of()))
                        .components()
                        .get(0)
                        .status())
                .isEqualTo(AdherenceStatus.not_scheduled);
        // Before the last day has come the window is still open: no verdict yet.
        assertThat(statuses(week(fortnightly, MONDAY.plusDays(7), MONDAY, MONDAY.plusDays(9), List.of())))
                .endsWith(AdherenceStatus.no_data);
    }

    @Test
    void onlyTheQuestionnaireOfTheCheckInCountsAndAPhq8StandsInForAPhq9() {
        LocalDate tuesday = MONDAY.plusDays(1);
        List<CheckinAnswer> phq9 = List.of(new CheckinAnswer("phq-9", tuesday));
        assertThat(statuses(week(WEEKLY_PHQ2, MONDAY, MONDAY, MONDAY.plusDays(30), phq9)))
                .containsExactly(
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.not_scheduled,
                        AdherenceStatus.missed);
        Component.Checkin weeklyPhq9 = new Component.Checkin("phq-9", 7, null);
        assertThat(statuses(week(
                        weeklyPhq9, MONDAY, MONDAY, MONDAY.plusDays(30), List.of(new CheckinAnswer("phq-8", tuesday)))))
                .contains(AdherenceStatus.met)
                .doesNotContain(AdherenceStatus.missed);
    }

    @Test
    void aCheckInIsJudgedWithoutWearAndWeighsInTheDaysOverall() {
        List<AdherenceCalculator.Day> days =
                week(WEEKLY_PHQ2, MONDAY, MONDAY, MONDAY.plusDays(30), List.of(new CheckinAnswer("phq-2", MONDAY)));
        // No scored day at all (no wear): the answer still counts.
        assertThat(days.get(0).result().wearHours()).isNull();
        assertThat(calculator.overall(days.get(0).result())).isEqualTo(AdherenceStatus.met);
        assertThat(calculator.overall(days.get(1).result())).isEqualTo(AdherenceStatus.not_scheduled);
    }
}
