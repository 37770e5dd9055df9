package org.osteon.rtm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osteon.rtm.RtmRules.Period;
import org.osteon.rtm.RtmRules.PeriodStatus;
import org.osteon.rtm.RtmRules.TimeEntry;
import org.osteon.rtm.RtmRules.Units;

/** The RTM rules on dates and minutes at every threshold and boundary they have. */
class RtmRulesTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** {@code n} consecutive dates from {@code first}. */
    static List<LocalDate> run(String first, int n) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dates.add(d(first).plusDays(i));
        }
        return dates;
    }

    @Test
    void deviceCodesChangeExactlyAt2And16Days() {
        assertThat(RtmRules.device(0).code()).isEmpty();
        assertThat(RtmRules.device(1).code()).isEmpty();
        assertThat(RtmRules.device(2).code()).contains("98985");
        assertThat(RtmRules.device(15).code()).contains("98985");
        assertThat(RtmRules.device(16).code()).contains("98977");
        assertThat(RtmRules.device(30).code()).contains("98977");
        assertThat(RtmRules.device(1).name()).isEqualTo("too_few_days");
        assertThat(RtmRules.device(15).name()).isEqualTo("2_to_15_days");
        assertThat(RtmRules.device(16).name()).isEqualTo("16_or_more_days");
    }

    @Test
    void periodsAreThirtyDaysFromTheStartAcrossMonthEndsAndDayThirtyAndThirtyOneFallApart() {
        // Day 30 (2027-01-30) closes period 1; day 31 (2027-01-31) opens period 2; February is crossed.
        List<LocalDate> data = new ArrayList<>(run("2027-01-01", 15));
        data.add(d("2027-01-30"));
        data.add(d("2027-01-31"));
        data.add(d("2027-02-01"));
        List<Period> periods = RtmRules.periods(d("2027-01-01"), null, d("2027-03-15"), data);

        assertThat(periods)
                .extracting(Period::start)
                .containsExactly(d("2027-01-01"), d("2027-01-31"), d("2027-03-02"));
        assertThat(periods).extracting(Period::end).containsExactly(d("2027-01-30"), d("2027-03-01"), d("2027-03-31"));
        assertThat(periods.get(0).datesWithData()).hasSize(16).endsWith(d("2027-01-30"));
        assertThat(periods.get(0).verdict().code()).contains("98977");
        assertThat(periods.get(1).datesWithData()).containsExactly(d("2027-01-31"), d("2027-02-01"));
        assertThat(periods.get(1).verdict().code()).contains("98985");
        assertThat(periods.get(2).status()).isEqualTo(PeriodStatus.running);
        assertThat(periods.get(2).verdict().code()).isEmpty();
        assertThat(periods)
                .extracting(Period::status)
                .containsExactly(PeriodStatus.complete, PeriodStatus.complete, PeriodStatus.running);
    }

    @Test
    void exactlyFifteenDaysIsThePartialCodeAndSixteenTheFullOne() {
        List<Period> fifteen = RtmRules.periods(d("2027-05-01"), null, d("2027-06-30"), run("2027-05-01", 15));
        List<Period> sixteen = RtmRules.periods(d("2027-05-01"), null, d("2027-06-30"), run("2027-05-01", 16));
        List<Period> one = RtmRules.periods(d("2027-05-01"), null, d("2027-06-29"), run("2027-05-30", 2));

        assertThat(fifteen.get(0).verdict().code()).contains("98985");
        assertThat(sixteen.get(0).verdict().code()).contains("98977");
        // 2027-05-30 is day 30 and 2027-05-31 day 31: one date each, neither period reaches 2.
        assertThat(one).extracting(p -> p.datesWithData().size()).containsExactly(1, 1);
        assertThat(one).extracting(p -> p.verdict().code()).containsOnly(Optional.empty());
        assertThat(RtmRules.setUp(one)).isFalse();
        assertThat(RtmRules.setUp(fifteen)).isTrue();
    }

    @Test
    void aLeapDayIsOneOfThePeriodsThirtyDays() {
        List<Period> periods = RtmRules.periods(d("2028-02-01"), null, d("2028-04-01"), List.of(d("2028-02-29")));
        assertThat(periods.get(0).start()).isEqualTo(d("2028-02-01"));
        assertThat(periods.get(0).end()).isEqualTo(d("2028-03-01"));
        assertThat(periods.get(0).datesWithData()).containsExactly(d("2028-02-29"));
        assertThat(periods.get(1).start()).isEqualTo(d("2028-03-02"));
    }

    @Test
    void aPeriodOverTheSpringClockChangeStillHasThirtyDates() {
        // Vienna's 23-hour day 2027-03-28 is one date like any other.
        List<Period> periods = RtmRules.periods(d("2027-03-10"), null, d("2027-04-20"), run("2027-03-10", 30));
        assertThat(periods.get(0).end()).isEqualTo(d("2027-04-08"));
        assertThat(periods.get(0).datesWithData()).hasSize(30).contains(d("2027-03-28"));
    }

    @Test
    void aRunningPeriodCountsUpToTodayAndAnEndedEpisodeCutsItsLastPeriod() {
        List<Period> running = RtmRules.periods(d("2027-01-01"), null, d("2027-01-05"), run("2027-01-01", 20));
        assertThat(running).hasSize(1);
        assertThat(running.get(0).status()).isEqualTo(PeriodStatus.running);
        assertThat(running.get(0).datesWithData()).hasSize(5);
        assertThat(RtmRules.setUp(running)).isTrue();

        List<Period> cut = RtmRules.periods(d("2027-01-01"), d("2027-02-10"), d("2027-06-01"), run("2027-01-01", 60));
        assertThat(cut).hasSize(2);
        assertThat(cut.get(1).end()).isEqualTo(d("2027-02-10"));
        assertThat(cut.get(1).status()).isEqualTo(PeriodStatus.cut_short);
        assertThat(cut.get(1).datesWithData()).hasSize(11).allMatch(x -> !x.isAfter(d("2027-02-10")));
        assertThat(cut.get(1).verdict().code()).contains("98985");

        assertThat(RtmRules.periods(d("2027-01-10"), null, d("2027-01-09"), List.of()))
                .isEmpty();
        // Dates before the episode are not counted.
        assertThat(RtmRules.periods(d("2027-01-10"), null, d("2027-01-20"), run("2027-01-01", 9))
                        .get(0)
                        .datesWithData())
                .isEmpty();
    }

    @Test
    void managementCodesAtEveryMinuteThreshold() {
        assertThat(RtmRules.management(9, true).codes()).isEmpty();
        assertThat(RtmRules.management(9, true).name()).isEqualTo("too_short");
        assertThat(RtmRules.management(10, true).codes()).containsExactly(new Units("98979", 1));
        assertThat(RtmRules.management(19, true).codes()).containsExactly(new Units("98979", 1));
        assertThat(RtmRules.management(20, true).codes()).containsExactly(new Units("98980", 1));
        assertThat(RtmRules.management(39, true).codes()).containsExactly(new Units("98980", 1));
        assertThat(RtmRules.management(40, true).codes()).containsExactly(new Units("98980", 1), new Units("98981", 1));
        assertThat(RtmRules.management(59, true).codes()).containsExactly(new Units("98980", 1), new Units("98981", 1));
        assertThat(RtmRules.management(60, true).codes()).containsExactly(new Units("98980", 1), new Units("98981", 2));
    }

    @Test
    void withoutALiveInteractionNoManagementCodeIsSupported() {
        assertThat(RtmRules.management(45, false).codes()).isEmpty();
        assertThat(RtmRules.management(45, false).name()).isEqualTo("no_live_interaction");
        assertThat(RtmRules.management(5, false).name()).isEqualTo("too_short");
    }

    static TimeEntry entry(String start, String end, boolean live) {
        return new TimeEntry(Instant.parse(start), Instant.parse(end), live);
    }

    @Test
    void anEntryBelongsToTheViennaMonthItsStartFallsInAndSecondsAreAddedBeforeFlooring() {
        List<TimeEntry> entries = List.of(
                // 23:30 on 31 January in Vienna: January. The next starts at 00:30 on 1 February in Vienna,
                // still 31 January in UTC: February.
                entry("2027-01-31T22:30:00Z", "2027-01-31T22:39:30Z", false),
                entry("2027-01-31T23:30:00Z", "2027-01-31T23:49:30Z", true),
                entry("2027-02-10T10:00:00Z", "2027-02-10T10:00:30Z", false));
        List<RtmRules.Month> months = RtmRules.months(entries, VIENNA, YearMonth.of(2027, 1), YearMonth.of(2027, 3));

        assertThat(months)
                .extracting(RtmRules.Month::month)
                .containsExactly(YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3));
        assertThat(months.get(0).minutes()).isEqualTo(9);
        assertThat(months.get(0).liveInteraction()).isFalse();
        // 19.5 min + 0.5 min = 20 whole minutes: 98980, though neither entry alone reaches 20.
        assertThat(months.get(1).minutes()).isEqualTo(20);
        assertThat(months.get(1).liveInteraction()).isTrue();
        assertThat(months.get(1).verdict().codes()).containsExactly(new Units("98980", 1));
        assertThat(months.get(2).minutes()).isZero();
        assertThat(months.get(2).verdict().name()).isEqualTo("too_short");
    }

    @Test
    void anEntryOverTheSpringClockChangeCountsTheTimeThatPassed() {
        // 01:30 CET to 03:30 CEST on 2027-03-28: two hours on the wall clock, one hour passed.
        List<RtmRules.Month> months = RtmRules.months(
                List.of(entry("2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z", true)),
                VIENNA,
                YearMonth.of(2027, 3),
                YearMonth.of(2027, 3));
        assertThat(months.get(0).minutes()).isEqualTo(60);
        assertThat(months.get(0).verdict().codes()).containsExactly(new Units("98980", 1), new Units("98981", 2));
    }
}
