package org.osteon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.adherence.AdherenceStatus.met;
import static org.osteon.adherence.AdherenceStatus.missed;
import static org.osteon.adherence.AdherenceStatus.no_data;
import static org.osteon.adherence.AdherenceStatus.not_scheduled;
import static org.osteon.adherence.AdherenceStatus.partial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osteon.adherence.AdherenceResults.CapExceeded;
import org.osteon.adherence.AdherenceStatus;
import org.osteon.alert.AlertRules.Clear;
import org.osteon.alert.AlertRules.Finding;
import org.osteon.alert.AlertRules.Holds;
import org.osteon.alert.AlertRules.JudgedDay;
import org.osteon.alert.AlertRules.Metric;
import org.osteon.alert.AlertRules.MetricDay;
import org.osteon.alert.AlertRules.Unknown;
import org.osteon.alert.AlertRules.Verdict;

class AlertRulesTest {
    static final LocalDate D1 = LocalDate.parse("2030-03-01");

    static AlertRules rules(boolean noDataCountsAsMissed) {
        return new AlertRules(new AlertRules.Params(3, noDataCountsAsMissed, 0.5, 2, 0.30, 7, 14, 4, 7, 10));
    }

    static final AlertRules RULES = rules(true);

    /** Days from D1 on, one status each. */
    static List<JudgedDay> days(AdherenceStatus... statuses) {
        List<JudgedDay> days = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            days.add(new JudgedDay(D1.plusDays(i), statuses[i], null));
        }
        return days;
    }

    static LocalDate day(int i) {
        return D1.plusDays(i);
    }

    static Finding finding(Verdict v) {
        assertThat(v).isInstanceOf(Holds.class);
        return ((Holds) v).finding();
    }

    @Nested
    class NonAdherence {
        @Test
        void exactlyNMissedScheduledDaysInARowHold() {
            Finding f = finding(RULES.nonAdherence(days(met, missed, missed, missed), day(3)));
            assertThat(f.rule()).isEqualTo("non_adherence");
            assertThat(f.episode()).isEqualTo("2030-03-02");
            assertThat(f.details())
                    .containsEntry("missedDays", List.of("2030-03-02", "2030-03-03", "2030-03-04"))
                    .containsEntry("count", 3)
                    .containsEntry("firstMissed", "2030-03-02")
                    .containsEntry("lastMissed", "2030-03-04")
                    .containsEntry("streakMayStartEarlier", false);
            assertThat(f.message())
                    .isEqualTo("3 scheduled days in a row missed, 2030-03-02 to 2030-03-04; alert at 3.");
            assertThat(f.continuing()).isFalse();
        }

        @Test
        void nMinusOneMissedDaysAreClear() {
            assertThat(RULES.nonAdherence(days(met, met, missed, missed), day(3)))
                    .isInstanceOf(Clear.class);
        }

        @Test
        void aPartialDayEndsTheStreak() {
            assertThat(RULES.nonAdherence(days(missed, missed, partial, missed, missed), day(4)))
                    .isInstanceOf(Clear.class);
        }

        @Test
        void theStreakIsTheMostRecentOneOnly() {
            assertThat(RULES.nonAdherence(days(missed, missed, missed, met), day(3)))
                    .isInstanceOf(Clear.class);
        }

        @Test
        void daysWithNothingDueNeitherBreakNorCountInTheStreak() {
            Finding f = finding(RULES.nonAdherence(
                    days(met, missed, not_scheduled, not_scheduled, missed, not_scheduled, missed), day(6)));
            assertThat(f.episode()).isEqualTo("2030-03-02");
            assertThat(f.details())
                    .containsEntry("count", 3)
                    .containsEntry("missedDays", List.of("2030-03-02", "2030-03-05", "2030-03-07"));
        }

        @Test
        void noDataCountsAsMissedByDefaultAndIsNamed() {
            Finding f = finding(RULES.nonAdherence(days(met, missed, no_data, missed), day(3)));
            assertThat(f.details()).containsEntry("noDataDays", List.of("2030-03-03"));
            assertThat(f.message()).contains("(1 of them without enough wear)");
        }

        @Test
        void noDataBreaksTheStreakWhenConfiguredNotToCount() {
            assertThat(rules(false).nonAdherence(days(missed, missed, no_data, missed), day(3)))
                    .isInstanceOf(Clear.class);
            assertThat(rules(false).nonAdherence(days(no_data, missed, missed, missed), day(3)))
                    .isInstanceOf(Holds.class);
        }

        @Test
        void daysNoSyncHasCoveredYetAreNotJudged() {
            // The last two days are no_data because their data has not arrived: the streak ends before them.
            assertThat(RULES.nonAdherence(days(met, missed, no_data, no_data), day(1)))
                    .isInstanceOf(Clear.class);
            assertThat(RULES.nonAdherence(days(met, missed, no_data, no_data), null))
                    .isInstanceOf(Unknown.class);
        }

        @Test
        void withNothingScheduledNothingIsKnown() {
            assertThat(RULES.nonAdherence(days(not_scheduled, not_scheduled), day(1)))
                    .isInstanceOf(Unknown.class);
        }

        @Test
        void aStreakReachingTheFirstDayReadMayStartEarlier() {
            Finding f = finding(RULES.nonAdherence(days(missed, missed, missed), day(2)));
            assertThat(f.continuing()).isTrue();
            assertThat(f.details()).containsEntry("streakMayStartEarlier", true);
        }
    }

    @Nested
    class SafetyCap {
        @Test
        void everyDayOverTheCapIsAFindingWithItsNumbers() {
            List<JudgedDay> days = List.of(
                    new JudgedDay(day(0), met, null),
                    new JudgedDay(day(1), met, new CapExceeded(6.0, 60, 70)),
                    new JudgedDay(day(2), partial, new CapExceeded(6.0, 60, 61)));
            List<Finding> found = RULES.safetyCap(days);
            assertThat(found).extracting(Finding::episode).containsExactly("2030-03-02", "2030-03-03");
            assertThat(found.get(0).message())
                    .isEqualTo("Safety cap exceeded on 2030-03-02: 70 impact peaks at or above 6.0 g, cap 60 a day.");
            assertThat(found.get(0).details())
                    .containsEntry("peaks", 70)
                    .containsEntry("aboveG", 6.0)
                    .containsEntry("maxPerDay", 60);
        }
    }

    @Nested
    class NoSync {
        final Instant last = Instant.parse("2030-03-10T08:00:00Z");
        final Instant registered = Instant.parse("2030-03-01T08:00:00Z");

        @Test
        void silenceOfExactlyNDaysHolds() {
            Finding f = finding(RULES.noSync(last.plusSeconds(2 * 86400), last, registered, true));
            assertThat(f.episode()).isEqualTo("last-sync:2030-03-10T08:00:00Z");
            assertThat(f.details())
                    .containsEntry("daysSilent", 2.0)
                    .containsEntry("lastSyncAt", "2030-03-10T08:00:00Z");
            assertThat(f.message())
                    .isEqualTo(
                            "No data synced for 2.0 days: last accepted batch at 2030-03-10T08:00:00Z; alert after 2 days.");
        }

        @Test
        void aMinuteLessIsClear() {
            assertThat(RULES.noSync(last.plusSeconds(2 * 86400 - 60), last, registered, true))
                    .isInstanceOf(Clear.class);
        }

        @Test
        void aDeviceThatNeverSyncedCountsFromItsRegistration() {
            Finding f = finding(RULES.noSync(registered.plusSeconds(3 * 86400 + 3600), null, registered, true));
            assertThat(f.episode()).isEqualTo("registered:2030-03-01T08:00:00Z");
            assertThat(f.details()).containsEntry("daysSilent", 3.0);
        }

        @Test
        void withoutAProgramInForceOrADeviceSilenceIsExpected() {
            Instant now = last.plusSeconds(10 * 86400);
            assertThat(RULES.noSync(now, last, registered, false)).isInstanceOf(Clear.class);
            assertThat(RULES.noSync(now, last, null, true)).isInstanceOf(Clear.class);
        }
    }

    @Nested
    class MoodDecline {
        /** The recent window ends on the 21st day; baseline days 1–14, recent 15–21. */
        final LocalDate end = day(20);

        List<MetricDay> series(double baseline, double recent, int invalidRecent, int invalidBaseline) {
            List<MetricDay> days = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                boolean recentDay = i >= 14;
                int indexInWindow = recentDay ? i - 14 : i;
                boolean valid = indexInWindow >= (recentDay ? invalidRecent : invalidBaseline);
                days.add(new MetricDay(day(i), recentDay ? recent : baseline, valid));
            }
            return days;
        }

        @Test
        void aFallJustBeyondTheFractionHoldsWithItsNumbers() {
            Finding f = finding(RULES.moodDecline(Metric.MVPA_BOUTED_10, series(32.0, 22.3, 0, 0), end));
            assertThat(f.rule()).isEqualTo("mood_decline");
            assertThat(f.metric()).isEqualTo("mvpa_bouted_10");
            assertThat(f.episode()).isEqualTo("mvpa_bouted_10:2030-03-21");
            assertThat(f.continuing()).isTrue();
            assertThat(f.details())
                    .containsEntry("baselineMean", 32.0)
                    .containsEntry("recentMean", 22.3)
                    .containsEntry("change", -0.3031)
                    .containsEntry("recentWindow", Map.of("from", "2030-03-15", "to", "2030-03-21", "validDays", 7))
                    .containsEntry("baselineWindow", Map.of("from", "2030-03-01", "to", "2030-03-14", "validDays", 14));
            assertThat((String) f.details().get("definition")).startsWith("docs/metrics-implementation.md");
            assertThat(f.message())
                    .isEqualTo("Bouted MVPA (bouts of 10 min or more) fell from a mean of 32.0 to 22.3 "
                            + "min/day (−30 %): 2030-03-15 to 2030-03-21 (7 valid days) against 2030-03-01 to 2030-03-14 "
                            + "(14 valid days); alert below −30 %.");
        }

        @Test
        void aFallOfExactlyTheFractionOrLessIsClear() {
            assertThat(RULES.moodDecline(Metric.MVPA_BOUTED_10, series(32.0, 22.4, 0, 0), end))
                    .isInstanceOf(Clear.class);
            assertThat(RULES.moodDecline(Metric.MVPA_BOUTED_10, series(32.0, 22.5, 0, 0), end))
                    .isInstanceOf(Clear.class);
        }

        @Test
        void onlyValidDaysCountAndTooFewAreUnknown() {
            // 3 of 7 recent days valid: under the minimum of 4.
            assertThat(RULES.moodDecline(Metric.RA, series(0.9, 0.4, 4, 0), end))
                    .isInstanceOf(Unknown.class);
            // 6 of 14 baseline days valid: under the minimum of 7.
            assertThat(RULES.moodDecline(Metric.RA, series(0.9, 0.4, 0, 8), end))
                    .isInstanceOf(Unknown.class);
            Finding f = finding(RULES.moodDecline(Metric.RA, series(0.9, 0.4, 3, 7), end));
            assertThat(f.details())
                    .containsEntry("recentWindow", Map.of("from", "2030-03-15", "to", "2030-03-21", "validDays", 4))
                    .containsEntry("baselineWindow", Map.of("from", "2030-03-01", "to", "2030-03-14", "validDays", 7));
        }

        @Test
        void invalidDaysDoNotMoveTheMeans() {
            List<MetricDay> days = new ArrayList<>(series(0.8, 0.5, 0, 0));
            // A day of little wear with an extreme value would drag the recent mean down if it counted.
            days.set(20, new MetricDay(day(20), 0.0, false));
            days.set(0, new MetricDay(day(0), 5.0, false));
            Finding f = finding(RULES.moodDecline(Metric.RA, days, end));
            assertThat(f.details())
                    .containsEntry("baselineMean", 0.8)
                    .containsEntry("recentMean", 0.5)
                    .containsEntry("change", -0.375);
            assertThat(f.message())
                    .startsWith("Relative amplitude (RA, each day's own 24-h profile) fell from a mean of "
                            + "0.80 to 0.50 (−38 %)");
        }

        @Test
        void daysOutsideBothWindowsAreIgnored() {
            List<MetricDay> days = new ArrayList<>(series(30, 30, 0, 0));
            days.add(new MetricDay(day(-1), 1000.0, true));
            days.add(new MetricDay(day(21), 0.0, true));
            assertThat(RULES.moodDecline(Metric.MVPA_BOUTED_10, days, end)).isInstanceOf(Clear.class);
        }

        @Test
        void aBaselineOfZeroCannotFall() {
            assertThat(RULES.moodDecline(Metric.MVPA_BOUTED_10, series(0, 0, 0, 0), end))
                    .isInstanceOf(Unknown.class);
        }
    }
}
