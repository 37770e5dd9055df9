package org.osteon.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletenessTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void aDayHasDataWhenItsWearReachesTheThreshold() {
        assertThat(Completeness.withData(10.0, 10)).isTrue();
        assertThat(Completeness.withData(9.99, 10)).isFalse();
        assertThat(Completeness.withData(null, 10)).isFalse();
    }

    @Test
    void onlyTheThirtyDaysBeforeTodayCount() {
        Map<LocalDate, Double> wear = new HashMap<>();
        for (int i = 0; i <= 40; i++) {
            wear.put(TODAY.minusDays(i), 14.0);
        }
        wear.put(TODAY.plusDays(1), 14.0);
        // Today (unfinished), tomorrow and the days before the window are left out.
        assertThat(Completeness.daysWithData(wear, TODAY, 10)).isEqualTo(30);
    }

    @Test
    void shortWearAndMissingDaysDoNotCount() {
        Map<LocalDate, Double> wear = new HashMap<>();
        wear.put(TODAY.minusDays(1), 14.0);
        wear.put(TODAY.minusDays(2), 9.5);
        wear.put(TODAY.minusDays(30), 10.0);
        wear.put(TODAY.minusDays(31), 14.0);
        assertThat(Completeness.daysWithData(wear, TODAY, 10)).isEqualTo(2);
        assertThat(Completeness.daysWithData(wear, TODAY, 9)).isEqualTo(3);
        assertThat(Completeness.daysWithData(Map.of(), TODAY, 10)).isZero();
    }

    @Test
    void dataIsSparseBelowHalfTheWindowOnlyWithAProgram() {
        assertThat(Completeness.sparse(14, true)).isTrue();
        assertThat(Completeness.sparse(15, true)).isFalse();
        assertThat(Completeness.sparse(0, false)).isFalse();
    }
}
