package org.osteon.rtm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The RTM evidence rules, plain Java (docs/rtm.md): which 30-day periods an episode has and which
 * device-supply code each one's days with data support, and which treatment-management codes a
 * calendar month's logged time supports. Thresholds as in the CMS CY2026 Physician Fee Schedule
 * final rule ({@link #SOURCE}); Osteon reports evidence, it does not bill.
 *
 * <p>Invariant: an episode's periods are consecutive and 30 days long from its first day (only the
 * period its last day cuts is shorter); every date with data up to today lies in exactly one of
 * them; a period's code depends only on how many such dates it has. A time entry belongs to the
 * calendar month (patient's zone) its start falls in, and a month's codes depend only on its whole
 * minutes and whether any of its entries was a live interaction.
 */
public final class RtmRules {
    private RtmRules() {}

    /** Cited wherever a code is shown. */
    public static final String SOURCE = "CMS CY2026 Physician Fee Schedule final rule (November 2025)";

    public static final int PERIOD_DAYS = 30;
    /** Fewest days with data in a period for a device-supply code (98985), and for set-up (98975). */
    public static final int MIN_DEVICE_DAYS = 2;
    /** Days with data from which a period supports 98977 rather than 98985. */
    public static final int FULL_DEVICE_DAYS = 16;
    /** Fewest minutes in a month for treatment management (98979). */
    public static final int MIN_MINUTES = 10;
    /** The unit of 98980 (first 20 minutes) and of each 98981 (each additional 20 minutes). */
    public static final int UNIT_MINUTES = 20;

    public static final String SETUP = "98975";
    public static final String DEVICE_16_TO_30_DAYS = "98977";
    public static final String DEVICE_2_TO_15_DAYS = "98985";
    public static final String MANAGEMENT_10_TO_19_MINUTES = "98979";
    public static final String MANAGEMENT_FIRST_20_MINUTES = "98980";
    public static final String MANAGEMENT_EACH_FURTHER_20_MINUTES = "98981";

    /** The thresholds above, as structured provenance for every answer. */
    public static Map<String, Object> parameters() {
        return Map.of(
                "source", SOURCE,
                "periodDays", PERIOD_DAYS,
                "minDeviceDays", MIN_DEVICE_DAYS,
                "fullDeviceDays", FULL_DEVICE_DAYS,
                "minMinutes", MIN_MINUTES,
                "unitMinutes", UNIT_MINUTES,
                "liveInteractionRequired", true);
    }

    /** What a period's days with data support. */
    public sealed interface DeviceVerdict {
        int days();

        /** The code, or empty below {@link #MIN_DEVICE_DAYS}. */
        Optional<String> code();

        /** The verdict's name in answers. */
        String name();
    }

    public record SixteenOrMore(int days) implements DeviceVerdict {
        public Optional<String> code() {
            return Optional.of(DEVICE_16_TO_30_DAYS);
        }

        public String name() {
            return "16_or_more_days";
        }
    }

    public record TwoToFifteen(int days) implements DeviceVerdict {
        public Optional<String> code() {
            return Optional.of(DEVICE_2_TO_15_DAYS);
        }

        public String name() {
            return "2_to_15_days";
        }
    }

    public record TooFew(int days) implements DeviceVerdict {
        public Optional<String> code() {
            return Optional.empty();
        }

        public String name() {
            return "too_few_days";
        }
    }

    public static DeviceVerdict device(int days) {
        if (days >= FULL_DEVICE_DAYS) {
            return new SixteenOrMore(days);
        }
        return days >= MIN_DEVICE_DAYS ? new TwoToFifteen(days) : new TooFew(days);
    }

    /** Where a period stands today. */
    public enum PeriodStatus {
        /** All 30 days are past. */
        complete,
        /** Today lies in it: its days and code are those so far. */
        running,
        /** The episode ended before its 30th day; its days and code are final. */
        cut_short
    }

    /** One period: its number (1 from the episode's start), days, status, dates with data and verdict. */
    public record Period(
            int number,
            LocalDate start,
            LocalDate end,
            PeriodStatus status,
            List<LocalDate> datesWithData,
            DeviceVerdict verdict) {}

    /**
     * The episode's periods that have begun by {@code today}: period n runs from {@code start + 30(n-1)}
     * for 30 days, or to {@code end} (inclusive) when the episode ends first. Dates with data outside
     * the episode or after today are not counted.
     */
    public static List<Period> periods(
            LocalDate start, LocalDate end, LocalDate today, Collection<LocalDate> datesWithData) {
        LocalDate last = end == null || today.isBefore(end) ? today : end;
        TreeSet<LocalDate> dates = new TreeSet<>(datesWithData);
        List<Period> periods = new ArrayList<>();
        for (int n = 1; ; n++) {
            LocalDate from = start.plusDays((long) PERIOD_DAYS * (n - 1));
            if (from.isAfter(last)) {
                return periods;
            }
            LocalDate full = from.plusDays(PERIOD_DAYS - 1);
            boolean cut = end != null && end.isBefore(full);
            LocalDate to = cut ? end : full;
            PeriodStatus status =
                    !today.isAfter(to) ? PeriodStatus.running : cut ? PeriodStatus.cut_short : PeriodStatus.complete;
            LocalDate counted = today.isBefore(to) ? today : to;
            List<LocalDate> in = List.copyOf(dates.subSet(from, true, counted, true));
            periods.add(new Period(n, from, to, status, in, device(in.size())));
        }
    }

    /** Set-up and patient education (98975): once per episode, when its first period has at least 2 days with data. */
    public static boolean setUp(List<Period> periods) {
        return !periods.isEmpty() && periods.get(0).datesWithData().size() >= MIN_DEVICE_DAYS;
    }

    /** A logged stretch of monitoring time. */
    public record TimeEntry(Instant start, Instant end, boolean interactive) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    /** A code and how many units of it. */
    public record Units(String code, int units) {}

    /** What a month's logged time supports. */
    public sealed interface ManagementVerdict {
        int minutes();

        /** The codes, with units; empty unless billable. */
        List<Units> codes();

        /** The verdict's name in answers. */
        String name();
    }

    /** At least 10 minutes with a live interaction. */
    public record Billable(int minutes, List<Units> codes) implements ManagementVerdict {
        public String name() {
            return "billable";
        }
    }

    /** Fewer than 10 minutes. */
    public record TooShort(int minutes) implements ManagementVerdict {
        public List<Units> codes() {
            return List.of();
        }

        public String name() {
            return "too_short";
        }
    }

    /** 10 minutes or more, but no live interaction was logged in the month. */
    public record NoLiveInteraction(int minutes) implements ManagementVerdict {
        public List<Units> codes() {
            return List.of();
        }

        public String name() {
            return "no_live_interaction";
        }
    }

    /**
     * A month's codes from its whole minutes (seconds summed over its entries, then floored):
     * 10–19 → 98979; 20 or more → 98980 once plus 98981 once per further full 20 minutes
     * (40 → one 98981, 59 → one, 60 → two). Every code needs a live interaction in the month.
     */
    public static ManagementVerdict management(int minutes, boolean liveInteraction) {
        if (minutes < MIN_MINUTES) {
            return new TooShort(minutes);
        }
        if (!liveInteraction) {
            return new NoLiveInteraction(minutes);
        }
        if (minutes < UNIT_MINUTES) {
            return new Billable(minutes, List.of(new Units(MANAGEMENT_10_TO_19_MINUTES, 1)));
        }
        int further = (minutes - UNIT_MINUTES) / UNIT_MINUTES;
        List<Units> units = new ArrayList<>();
        units.add(new Units(MANAGEMENT_FIRST_20_MINUTES, 1));
        if (further > 0) {
            units.add(new Units(MANAGEMENT_EACH_FURTHER_20_MINUTES, further));
        }
        return new Billable(minutes, List.copyOf(units));
    }

    /** One calendar month of logged time. */
    public record Month(YearMonth month, int minutes, boolean liveInteraction, ManagementVerdict verdict) {}

    /**
     * Each month of {@code first..last}, with the entries whose start falls in it on the local
     * calendar of {@code zone}; entries of other months are left out. Durations are between
     * instants, so an hour skipped or repeated by a clock change is neither counted nor lost.
     */
    public static List<Month> months(Collection<TimeEntry> entries, ZoneId zone, YearMonth first, YearMonth last) {
        Map<YearMonth, long[]> seconds = new TreeMap<>();
        Map<YearMonth, Boolean> live = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            seconds.put(m, new long[1]);
            live.put(m, false);
        }
        for (TimeEntry e : entries) {
            YearMonth m = YearMonth.from(e.start().atZone(zone));
            if (seconds.containsKey(m)) {
                seconds.get(m)[0] += e.duration().getSeconds();
                live.merge(m, e.interactive(), Boolean::logicalOr);
            }
        }
        List<Month> months = new ArrayList<>();
        seconds.forEach((m, s) -> {
            int minutes = Math.toIntExact(s[0] / 60);
            boolean l = live.get(m);
            months.add(new Month(m, minutes, l, management(minutes, l)));
        });
        return months;
    }
}
