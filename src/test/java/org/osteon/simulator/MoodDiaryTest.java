package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.simulator.DayPlanner.Habit;

/** The demo's questionnaire answers: totals that follow the habit, valid items, dates the service accepts. */
class MoodDiaryTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void eachHabitsAnswersHaveTheirTotalsValidItemsAndLieWithinTheFourteenDaysAnAnswerMayComeLate() {
        for (Habit habit : Habit.values()) {
            List<MoodDiary.Answer> answers = MoodDiary.answers("p", habit, TODAY.minusDays(16), TODAY);
            assertThat(answers)
                    .extracting(MoodDiary.Answer::questionnaire)
                    .containsExactly("phq-9", "phq-2", "phq-9", "phq-2");
            for (MoodDiary.Answer a : answers) {
                assertThat(a.answers())
                        .hasSize(a.questionnaire().equals("phq-9") ? 9 : 2)
                        .allSatisfy(item -> assertThat(item).isBetween(0, 3));
                // Answered at 19:00 UTC: at most 12 days and 19 hours before any instant of today.
                assertThat(Duration.between(
                                a.answeredAt(),
                                TODAY.atStartOfDay(ZoneOffset.UTC).toInstant()))
                        .isLessThan(Duration.ofDays(14).minusDays(1));
                assertThat(a.answeredAt())
                        .isBefore(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }
        List<MoodDiary.Answer> fading = MoodDiary.answers("p", Habit.FADING, TODAY.minusDays(16), TODAY);
        assertThat(fading).extracting(MoodDiary.Answer::total).containsExactly(8, 2, 14, 4);
        // The self-harm item: 0 in the first PHQ-9, 1 in the second.
        assertThat(fading.get(0).answers().get(8)).isZero();
        assertThat(fading.get(2).answers().get(8)).isEqualTo(1);
        assertThat(MoodDiary.answers("p", Habit.STEADY, TODAY.minusDays(16), TODAY))
                .extracting(MoodDiary.Answer::total)
                .containsExactly(11, 3, 7, 1);
    }

    @Test
    void onlyDaysOfTheHistoryAreAnsweredAndIdsAreStableSoARepeatIsOneResponse() {
        assertThat(MoodDiary.answers("p", Habit.STEADY, TODAY.minusDays(6), TODAY))
                .extracting(MoodDiary.Answer::total)
                .containsExactly(7, 1);
        assertThat(MoodDiary.answers("p", Habit.STEADY, TODAY, TODAY)).isEmpty();
        assertThat(MoodDiary.answers("p", Habit.STEADY, TODAY.minusDays(16), TODAY))
                .extracting(MoodDiary.Answer::id)
                .isEqualTo(MoodDiary.answers("p", Habit.STEADY, TODAY.minusDays(16), TODAY).stream()
                        .map(MoodDiary.Answer::id)
                        .toList())
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(MoodDiary.answers("q", Habit.STEADY, TODAY.minusDays(16), TODAY).stream()
                        .map(MoodDiary.Answer::id)
                        .toList());
    }

    @Test
    void itemsAddUpToTheTotalOrAreRefused() {
        assertThat(MoodDiary.items(9, 27, 3)).containsOnly(3);
        assertThat(MoodDiary.items(9, 0, 0)).containsOnly(0);
        assertThat(MoodDiary.items(2, 4, 0)).containsExactly(2, 2);
        assertThatThrownBy(() -> MoodDiary.items(9, 26, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MoodDiary.items(2, 7, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
