package org.osteon.rtm;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Collectors;
import org.osteon.common.Csv;
import org.osteon.rtm.RtmDtos.EpisodeEvidence;
import org.osteon.rtm.RtmDtos.MonthEvidence;
import org.osteon.rtm.RtmDtos.PeriodEvidence;
import org.osteon.rtm.RtmDtos.RtmEvidence;
import org.osteon.rtm.RtmDtos.TimeEntryView;

/**
 * The evidence as one CSV table for a billing office's spreadsheet: a row per episode's set-up
 * (its first period's days), per period, per month and per time entry, told apart by the first column; columns that do not
 * apply to a row are empty. An entry's minutes are its own length, floored; a month's are its
 * entries' seconds added, then floored.
 */
final class RtmCsv {
    private RtmCsv() {}

    static final String HEADER = "row,episode_start,period,start,end,status,days_with_data,dates_with_data,minutes,"
            + "live_interaction,codes,entry_id,physiotherapist_id,activity";

    static Csv of(RtmEvidence evidence) {
        Csv csv = new Csv(HEADER.split(","));
        for (EpisodeEvidence e : evidence.episodes()) {
            LocalDate firstEnd = e.start().plusDays(RtmRules.PERIOD_DAYS - 1);
            if (e.end() != null && e.end().isBefore(firstEnd)) {
                firstEnd = e.end();
            }
            csv.add("set_up")
                    .add(e.start())
                    .add(null)
                    .add(e.start())
                    .add(firstEnd)
                    .add(null)
                    .add(e.setUp().firstPeriodDaysWithData())
                    .add(null)
                    .add(null)
                    .add(null)
                    .add(e.setUp().eligible() ? e.setUp().code() : null)
                    .add(null)
                    .add(null)
                    .add(null)
                    .end();
            for (PeriodEvidence p : e.periods()) {
                csv.add("period")
                        .add(e.start())
                        .add(p.number())
                        .add(p.start())
                        .add(p.end())
                        .add(p.status())
                        .add(p.daysWithData())
                        .add(p.datesWithData().stream().map(Object::toString).collect(Collectors.joining(" ")))
                        .add(null)
                        .add(null)
                        .add(p.code())
                        .add(null)
                        .add(null)
                        .add(null)
                        .end();
            }
        }
        for (MonthEvidence m : evidence.months()) {
            YearMonth month = YearMonth.parse(m.month());
            csv.add("month")
                    .add(null)
                    .add(null)
                    .add(month.atDay(1))
                    .add(month.atEndOfMonth())
                    .add(m.status())
                    .add(null)
                    .add(null)
                    .add(m.minutes())
                    .add(m.liveInteraction())
                    .add(m.codes().stream().map(u -> u.code() + "x" + u.units()).collect(Collectors.joining(" ")))
                    .add(null)
                    .add(null)
                    .add(null)
                    .end();
            for (TimeEntryView t : m.entries()) {
                csv.add("time_entry")
                        .add(null)
                        .add(null)
                        .add(t.start())
                        .add(t.end())
                        .add(null)
                        .add(null)
                        .add(null)
                        .add(t.seconds() / 60)
                        .add(t.interactive())
                        .add(null)
                        .add(t.id())
                        .add(t.physiotherapistId())
                        .add(t.activity())
                        .end();
            }
        }
        return csv;
    }
}
