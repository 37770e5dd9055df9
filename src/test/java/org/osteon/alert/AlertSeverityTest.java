package org.osteon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertSeverityTest {
    @Test
    void safetyComesBeforeBlindnessBeforeShortfallBeforeMood() {
        assertThat(AlertSeverity.rank("phq9_item9")).isZero();
        assertThat(AlertSeverity.rank("safety_cap")).isLessThan(AlertSeverity.rank("phq_worsening"));
        assertThat(AlertSeverity.rank("phq_worsening")).isLessThan(AlertSeverity.rank("no_sync"));
        assertThat(AlertSeverity.rank("safety_cap")).isLessThan(AlertSeverity.rank("no_sync"));
        assertThat(AlertSeverity.rank("no_sync")).isLessThan(AlertSeverity.rank("non_adherence"));
        assertThat(AlertSeverity.rank("non_adherence")).isLessThan(AlertSeverity.rank("mood_decline"));
    }

    @Test
    void theWorstOfASetIsItsMostSevereKind() {
        assertThat(AlertSeverity.worst(List.of("mood_decline", "non_adherence")))
                .contains("non_adherence");
        assertThat(AlertSeverity.worst(Set.of("no_sync", "safety_cap", "mood_decline")))
                .contains("safety_cap");
        assertThat(AlertSeverity.worst(List.of("mood_decline"))).contains("mood_decline");
        assertThat(AlertSeverity.worst(List.of())).isEmpty();
    }

    @Test
    void anUnplacedKindRanksAfterEveryPlacedOne() {
        assertThat(AlertSeverity.rank("something_new")).isEqualTo(AlertSeverity.ORDER.size());
        assertThat(AlertSeverity.worst(List.of("something_new", "mood_decline")))
                .contains("mood_decline");
    }

    @Test
    void everyKindTheAlertTableAllowsIsPlaced() {
        // The check constraint of V62__questionnaire_responses_and_their_alerts.sql.
        assertThat(AlertSeverity.ORDER)
                .containsExactlyInAnyOrder(
                        "non_adherence", "safety_cap", "no_sync", "mood_decline", "phq9_item9", "phq_worsening");
    }
}
