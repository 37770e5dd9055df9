package org.osteon.adherence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.osteon.adherence.AdherenceResults.CapExceeded;
import org.osteon.adherence.AdherenceResults.ComponentDay;
import org.osteon.adherence.AdherenceResults.ComponentWeek;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.DaySummaryRepository.ResistanceSet;
import org.osteon.engine.ScoredDay;
import org.osteon.program.CheckinSchedule;
import org.osteon.program.Component;

/**
 * Judges days and weeks against a program. Plain Java: it takes the day's scored summary, its
 * resistance sets and the components in force (progression already applied) and returns results.
 *
 * <p>Each component-day also yields its share of the weekly target and what it achieved towards
 * it, so that a week whose program changed mid-week owes each day's own targets.
 */
public final class AdherenceCalculator {
    private final double minWearHours;
    private final double partialFrom;
    private final ToDoubleFunction<String> weights;

    public AdherenceCalculator(double minWearHours, double partialFrom, ToDoubleFunction<String> weights) {
        this.minWearHours = minWearHours;
        this.partialFrom = partialFrom;
        this.weights = weights;
    }

    /** A component-day with its contribution to the week. */
    record Scored(ComponentDay day, double weekTarget, double weekAchieved, String weekUnit) {}

    /** A day with its scored components. */
    public record Day(DayAdherence result, Map<String, Scored> scored) {}

    /**
     * @param summary the scored day, or {@code null} when nothing was scored
     * @param components the components in force with that day's targets, or {@code null} without a program
     */
    public Day day(
            LocalDate date, Integer version, ScoredDay summary, List<ResistanceSet> sets, List<Component> components) {
        return day(date, version, summary, sets, components, Checkins.NONE);
    }

    /**
     * What judges a day's check-in component ({@link CheckinSchedule}): the effective date of the
     * version in force, the answers around the day (each response's questionnaire and local date,
     * one per response), and the last day that may be judged (today: a window closing later is
     * still open).
     */
    public record Checkins(LocalDate effectiveFrom, List<CheckinAnswer> answers, LocalDate judgedUpTo) {
        static final Checkins NONE = new Checkins(null, List.of(), null);
    }

    /** A questionnaire response as a check-in sees it: which questionnaire, on which local date. */
    public record CheckinAnswer(String questionnaire, LocalDate date) {}

    /** As {@link #day(LocalDate, Integer, ScoredDay, List, List)}, with what judges a check-in component. */
    public Day day(
            LocalDate date,
            Integer version,
            ScoredDay summary,
            List<ResistanceSet> sets,
            List<Component> components,
            Checkins checkins) {
        boolean hasData = summary != null && summary.wearHours() >= minWearHours;
        Map<String, Scored> scored = new LinkedHashMap<>();
        CapExceeded cap = null;
        for (Component c : components == null ? List.<Component>of() : components) {
            Scored s;
            if (c instanceof Component.Impacts im) {
                s = impacts(im, date, summary, hasData);
                if (im.cap() != null && summary != null) {
                    int peaks = summary.impactsAtOrAbove(im.cap().aboveG());
                    if (peaks > im.cap().maxPerDay()) {
                        cap = new CapExceeded(im.cap().aboveG(), im.cap().maxPerDay(), peaks);
                    }
                }
            } else if (c instanceof Component.Mvpa m) {
                Double minutes =
                        summary == null ? null : summary.mvpaBoutedMinutes().of(m.boutMinutes());
                double target = m.minutesPerWeek() / 7.0;
                s = daily(
                        c,
                        "minutes of MVPA in bouts of " + m.boutMinutes() + "+ min",
                        target,
                        minutes,
                        hasData,
                        true,
                        target,
                        "minutes");
            } else if (c instanceof Component.Steps st) {
                Double steps = summary == null || summary.steps() == null
                        ? null
                        : summary.steps().doubleValue();
                s = daily(c, "steps", st.stepsPerDay(), steps, hasData, true, st.daysPerWeek() / 7.0, "days");
            } else if (c instanceof Component.Resistance r) {
                s = resistance(r, date, sets, hasData);
            } else if (c instanceof Component.Checkin ch) {
                s = checkin(ch, date, checkins);
            } else {
                s = sedentary((Component.Sedentary) c, summary, hasData);
            }
            scored.put(c.kind(), s);
        }
        List<ComponentDay> days = scored.values().stream().map(Scored::day).toList();
        return new Day(
                new DayAdherence(date, version, summary == null ? null : round(summary.wearHours()), days, cap),
                scored);
    }

    /** The week of {@code days} (the 7 days from Monday, each judged by {@link #day}). */
    public WeekAdherence week(List<Day> days) {
        Map<String, List<Scored>> byKind = new LinkedHashMap<>();
        List<LocalDate> capDays = new ArrayList<>();
        for (Day d : days) {
            d.scored()
                    .forEach((kind, s) ->
                            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(s));
            if (d.result().capExceeded() != null) {
                capDays.add(d.result().date());
            }
        }
        List<ComponentWeek> components = new ArrayList<>();
        double weighted = 0, weightSum = 0;
        for (Map.Entry<String, List<Scored>> e : byKind.entrySet()) {
            List<Scored> valid = e.getValue().stream()
                    .filter(s -> s.day().status() != AdherenceStatus.no_data)
                    .toList();
            String unit = e.getValue().get(0).weekUnit();
            if (valid.isEmpty()) {
                components.add(new ComponentWeek(e.getKey(), unit, null, null, null, null, AdherenceStatus.no_data, 0));
                continue;
            }
            double target = valid.stream().mapToDouble(Scored::weekTarget).sum();
            double achieved = valid.stream().mapToDouble(Scored::weekAchieved).sum();
            if (target == 0) {
                // Nothing was due on the days with data (a session's weekdays fell elsewhere): not a week met.
                components.add(new ComponentWeek(
                        e.getKey(),
                        unit,
                        0.0,
                        round(achieved),
                        null,
                        null,
                        AdherenceStatus.not_scheduled,
                        valid.size()));
                continue;
            }
            double raw = achieved / target;
            components.add(new ComponentWeek(
                    e.getKey(),
                    unit,
                    round(target),
                    round(achieved),
                    round(Math.min(1, raw)),
                    round(raw),
                    status(raw),
                    valid.size()));
            double w = weights.applyAsDouble(e.getKey());
            weighted += w * Math.min(1, raw);
            weightSum += w;
        }
        Double overall = weightSum == 0 ? null : round(weighted / weightSum);
        AdherenceStatus overallStatus = overall == null
                ? (byKind.isEmpty() ? AdherenceStatus.not_scheduled : AdherenceStatus.no_data)
                : status(overall);
        LocalDate start = days.get(0).result().date();
        return new WeekAdherence(start, start.plusDays(6), components, overall, overallStatus, capDays);
    }

    /**
     * A day's overall status, for what judges days rather than weeks (alerts): the weighted mean of
     * the ratios (capped at 1) of the components due that day that had data, against the same
     * thresholds as a week. {@code not_scheduled} when nothing was due; {@code no_data} when nothing
     * due had data.
     */
    public AdherenceStatus overall(DayAdherence day) {
        double weighted = 0, weightSum = 0;
        boolean due = false;
        for (ComponentDay c : day.components()) {
            if (c.status() == AdherenceStatus.not_scheduled) {
                continue;
            }
            due = true;
            if (c.status() == AdherenceStatus.no_data || c.ratio() == null) {
                continue;
            }
            double w = weights.applyAsDouble(c.kind());
            weighted += w * c.ratio();
            weightSum += w;
        }
        if (!due) {
            return AdherenceStatus.not_scheduled;
        }
        return weightSum == 0 ? AdherenceStatus.no_data : status(weighted / weightSum);
    }

    private Scored impacts(Component.Impacts im, LocalDate date, ScoredDay summary, boolean hasData) {
        String unit = "peaks at or above " + im.minG() + " g";
        Double peaks = summary == null ? null : (double) summary.impactsAtOrAbove(im.minG());
        if (im.per() == Component.Per.day) {
            return daily(im, unit, im.count(), peaks, hasData, true, 1, "days");
        }
        return session(
                im.kind(),
                im.count(),
                peaks == null ? 0 : peaks,
                unit,
                im.sessionsPerWeek(),
                im.days(),
                date,
                hasData,
                peaks);
    }

    /**
     * A resistance day: the share of prescribed sets done at the prescribed reps and intensity, or
     * any set at all when the component lists no exercises.
     */
    private Scored resistance(Component.Resistance r, LocalDate date, List<ResistanceSet> sets, boolean hasData) {
        List<ResistanceSet> today =
                sets.stream().filter(s -> s.date().equals(date)).toList();
        double share;
        if (r.exercises() == null || r.exercises().isEmpty()) {
            share = today.isEmpty() ? 0 : 1;
        } else {
            int required = 0, done = 0;
            for (Component.Exercise ex : r.exercises()) {
                int setsDone = today.stream()
                        .filter(s -> ex.exercise().equalsIgnoreCase(s.exercise()))
                        .filter(s -> s.reps() != null && s.reps() >= ex.reps())
                        .filter(s -> s.loadKg() != null
                                && s.oneRmKg() != null
                                && s.oneRmKg() > 0
                                && 100.0 * s.loadKg() / s.oneRmKg() >= ex.minPercent1RM() - 1e-9)
                        .mapToInt(s -> s.sets() == null ? 1 : s.sets())
                        .sum();
                required += ex.sets();
                done += Math.min(setsDone, ex.sets());
            }
            share = (double) done / required;
        }
        return session(
                r.kind(),
                1,
                share,
                "sessions",
                r.sessionsPerWeek(),
                r.days(),
                date,
                hasData || !today.isEmpty(),
                share);
    }

    /**
     * A day of a session target: met when reached (whatever the wear); otherwise no data, a day off
     * (outside the scheduled weekdays, or a day without any of it when no weekdays are set), or
     * judged by its ratio.
     */
    private Scored session(
            String kind,
            double target,
            double achieved,
            String unit,
            int perWeek,
            Set<DayOfWeek> days,
            LocalDate date,
            boolean hasData,
            Double shown) {
        double raw = achieved / target;
        AdherenceStatus status;
        if (raw >= 1) {
            status = AdherenceStatus.met;
        } else if (!hasData) {
            status = AdherenceStatus.no_data;
        } else if (days != null ? !days.contains(date.getDayOfWeek()) : achieved == 0) {
            status = AdherenceStatus.not_scheduled;
        } else {
            status = status(raw);
        }
        ComponentDay day = new ComponentDay(
                kind, unit, target, shown == null ? null : round(shown), round(Math.min(1, raw)), round(raw), status);
        // Scheduled weekdays owe their share of the week's sessions; without a schedule every day owes a seventh.
        double share =
                days == null ? perWeek / 7.0 : days.contains(date.getDayOfWeek()) ? (double) perWeek / days.size() : 0;
        return new Scored(day, share, status == AdherenceStatus.met ? 1 : 0, "sessions");
    }

    /**
     * A check-in day: met on the first day of its window with an answer; missed on the last day of
     * a window without one (once that day has come); any other day owes nothing. Wear plays no
     * part. A week owes one check-in for each met or missed day in it.
     */
    private Scored checkin(Component.Checkin c, LocalDate date, Checkins checkins) {
        String unit = "check-ins (" + c.questionnaire() + ")";
        CheckinSchedule.Window w =
                checkins.effectiveFrom() == null ? null : CheckinSchedule.window(c, checkins.effectiveFrom(), date);
        LocalDate first = w == null
                ? null
                : checkins.answers().stream()
                        .filter(a -> CheckinSchedule.answeredBy(c).contains(a.questionnaire()) && w.contains(a.date()))
                        .map(CheckinAnswer::date)
                        .min(LocalDate::compareTo)
                        .orElse(null);
        AdherenceStatus status;
        if (w == null) {
            status = AdherenceStatus.no_data;
        } else if (date.equals(first)) {
            status = AdherenceStatus.met;
        } else if (first == null && date.equals(w.closes())) {
            status = checkins.judgedUpTo() != null && date.isAfter(checkins.judgedUpTo())
                    ? AdherenceStatus.no_data
                    : AdherenceStatus.missed;
        } else {
            status = AdherenceStatus.not_scheduled;
        }
        boolean owed = status == AdherenceStatus.met || status == AdherenceStatus.missed;
        double achieved = status == AdherenceStatus.met ? 1 : 0;
        return new Scored(
                new ComponentDay(
                        c.kind(),
                        unit,
                        owed || status == AdherenceStatus.no_data ? 1.0 : 0.0,
                        achieved,
                        owed ? achieved : null,
                        owed ? achieved : null,
                        status),
                owed || status == AdherenceStatus.no_data ? 1 : 0,
                achieved,
                "check-ins");
    }

    private Scored daily(
            Component c,
            String unit,
            double target,
            Double achieved,
            boolean hasData,
            boolean higherIsBetter,
            double weekShare,
            String weekUnit) {
        // A target reached is reached however short the wear (the watch says so too); short wear leaves only
        // the days that fell short, or limits (less sitting in fewer worn hours proves nothing), without a verdict.
        boolean reached = higherIsBetter && achieved != null && achieved >= target;
        if ((!hasData && !reached) || achieved == null) {
            return new Scored(
                    new ComponentDay(
                            c.kind(),
                            unit,
                            round(target),
                            achieved == null ? null : round(achieved),
                            null,
                            null,
                            AdherenceStatus.no_data),
                    weekShare,
                    0,
                    weekUnit);
        }
        double raw =
                higherIsBetter ? achieved / target : (achieved == 0 ? Double.POSITIVE_INFINITY : target / achieved);
        AdherenceStatus status = status(raw);
        // A weekly amount (MVPA minutes) adds up; a daily target counts the days it was met.
        double weekAchieved = "minutes".equals(weekUnit) ? achieved : (status == AdherenceStatus.met ? 1 : 0);
        return new Scored(
                new ComponentDay(
                        c.kind(),
                        unit,
                        round(target),
                        round(achieved),
                        round(Math.min(1, raw)),
                        Double.isInfinite(raw) ? null : round(raw),
                        status),
                weekShare,
                weekAchieved,
                weekUnit);
    }

    private Scored sedentary(Component.Sedentary s, ScoredDay summary, boolean hasData) {
        if (s.maxLongestBoutMinutes() != null) {
            // Waking time only: a night's sleep is not a sedentary bout (docs/metrics.md, Sleep).
            Double bout = summary == null ? null : summary.longestSedentaryBoutForTargets();
            return daily(
                    s,
                    "longest sedentary bout, minutes (at most)",
                    s.maxLongestBoutMinutes(),
                    bout,
                    hasData,
                    false,
                    1,
                    "days");
        }
        Double minutes = summary == null ? null : summary.sedentaryMinutesForTargets();
        Double hours = minutes == null ? null : minutes / 60.0;
        return daily(s, "sedentary hours (at most)", s.maxHoursPerDay(), hours, hasData, false, 1, "days");
    }

    private AdherenceStatus status(double ratio) {
        if (ratio >= 1 - 1e-9) {
            return AdherenceStatus.met;
        }
        return ratio >= partialFrom ? AdherenceStatus.partial : AdherenceStatus.missed;
    }

    static Double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
