package org.osteon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osteon.adherence.AdherenceResults.ComponentDay;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.DaySummaryRepository;
import org.osteon.adherence.DaySummaryRepository.HourlyWear;
import org.osteon.common.Decimals;
import org.osteon.engine.ScoredDay;
import org.osteon.patient.Patient;
import org.osteon.program.Component;
import org.osteon.program.DayTargets;

/**
 * The patient page's measurements, each a series over every date of the page's range (null where a
 * day has no value, so that charts show a gap): bone loading against the program's impacts target
 * and safety cap, bouted MVPA by week and steps by day against their targets, the rolling 7-day
 * rhythm, and wear with its completeness per local clock hour. Numbers are those of the days API
 * ({@link ScoredDay#shown()}) and of the adherence API's days; definitions in docs/metrics.md.
 * The caller has checked access to the patient.
 */
@ApplicationScoped
public class PatientMeasures {
    /** Deere et al.'s bands (docs/metrics.md §4), the keys of a day's {@code impactsByBand}. */
    static final List<String> BANDS = List.of("low", "medium", "high");

    /** Steps of a clock hour's worn share for the heatmap's classes: 0, up to 25, 50, 75, below 100 %, full. */
    static final int WEAR_STEPS = 5;

    private final DaySummaryRepository repository;
    private final ObjectMapper json;

    public PatientMeasures(DaySummaryRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** One cell of the wear heatmap: a clock hour's worn share (0..1, null when the hour had no profile). */
    public record HourCell(int hour, Double share, String shown, String css) {}

    public record HeatmapRow(String date, Double wearHours, List<HourCell> hours) {}

    /** A day of bone loading, as its table row shows it. */
    public record BoneRow(
            String date,
            Integer impacts,
            Double target,
            Integer low,
            Integer medium,
            Integer high,
            Integer capPeaks,
            Integer capMax,
            boolean overCap) {}

    public record ActivityRow(String date, Integer steps, Double stepsTarget) {}

    public record RhythmRow(String date, Double ra, Double is, Double iv) {}

    /** A week's MVPA in bouts of the prescribed length against the week's target. */
    public record WeekMvpa(String weekStart, Double boutedMinutes, Integer target, Integer boutMinutes) {}

    public record Measures(
            Double impactG,
            Double capAboveG,
            Integer capMaxPerDay,
            Integer boutMinutes,
            Integer minRollingDays,
            String bone,
            List<BoneRow> boneRows,
            String activity,
            List<ActivityRow> activityRows,
            String weekly,
            List<WeekMvpa> weeks,
            String rhythm,
            List<RhythmRow> rhythmRows,
            String wear,
            List<HeatmapRow> heatmap,
            List<String> capExceededDays) {}

    /**
     * The measurements of {@code from..today}; {@code byDay} is the adherence API's answer for that
     * range, {@code targets} the program's day targets (after progression) for it.
     */
    public Measures of(
            Patient patient,
            LocalDate from,
            LocalDate today,
            List<ScoredDay> shown,
            List<DayAdherence> byDay,
            List<DayTargets> targets) {
        Map<LocalDate, ScoredDay> days = shown.stream().collect(Collectors.toMap(ScoredDay::date, Function.identity()));
        Map<LocalDate, DayAdherence> adherence =
                byDay.stream().collect(Collectors.toMap(DayAdherence::date, Function.identity()));
        Map<LocalDate, List<Component>> components =
                targets.stream().collect(Collectors.toMap(DayTargets::date, DayTargets::components, (a, b) -> a));
        List<LocalDate> dates = from.datesUntil(today.plusDays(1)).toList();

        Optional<Component.Impacts> impacts = latest(components, dates, Component.Impacts.class);
        Optional<Component.Mvpa> mvpa = latest(components, dates, Component.Mvpa.class);
        Double g = impacts.map(Component.Impacts::minG).orElse(Component.Impacts.DEFAULT_MIN_G);
        Component.SafetyCap cap = impacts.map(Component.Impacts::cap).orElse(null);

        Map<String, List<Object>> bone = series(dates);
        List<BoneRow> boneRows = new ArrayList<>();
        List<String> capDays = new ArrayList<>();
        for (LocalDate d : dates) {
            ScoredDay s = days.get(d);
            DayAdherence a = adherence.get(d);
            Map<String, Integer> bands = s == null ? null : s.impactsByBand();
            Component.SafetyCap dayCap =
                    impactsOn(components.get(d)).map(Component.Impacts::cap).orElse(null);
            boolean over = a != null && a.capExceeded() != null;
            BoneRow row = new BoneRow(
                    d.toString(),
                    s == null || s.impactsAtOrAbove() == null ? null : s.impactsAtOrAbove(g),
                    target(a, "impacts"),
                    bands == null ? null : bands.get("low"),
                    bands == null ? null : bands.get("medium"),
                    bands == null ? null : bands.get("high"),
                    dayCap == null || s == null || s.impactsAtOrAbove() == null
                            ? null
                            : s.impactsAtOrAbove(dayCap.aboveG()),
                    dayCap == null ? null : dayCap.maxPerDay(),
                    over);
            boneRows.add(row);
            add(bone, "impacts", row.impacts());
            add(bone, "target", row.target());
            add(bone, "low", row.low());
            add(bone, "medium", row.medium());
            add(bone, "high", row.high());
            add(bone, "capPeaks", row.capPeaks());
            add(bone, "capMax", row.capMax());
            add(bone, "overCap", over);
            if (over) {
                capDays.add(d.toString());
            }
        }

        Map<String, List<Object>> activity = series(dates);
        List<ActivityRow> activityRows = new ArrayList<>();
        for (LocalDate d : dates) {
            ScoredDay s = days.get(d);
            ActivityRow row =
                    new ActivityRow(d.toString(), s == null ? null : s.steps(), target(adherence.get(d), "steps"));
            activityRows.add(row);
            add(activity, "steps", row.steps());
            add(activity, "stepsTarget", row.stepsTarget());
        }

        Integer bout = mvpa.map(Component.Mvpa::boutMinutes).orElse(null);
        List<WeekMvpa> weeks = weeks(dates, days, components, bout);
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekly.put("weekStarts", weeks.stream().map(WeekMvpa::weekStart).toList());
        weekly.put("boutMinutes", bout);
        weekly.put("boutedMinutes", weeks.stream().map(WeekMvpa::boutedMinutes).toList());
        weekly.put("target", weeks.stream().map(WeekMvpa::target).toList());

        Map<String, List<Object>> rhythm = series(dates);
        List<RhythmRow> rhythmRows = new ArrayList<>();
        Integer minDays = null;
        for (LocalDate d : dates) {
            ScoredDay s = days.get(d);
            ScoredDay.Rolling7 r = s == null ? null : s.rolling7d();
            RhythmRow row = r == null
                    ? new RhythmRow(d.toString(), null, null, null)
                    : new RhythmRow(d.toString(), r.ra(), r.is(), r.iv());
            rhythmRows.add(row);
            add(rhythm, "ra", row.ra());
            add(rhythm, "is", row.is());
            add(rhythm, "iv", row.iv());
            if (minDays == null && s != null) {
                minDays = minRollingDays(s);
            }
        }

        Map<LocalDate, HourlyWear> hourly = repository.hourlyWear(patient.id, from, today).stream()
                .collect(Collectors.toMap(HourlyWear::date, Function.identity()));
        Map<String, List<Object>> wear = series(dates);
        List<HeatmapRow> heatmap = new ArrayList<>();
        for (LocalDate d : dates) {
            ScoredDay s = days.get(d);
            add(wear, "wearHours", s == null ? null : s.wearHours());
            HourlyWear h = hourly.get(d);
            add(wear, "hourShares", h == null ? null : shares(h));
            heatmap.add(new HeatmapRow(d.toString(), s == null ? null : s.wearHours(), cells(h)));
        }

        return new Measures(
                g,
                cap == null ? null : cap.aboveG(),
                cap == null ? null : cap.maxPerDay(),
                bout,
                minDays,
                write(bone),
                boneRows,
                write(activity),
                activityRows,
                write(weekly),
                weeks,
                write(rhythm),
                rhythmRows,
                write(wear),
                heatmap,
                capDays);
    }

    /** The component of this kind in force on the latest date of the range that has one. */
    private static <T extends Component> Optional<T> latest(
            Map<LocalDate, List<Component>> components, List<LocalDate> dates, Class<T> kind) {
        for (int i = dates.size() - 1; i >= 0; i--) {
            List<Component> cs = components.get(dates.get(i));
            if (cs != null) {
                Optional<T> c =
                        cs.stream().filter(kind::isInstance).map(kind::cast).findFirst();
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Component.Impacts> impactsOn(List<Component> cs) {
        return cs == null
                ? Optional.empty()
                : cs.stream()
                        .filter(Component.Impacts.class::isInstance)
                        .map(Component.Impacts.class::cast)
                        .findFirst();
    }

    /** The day's target of a component kind as the adherence API's day gives it (after progression). */
    private static Double target(DayAdherence a, String kind) {
        if (a == null) {
            return null;
        }
        return a.components().stream()
                .filter(c -> c.kind().equals(kind))
                .map(ComponentDay::target)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * Monday-to-Sunday weeks of the range: MVPA bouted as the program in force on the week's last
     * shown day prescribes ({@code mvpaBoutedMinutes.of(boutMinutes)}), summed over the week's days
     * with data, against that program's minutes a week. Weeks without an MVPA component show none.
     */
    private static List<WeekMvpa> weeks(
            List<LocalDate> dates,
            Map<LocalDate, ScoredDay> days,
            Map<LocalDate, List<Component>> components,
            Integer fallbackBout) {
        Map<LocalDate, List<LocalDate>> byWeek = dates.stream()
                .collect(Collectors.groupingBy(
                        d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        LinkedHashMap::new,
                        Collectors.toList()));
        List<WeekMvpa> out = new ArrayList<>();
        byWeek.forEach((start, weekDates) -> {
            Optional<Component.Mvpa> m = latest(components, weekDates, Component.Mvpa.class);
            Integer bout = m.map(Component.Mvpa::boutMinutes).orElse(fallbackBout);
            Double sum = null;
            if (bout != null) {
                for (LocalDate d : weekDates) {
                    ScoredDay s = days.get(d);
                    Double v = s == null || s.mvpaBoutedMinutes() == null
                            ? null
                            : s.mvpaBoutedMinutes().of(bout);
                    if (v != null) {
                        sum = (sum == null ? 0 : sum) + v;
                    }
                }
            }
            out.add(new WeekMvpa(
                    start.toString(),
                    sum == null ? null : round(sum),
                    m.map(Component.Mvpa::minutesPerWeek).orElse(null),
                    bout));
        });
        return out;
    }

    /** The fewest valid days the rolling rhythm needs, as the day's provenance records it. */
    private static Integer minRollingDays(ScoredDay s) {
        Object v = path(s.provenance(), "rolling7", "parameters", "minDays");
        return v instanceof Number n ? n.intValue() : null;
    }

    static Object path(Map<String, Object> root, String... keys) {
        Object at = root;
        for (String k : keys) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(k);
        }
        return at;
    }

    /** Worn epochs over the epochs of a clock hour, to 3 decimals; a repeated hour (25-h day) may exceed 1. */
    private static List<Double> shares(HourlyWear h) {
        return h.epochs().stream()
                .map(e -> BigDecimal.valueOf(e)
                        .divide(BigDecimal.valueOf(h.epochsPerHour()), 3, RoundingMode.HALF_EVEN)
                        .doubleValue())
                .toList();
    }

    private static List<HourCell> cells(HourlyWear h) {
        List<HourCell> out = new ArrayList<>();
        List<Double> shares = h == null ? null : shares(h);
        for (int hour = 0; hour < 24; hour++) {
            if (shares == null) {
                out.add(new HourCell(hour, null, "no data", "wear-none"));
                continue;
            }
            double share = shares.get(hour);
            int step = share <= 0 ? 0 : share >= 1 ? WEAR_STEPS : Math.min(WEAR_STEPS - 1, 1 + (int) (share * 4));
            out.add(new HourCell(
                    hour, share, String.format(java.util.Locale.ROOT, "%.0f %%", share * 100), "wear-" + step));
        }
        return out;
    }

    private static Map<String, List<Object>> series(List<LocalDate> dates) {
        Map<String, List<Object>> s = new LinkedHashMap<>();
        s.put("dates", new ArrayList<>(dates.stream().map(LocalDate::toString).toList()));
        return s;
    }

    private static void add(Map<String, List<Object>> series, String key, Object value) {
        series.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static double round(double v) {
        return Decimals.shown(v, 2);
    }

    /** JSON for a page's data block; every {@code <} escaped, so that nothing in it could end the block. */
    private String write(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
