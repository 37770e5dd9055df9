package org.osteon.adherence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osteon.adherence.AdherenceCalculator.CheckinAnswer;
import org.osteon.adherence.AdherenceCalculator.Checkins;
import org.osteon.adherence.AdherenceResults.ComponentDay;
import org.osteon.adherence.AdherenceResults.ComponentWeek;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.DaySummaryRepository.ResistanceSet;
import org.osteon.common.ApiException;
import org.osteon.common.Jdbc;
import org.osteon.engine.ScoredDay;
import org.osteon.engine.SleepNight;
import org.osteon.mood.MoodService;
import org.osteon.patient.Patient;
import org.osteon.program.Component;
import org.osteon.program.DayTargets;
import org.osteon.program.ProgramDtos.ProgramVersionView;
import org.osteon.program.ProgramService;
import org.osteon.scoring.sleep.MidpointVariability;
import org.osteon.scoring.sleep.SleepParams;
import org.osteon.scoring.sleep.SleepRegularity;
import org.osteon.scoring.sleep.SleepWindow;

/** Adherence of a patient's days and weeks to the program versions in force on them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdherenceService {
    private final DaySummaryRepository days;
    private final Jdbc jdbc;
    private final ProgramService programs;
    private final AdherenceConfig config;
    private final AdherenceCalculator calculator;

    private final Clock clock;

    private final MoodService mood;

    public AdherenceService(
            DaySummaryRepository days,
            Jdbc jdbc,
            ProgramService programs,
            AdherenceConfig config,
            Clock clock,
            MoodService mood) {
        this.jdbc = jdbc;
        this.mood = mood;
        this.clock = clock;
        this.days = days;
        this.programs = programs;
        this.config = config;
        this.calculator = new AdherenceCalculator(config.minWearHours(), config.partialFrom(), config.weights()::of);
    }

    /** Refuses a missing, reversed or too long range, naming the parameter. */
    public void checkRange(LocalDate from, LocalDate to) {
        if (from == null) {
            throw ApiException.badField("from", "is required (a date such as 2026-03-02)");
        }
        if (to == null) {
            throw ApiException.badField("to", "is required (a date such as 2026-03-08)");
        }
        if (to.isBefore(from)) {
            throw ApiException.badField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > config.maxRangeDays()) {
            throw ApiException.badField("to", "the range may span at most " + config.maxRangeDays() + " days");
        }
    }

    public List<ScoredDay> summaries(Patient patient, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return days.between(patient.id, from, to);
    }

    /** The days as the API shows them, rounded to their stated precision ({@link ScoredDay#shown()}). */
    public List<ScoredDay> shown(Patient patient, LocalDate from, LocalDate to) {
        return summaries(patient, from, to).stream().map(ScoredDay::shown).toList();
    }

    /**
     * The nights from..to (by the date of the noon each starts at) and the midpoint's day-to-day
     * variability over the 7 nights ending with {@code to}'s (SleepRegularity; none below its
     * fewest nights).
     */
    public Sleep sleep(Patient patient, LocalDate from, LocalDate to) {
        checkRange(from, to);
        LocalDate weekFrom = to.minusDays(Sleep.WINDOW_NIGHTS - 1);
        List<SleepNight> read = days.nights(patient.id, from.isBefore(weekFrom) ? from : weekFrom, to);
        List<SleepWindow> week = read.stream()
                .filter(n -> !n.night().isBefore(weekFrom))
                .map(SleepNight::window)
                .toList();
        return new Sleep(
                read.stream().filter(n -> !n.night().isBefore(from)).toList(),
                SleepRegularity.of(SleepParams.DEFAULT, week, ZoneId.of(patient.timeZone))
                        .orElse(null));
    }

    /**
     * A patient's nights and the midpoint's variability.
     *
     * @param nights the nights of the range that have a window
     * @param midpointVariability7 over the 7 nights ending with the range's last (null below
     *     {@link SleepParams#minRegularityNights()} nights with a window)
     */
    public record Sleep(List<SleepNight> nights, MidpointVariability midpointVariability7) {
        static final int WINDOW_NIGHTS = 7;
    }

    /** Each day of {@code from..to}; today (in the patient's zone) is {@code in_progress} until its target is reached. */
    public List<DayAdherence> byDay(Patient patient, LocalDate from, LocalDate to) {
        return dayPeriods(patient, from, to).periods();
    }

    /**
     * Days or weeks, and whether a mood check-in's answers went into them: a change of those is
     * not announced (no notification), so an answer that read them may not be kept ({@link
     * AdherenceAnswers}).
     */
    public record Periods<T>(List<T> periods, boolean readCheckins) {}

    /** As {@link #byDay}, saying whether check-in answers were read. */
    public Periods<DayAdherence> dayPeriods(Patient patient, LocalDate from, LocalDate to) {
        checkRange(from, to);
        LocalDate today = ProgramService.today(patient, clock);
        Periods<AdherenceCalculator.Day> j = judge(patient, from, to);
        return new Periods<>(
                j.periods().stream()
                        .map(AdherenceCalculator.Day::result)
                        .map(d -> present(d, today))
                        .toList(),
                j.readCheckins());
    }

    /** A day as the present sees it: only today is open, every other day keeps its verdict. */
    static DayAdherence present(DayAdherence d, LocalDate today) {
        if (!d.date().equals(today)) {
            return d;
        }
        AdherenceStatus open = AdherenceStatus.in_progress;
        return new DayAdherence(
                d.date(),
                d.programVersion(),
                d.wearHours(),
                d.components().stream()
                        .map(c -> unfinished(c.status())
                                ? new ComponentDay(
                                        c.kind(), c.unit(), c.target(), c.achieved(), c.ratio(), c.rawRatio(), open)
                                : c)
                        .toList(),
                d.capExceeded());
    }

    /** A week as the present sees it: only the week that holds today is open. */
    static WeekAdherence present(WeekAdherence w, LocalDate today) {
        if (today.isBefore(w.weekStart()) || today.isAfter(w.weekEnd())) {
            return w;
        }
        AdherenceStatus open = AdherenceStatus.in_progress;
        return new WeekAdherence(
                w.weekStart(),
                w.weekEnd(),
                w.components().stream()
                        .map(c -> unfinished(c.status())
                                ? new ComponentWeek(
                                        c.kind(),
                                        c.unit(),
                                        c.target(),
                                        c.achieved(),
                                        c.ratio(),
                                        c.rawRatio(),
                                        open,
                                        c.daysWithData())
                                : c)
                        .toList(),
                w.overall(),
                unfinished(w.overallStatus()) ? open : w.overallStatus(),
                w.capExceededDays());
    }

    /** A verdict that the rest of the day or week may still change: anything short of met, when something is due. */
    private static boolean unfinished(AdherenceStatus s) {
        return s == AdherenceStatus.partial || s == AdherenceStatus.missed || s == AdherenceStatus.no_data;
    }

    /**
     * The Monday-to-Sunday weeks (patient's zone) that hold any day of {@code from..to}, whole; the
     * week that holds today is {@code in_progress} until its targets are reached.
     */
    public List<WeekAdherence> byWeek(Patient patient, LocalDate from, LocalDate to) {
        return weekPeriods(patient, from, to).periods();
    }

    /** As {@link #byWeek}, saying whether check-in answers were read. */
    public Periods<WeekAdherence> weekPeriods(Patient patient, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return weeksOf(patient, from, to);
    }

    /**
     * As {@link #byWeek}, without the API's bound on the range: for a patient's export, whose range
     * is their whole history (dates within 2000..2199, so at most some ten thousand weeks).
     */
    public List<WeekAdherence> weeks(Patient patient, LocalDate from, LocalDate to) {
        return weeksOf(patient, from, to).periods();
    }

    private Periods<WeekAdherence> weeksOf(Patient patient, LocalDate from, LocalDate to) {
        LocalDate start = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Periods<AdherenceCalculator.Day> j = judge(patient, start, end);
        List<AdherenceCalculator.Day> judged = j.periods();
        List<WeekAdherence> weeks = new ArrayList<>();
        LocalDate today = ProgramService.today(patient, clock);
        for (int i = 0; i < judged.size(); i += 7) {
            weeks.add(present(calculator.week(judged.subList(i, i + 7)), today));
        }
        return new Periods<>(weeks, j.readCheckins());
    }

    /**
     * The answers a check-in in {@code targets} may count: from the start of the earliest window
     * that reaches into the range (at most a longest period before it) to its end. Read only when
     * a check-in is in force; no answer leaves mood beyond its questionnaire and date.
     */
    private List<CheckinAnswer> checkinAnswers(
            UUID patientId, ZoneId zone, List<DayTargets> targets, LocalDate from, LocalDate to) {
        if (!hasCheckin(targets)) {
            return List.of();
        }
        return mood
                .answered(
                        patientId,
                        from.minusDays(Component.Checkin.MAX_PERIOD_DAYS)
                                .atStartOfDay(zone)
                                .toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .map(a -> new CheckinAnswer(a.questionnaire(), LocalDate.ofInstant(a.answeredAt(), zone)))
                .toList();
    }

    private static boolean hasCheckin(List<DayTargets> targets) {
        return targets.stream().anyMatch(t -> t.components().stream().anyMatch(c -> c instanceof Component.Checkin));
    }

    /** A day's overall status ({@link AdherenceCalculator#overall}). */
    public AdherenceStatus overall(DayAdherence day) {
        return calculator.overall(day);
    }

    private Periods<AdherenceCalculator.Day> judge(Patient patient, LocalDate from, LocalDate to) {
        Periods<Judged> r =
                judge(patient.id, ZoneId.of(patient.timeZone), from, to, days.forTargets(patient.id, from, to));
        return new Periods<>(r.periods().stream().map(Judged::day).toList(), r.readCheckins());
    }

    /** A day's targets and its judgement. */
    private record Judged(DayTargets targets, AdherenceCalculator.Day day) {}

    /**
     * Judges {@code from..to} with the rows of {@code dayRows}, read in one round trip with the
     * resistance sets and program versions the judgement needs (plus the check-ins' answers when one
     * is in force).
     */
    private Periods<Judged> judge(
            UUID patientId, ZoneId zone, LocalDate from, LocalDate to, Jdbc.Query<ScoredDay> dayRows) {
        // The days, resistance sets and program versions are asked for together: one round trip
        // to the database instead of three, for the read apps make most often.
        Jdbc.Query<ResistanceSet> setRows = days.resistanceSets(patientId, zone, from, to);
        Jdbc.Query<ProgramVersionView> versionRows = programs.versionsInForce(patientId, from, to);
        jdbc.read(dayRows, setRows, versionRows);
        Map<LocalDate, ScoredDay> summaries =
                dayRows.rows().stream().collect(Collectors.toMap(ScoredDay::date, Function.identity()));
        List<ResistanceSet> sets = setRows.rows();
        List<DayTargets> targets = ProgramService.targets(versionRows.rows(), from, to);
        List<CheckinAnswer> answers = checkinAnswers(patientId, zone, targets, from, to);
        LocalDate today = ProgramService.today(zone, clock);
        List<Judged> judged = new ArrayList<>();
        for (DayTargets t : targets) {
            Checkins checkins =
                    new Checkins(t.inForce() == null ? null : t.inForce().effectiveFrom(), answers, today);
            judged.add(new Judged(
                    t, calculator.day(t.date(), t.version(), summaries.get(t.date()), sets, t.components(), checkins)));
        }
        return new Periods<>(judged, hasCheckin(targets));
    }

    /**
     * A day as a device's progress message shows it ({@code org.osteon.progress.DeviceProgress}):
     * what the message shows of the day's row ({@link ScoredDay#readForProgress}), the components in force that day and its
     * judgement as {@link #byDay} gives it. Its reads go in one round trip (plus the check-ins'
     * answers when one is in force), without a transaction or an entity; empty when the day has no
     * row.
     */
    public Optional<JudgedDay> judgedDay(UUID patientId, ZoneId zone, LocalDate date) {
        Jdbc.Query<ScoredDay> dayRows = days.forProgress(patientId, date);
        Judged judged = judge(patientId, zone, date, date, dayRows).periods().get(0);
        if (dayRows.rows().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JudgedDay(
                dayRows.rows().get(0),
                judged.targets().components(),
                present(judged.day().result(), ProgramService.today(zone, clock))));
    }

    /** A day's row, the components in force that day and the day as adherence judged it. */
    public record JudgedDay(ScoredDay row, List<Component> components, DayAdherence judged) {}
}
