package org.osteon.adherence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osteon.adherence.AdherenceResults.ComponentDay;
import org.osteon.adherence.AdherenceResults.ComponentWeek;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.common.Csv;
import org.osteon.common.Json;
import org.osteon.engine.ScoredDay;
import org.osteon.engine.SleepNight;

/**
 * Scored days and adherence as CSV tables, with the numbers of the JSON answers and without their
 * nesting: a day is one row; adherence is one row per day (or week) and component. Columns named
 * after a map key (an impact band, a threshold in g) are the union of the keys of the days shown.
 */
public final class AdherenceCsv {
    /** Bands in the order the scoring core defines them; any other band follows by name. */
    private static final List<String> BAND_ORDER = List.of("low", "medium", "high");

    private AdherenceCsv() {}

    public static Csv days(List<ScoredDay> days, ObjectMapper json) {
        List<String> bands = keys(
                days,
                ScoredDay::impactsByBand,
                Comparator.comparing((String b) -> BAND_ORDER.contains(b) ? BAND_ORDER.indexOf(b) : BAND_ORDER.size())
                        .thenComparing(b -> b));
        List<String> thresholds = keys(days, ScoredDay::impactsAtOrAbove, Comparator.comparing(AdherenceCsv::number));
        List<String> header = new ArrayList<>(List.of(
                "date",
                "wear_hours",
                "enmo_mg",
                "mvpa_minutes",
                "vigorous_minutes",
                "mvpa_bouted_1_minutes",
                "mvpa_bouted_5_minutes",
                "mvpa_bouted_10_minutes",
                "steps"));
        bands.forEach(b -> header.add("impacts_" + b));
        thresholds.forEach(g -> header.add("impacts_at_or_above_" + g + "g"));
        header.addAll(List.of(
                "osteogenic_index",
                "daily_stress_stimulus",
                "sedentary_minutes",
                "longest_sedentary_bout_minutes",
                "waking_sedentary_minutes",
                "waking_longest_sedentary_bout_minutes",
                "resistance_sessions",
                "relative_amplitude",
                "rolling7_ra",
                "rolling7_is",
                "rolling7_iv"));
        List<String> grfModels = days.stream()
                .map(ScoredDay::estimatedPeakGrf)
                .filter(g -> g != null && g.models() != null)
                .flatMap(g -> g.models().stream().map(ScoredDay.PeakGrfModel::model))
                .distinct()
                .sorted()
                .toList();
        for (String m : grfModels) {
            String c = "grf_" + m.replaceAll("[^A-Za-z0-9]+", "_");
            header.addAll(List.of(c + "_peaks", c + "_mean_body_weights", c + "_max_body_weights", c + "_max_newtons"));
        }
        header.addAll(List.of("grf_provenance", "provenance"));
        Csv csv = new Csv(header);
        for (ScoredDay d : days) {
            ScoredDay.BoutedMvpa bouted = d.mvpaBoutedMinutes();
            ScoredDay.Rolling7 rolling = d.rolling7d();
            csv.add(d.date())
                    .add(d.wearHours())
                    .add(d.enmoMg())
                    .add(d.mvpaMinutes())
                    .add(d.vigorousMinutes())
                    .add(bouted == null ? null : bouted.min1())
                    .add(bouted == null ? null : bouted.min5())
                    .add(bouted == null ? null : bouted.min10())
                    .add(d.steps());
            bands.forEach(b ->
                    csv.add(d.impactsByBand() == null ? null : d.impactsByBand().get(b)));
            thresholds.forEach(g -> csv.add(atOrAbove(d, g)));
            csv.add(d.osteogenicIndex())
                    .add(d.dailyStressStimulus())
                    .add(d.sedentaryMinutes())
                    .add(d.longestSedentaryBoutMinutes())
                    .add(d.wakingSedentaryMinutes())
                    .add(d.wakingLongestSedentaryBoutMinutes())
                    .add(d.resistanceSessions())
                    .add(d.relativeAmplitude())
                    .add(rolling == null ? null : rolling.ra())
                    .add(rolling == null ? null : rolling.is())
                    .add(rolling == null ? null : rolling.iv());
            ScoredDay.PeakGrf grf = d.estimatedPeakGrf();
            for (String m : grfModels) {
                ScoredDay.PeakGrfModel model = grf == null || grf.models() == null
                        ? null
                        : grf.models().stream()
                                .filter(x -> x.model().equals(m))
                                .findFirst()
                                .orElse(null);
                csv.add(model == null ? null : model.peaks())
                        .add(model == null ? null : model.meanBodyWeights())
                        .add(model == null ? null : model.maxBodyWeights())
                        .add(model == null ? null : model.maxNewtons());
            }
            csv.add(grf == null ? null : json(grf.provenance(), json))
                    .add(json(d.provenance(), json))
                    .end();
        }
        return csv;
    }

    /** One row per night with a sleep window, its instants in UTC as the JSON answer gives them. */
    public static Csv nights(List<SleepNight> nights, ObjectMapper json) {
        Csv csv = new Csv("night", "onset", "wake", "duration_minutes", "midpoint", "threshold_deg", "provenance");
        for (SleepNight n : nights) {
            csv.add(n.night())
                    .add(n.onset())
                    .add(n.wake())
                    .add(n.durationMinutes())
                    .add(n.midpoint())
                    .add(n.thresholdDeg())
                    .add(json(n.provenance(), json))
                    .end();
        }
        return csv;
    }

    /** One row per day and component; a day without any component in force has one row with the component empty. */
    public static Csv byDay(List<DayAdherence> days) {
        Csv csv = new Csv(
                "date",
                "program_version",
                "wear_hours",
                "component",
                "unit",
                "target",
                "achieved",
                "ratio",
                "raw_ratio",
                "status",
                "cap_above_g",
                "cap_max_per_day",
                "cap_peaks");
        for (DayAdherence d : days) {
            List<ComponentDay> components =
                    d.components() == null || d.components().isEmpty()
                            ? Collections.singletonList(null)
                            : d.components();
            for (ComponentDay c : components) {
                csv.add(d.date()).add(d.programVersion()).add(d.wearHours());
                if (c == null) {
                    csv.add(null)
                            .add(null)
                            .add(null)
                            .add(null)
                            .add(null)
                            .add(null)
                            .add(null);
                } else {
                    csv.add(c.kind())
                            .add(c.unit())
                            .add(c.target())
                            .add(c.achieved())
                            .add(c.ratio())
                            .add(c.rawRatio())
                            .add(c.status());
                }
                AdherenceResults.CapExceeded cap = d.capExceeded();
                csv.add(cap == null ? null : cap.aboveG())
                        .add(cap == null ? null : cap.maxPerDay())
                        .add(cap == null ? null : cap.peaks())
                        .end();
            }
        }
        return csv;
    }

    /** One row per week and component; {@code cap_exceeded_days} lists dates separated by spaces. */
    public static Csv byWeek(List<WeekAdherence> weeks) {
        Csv csv = new Csv(
                "week_start",
                "week_end",
                "overall",
                "overall_status",
                "cap_exceeded_days",
                "component",
                "unit",
                "target",
                "achieved",
                "ratio",
                "raw_ratio",
                "status",
                "days_with_data");
        for (WeekAdherence w : weeks) {
            String capDays = w.capExceededDays() == null
                    ? null
                    : w.capExceededDays().stream().map(Object::toString).collect(Collectors.joining(" "));
            List<ComponentWeek> components =
                    w.components() == null || w.components().isEmpty()
                            ? Collections.singletonList(null)
                            : w.components();
            for (ComponentWeek c : components) {
                csv.add(w.weekStart())
                        .add(w.weekEnd())
                        .add(w.overall())
                        .add(w.overallStatus())
                        .add(capDays);
                if (c == null) {
                    csv.add(null)
                            .add(null)
                            .add(null)
                            .add(null)
                            .add(null)
                            .add(null)
                            .add(null)
                            .add(null);
                } else {
                    csv.add(c.kind())
                            .add(c.unit())
                            .add(c.target())
                            .add(c.achieved())
                            .add(c.ratio())
                            .add(c.rawRatio())
                            .add(c.status())
                            .add(c.daysWithData());
                }
                csv.end();
            }
        }
        return csv;
    }

    /** A value as compact JSON, for the one column that keeps its nesting. */
    static String json(Object value, ObjectMapper json) {
        if (value == null) {
            return null;
        }
        return Json.write(json, value, "a stored value");
    }

    /**
     * Peaks at or above a threshold on a day: its own count, 0 beyond its largest key (the scoring
     * core writes every 0.1 g step up to the day's largest peak), empty where the day has no counts.
     */
    private static Integer atOrAbove(ScoredDay d, String g) {
        Map<String, Integer> counts = d.impactsAtOrAbove();
        if (counts == null) {
            return null;
        }
        Integer n = counts.get(g);
        if (n != null) {
            return n;
        }
        boolean beyond = counts.keySet().stream().allMatch(k -> number(k).compareTo(number(g)) < 0);
        return beyond ? 0 : null;
    }

    private static List<String> keys(
            List<ScoredDay> days, Function<ScoredDay, Map<String, Integer>> map, Comparator<String> order) {
        Set<String> keys = new LinkedHashSet<>();
        days.stream().map(map).filter(Objects::nonNull).forEach(m -> keys.addAll(m.keySet()));
        return keys.stream().sorted(order).toList();
    }

    private static BigDecimal number(String key) {
        try {
            return new BigDecimal(key);
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(Double.MAX_VALUE);
        }
    }
}
