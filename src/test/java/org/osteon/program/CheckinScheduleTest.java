package org.osteon.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.common.ApiException;
import org.osteon.program.CheckinSchedule.Window;

/** When check-ins fall due, and which check-ins a program may hold. */
class CheckinScheduleTest {
    static final LocalDate EFFECTIVE = LocalDate.of(2027, 3, 24); // a Wednesday, days before a DST change

    @Test
    void windowsFollowEachOtherFromTheEffectiveDateWithoutGapOrOverlap() {
        Component.Checkin fortnightly = new Component.Checkin("phq-9", null, 2);
        assertThat(CheckinSchedule.window(fortnightly, EFFECTIVE, EFFECTIVE.minusDays(1)))
                .isNull();
        assertThat(CheckinSchedule.window(fortnightly, EFFECTIVE, EFFECTIVE))
                .isEqualTo(new Window(EFFECTIVE, EFFECTIVE.plusDays(13)));
        assertThat(CheckinSchedule.window(fortnightly, EFFECTIVE, EFFECTIVE.plusDays(13)))
                .isEqualTo(new Window(EFFECTIVE, EFFECTIVE.plusDays(13)));
        assertThat(CheckinSchedule.window(fortnightly, EFFECTIVE, EFFECTIVE.plusDays(14)))
                .isEqualTo(new Window(EFFECTIVE.plusDays(14), EFFECTIVE.plusDays(27)));
        Component.Checkin everyThreeDays = new Component.Checkin("phq-2", 3, null);
        LocalDate previousCloses = EFFECTIVE.minusDays(1);
        for (int i = 0; i < 400; i++) {
            Window w = CheckinSchedule.window(everyThreeDays, EFFECTIVE, EFFECTIVE.plusDays(i));
            assertThat(w.contains(EFFECTIVE.plusDays(i))).isTrue();
            assertThat(w.closes()).isEqualTo(w.opens().plusDays(2));
            if (!w.closes().equals(previousCloses)) {
                assertThat(w.opens()).isEqualTo(previousCloses.plusDays(1));
                previousCloses = w.closes();
            }
        }
    }

    @Test
    void aCheckInNeedsExactlyOneCadenceAndAnOfferedQuestionnaireNamedWithTheAllowedValues() {
        List<Component> neither =
                List.of(new Component.Steps(7000, 7, null), new Component.Checkin("phq-8", null, null));
        assertThatThrownBy(() -> ProgramRules.check(neither))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.getMessage())
                                .contains("components[1].everyDays")
                                .contains("give exactly one of everyDays (1 to 91) and everyWeeks (1 to 13)"));
        assertThatThrownBy(() -> ProgramRules.check(List.of(new Component.Checkin("phq-8", 7, 1))))
                .hasMessageContaining("components[0].everyDays");

        List<String> offered = List.of("phq-8", "phq-2"), defined = List.of("phq-9", "phq-8", "phq-2");
        assertThatThrownBy(() -> ProgramRules.checkQuestionnaires(
                        List.of(new Component.Checkin("phq-9", 14, null)), offered, defined))
                .hasMessageContaining("components[0].questionnaire")
                .hasMessageContaining("no clinician is on call")
                .hasMessageContaining("use one of phq-8, phq-2");
        assertThatThrownBy(() -> ProgramRules.checkQuestionnaires(
                        List.of(new Component.Checkin("gad-7", 14, null)), offered, defined))
                .hasMessageContaining("components[0].questionnaire")
                .hasMessageContaining("must be one of phq-8, phq-2, was 'gad-7'");
        ProgramRules.checkQuestionnaires(List.of(new Component.Checkin("phq-2", 14, null)), offered, defined);
    }
}
