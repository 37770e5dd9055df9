package org.osteon.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.engine.ScoredDay;
import org.osteon.engine.SleepNight;
import org.osteon.mood.MoodDtos.ResponseView;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.sleep.MidpointVariability;
import org.osteon.scoring.sleep.SleepParams;
import org.osteon.scoring.sleep.SleepRegularity;
import org.osteon.scoring.sleep.SleepWindowDetector;

/**
 * The bone–brain report's weeks from what the services read, plain Java: each week's valid days
 * (enough wear) give its daily means and sums, its last day its 7-day rhythm, its responses its
 * mood, and the adherence API's week its adherence. A week without a valid day has no day
 * figures (null), never zeros.
 */
public final class BoneBrainReport {
    /** The severity measures whose totals and bands the report shows as mood. */
    static final List<String> SEVERITY = List.of("phq-9", "phq-8");

    private BoneBrainReport() {}

    /** What a week's program prescribed, for the figures that depend on it. */
    public record Prescribed(double impactsThresholdG, int mvpaBoutMinutes) {}

    /**
     * A week: {@code days} may hold days outside it (they are left out); {@code responses} are those
     * answered in the week (local midnight to local midnight), oldest first.
     */
    public static WeekReport week(
            WeekAdherence adherence,
            List<ScoredDay> days,
            List<ResponseView> responses,
            Prescribed prescribed,
            double minWearHours,
            List<SleepNight> nights,
            ZoneId zone) {
        LocalDate start = adherence.weekStart(), end = adherence.weekEnd();
        List<ScoredDay> valid = days.stream()
                .filter(d -> !d.date().isBefore(start) && !d.date().isAfter(end))
                .filter(d -> d.wearHours() >= minWearHours)
                .toList();
        Map<String, Integer> bands = new TreeMap<>();
        for (ScoredDay d : valid) {
            if (d.impactsByBand() != null) {
                d.impactsByBand().forEach((band, n) -> bands.merge(band, n, Integer::sum));
            }
        }
        WeekReport.Bone bone = new WeekReport.Bone(
                prescribed.impactsThresholdG(),
                mean(
                        valid,
                        d -> d.impactsAtOrAbove() == null
                                ? null
                                : (double) d.impactsAtOrAbove(prescribed.impactsThresholdG())),
                valid.isEmpty() ? null : bands,
                mean(valid, ScoredDay::osteogenicIndex),
                mean(valid, ScoredDay::dailyStressStimulus),
                peakGrf(valid));
        WeekReport.Activity activity = new WeekReport.Activity(
                prescribed.mvpaBoutMinutes(),
                sum(
                        valid,
                        d -> d.mvpaBoutedMinutes() == null
                                ? null
                                : d.mvpaBoutedMinutes().of(prescribed.mvpaBoutMinutes())),
                mean(valid, d -> d.steps() == null ? null : (double) d.steps()));
        ScoredDay last =
                days.stream().filter(d -> d.date().equals(end)).findFirst().orElse(null);
        WeekReport.Rhythm rhythm = last == null || last.rolling7d() == null
                ? new WeekReport.Rhythm(null, null, null)
                : new WeekReport.Rhythm(
                        last.rolling7d().ra(),
                        last.rolling7d().is(),
                        last.rolling7d().iv());
        List<ResponseView> inWeek = responses;
        ResponseView latest = inWeek.stream()
                .filter(r -> SEVERITY.contains(r.questionnaire()))
                .reduce((a, b) -> b)
                .orElse(null);
        WeekReport.Mood mood = new WeekReport.Mood(
                latest == null ? null : latest.questionnaire(),
                latest == null ? null : latest.total(),
                latest == null ? null : latest.band(),
                latest == null ? null : latest.answeredAt().toString(),
                inWeek.size());
        List<WeekReport.Component> components = new ArrayList<>();
        adherence
                .components()
                .forEach(c -> components.add(new WeekReport.Component(
                        c.kind(),
                        c.ratio(),
                        c.status() == null ? null : c.status().name())));
        WeekReport.Adherence adh = new WeekReport.Adherence(
                adherence.overall(),
                adherence.overallStatus() == null
                        ? null
                        : adherence.overallStatus().name(),
                components);
        return new WeekReport(
                start,
                end,
                valid.size(),
                bone,
                activity,
                rhythm,
                mood,
                adh,
                new WeekReport.Wear(mean(valid, ScoredDay::wearHours)),
                sleep(nights, start, end, zone));
    }

    /** The week's nights: mean duration and midpoint, and the midpoints' SD (SleepRegularity). */
    static WeekReport.Sleep sleep(List<SleepNight> nights, LocalDate start, LocalDate end, ZoneId zone) {
        List<SleepNight> inWeek = nights.stream()
                .filter(n -> !n.night().isBefore(start) && !n.night().isAfter(end))
                .toList();
        if (inWeek.isEmpty()) {
            return new WeekReport.Sleep(0, null, null, null, null);
        }
        double duration = inWeek.stream()
                .mapToDouble(SleepNight::durationMinutes)
                .average()
                .orElseThrow();
        double midpoint = inWeek.stream()
                .mapToDouble(n -> Duration.between(
                                        n.night()
                                                .atTime(LocalTime.NOON)
                                                .atZone(zone)
                                                .toInstant(),
                                        n.midpoint())
                                .toMillis()
                        / 60_000.0)
                .average()
                .orElseThrow();
        Double sd = SleepRegularity.of(
                        SleepParams.DEFAULT,
                        inWeek.stream().map(SleepNight::window).toList(),
                        zone)
                .map(MidpointVariability::sdMinutes)
                .orElse(null);
        LocalTime clock = LocalTime.NOON.plusSeconds(Math.round(midpoint * 60));
        return new WeekReport.Sleep(
                inWeek.size(),
                duration,
                midpoint,
                String.format(java.util.Locale.ROOT, "%02d:%02d", clock.getHour(), clock.getMinute()),
                sd);
    }

    /**
     * Per model over the days with an estimate: all their peaks (each day's mean weighted by its
     * peaks, so the mean of every peak of the week) and the largest. Null with no day.
     */
    static WeekReport.PeakGrf peakGrf(List<ScoredDay> days) {
        if (days.isEmpty()) {
            return null;
        }
        Map<String, double[]> byModel = new LinkedHashMap<>();
        int estimated = 0;
        String reason = null;
        for (ScoredDay d : days) {
            ScoredDay.PeakGrf g = d.estimatedPeakGrf();
            if (g == null) {
                continue;
            }
            if (!g.estimated()) {
                reason = g.reason();
                continue;
            }
            estimated++;
            for (ScoredDay.PeakGrfModel m : g.models()) {
                // peaks, sum of body weights over the peaks, largest
                double[] acc = byModel.computeIfAbsent(m.model(), k -> new double[] {0, 0, Double.NaN});
                if (m.peaks() > 0 && m.meanBodyWeights() != null && m.maxBodyWeights() != null) {
                    acc[0] += m.peaks();
                    acc[1] += m.meanBodyWeights() * m.peaks();
                    acc[2] = Double.isNaN(acc[2]) ? m.maxBodyWeights() : Math.max(acc[2], m.maxBodyWeights());
                }
            }
        }
        List<WeekReport.PeakGrfModel> models = new ArrayList<>();
        byModel.forEach((model, acc) -> models.add(new WeekReport.PeakGrfModel(
                model, (int) acc[0], acc[0] == 0 ? null : acc[1] / acc[0], Double.isNaN(acc[2]) ? null : acc[2])));
        return new WeekReport.PeakGrf(estimated, estimated == 0 ? reason : null, models);
    }

    private static Double mean(List<ScoredDay> days, Function<ScoredDay, Double> value) {
        List<Double> v =
                days.stream().map(value).filter(x -> x != null && !x.isNaN()).toList();
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
    }

    private static Double sum(List<ScoredDay> days, Function<ScoredDay, Double> value) {
        List<Double> v =
                days.stream().map(value).filter(x -> x != null && !x.isNaN()).toList();
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Where each figure is defined, with its parameters, keyed by the field's path in a week. */
    public static Map<String, Map<String, Object>> definitions(double minWearHours) {
        Map<String, Map<String, Object>> d = new LinkedHashMap<>();
        d.put("validDays", def("docs/programs-and-adherence.md, Adherence", Map.of("minWearHours", minWearHours)));
        d.put(
                "bone.impactsPerDay",
                def(
                        "docs/metrics.md §4, impact peaks",
                        Map.of("minPeakG", 1.3, "thresholdG", "bone.impactsThresholdG")));
        d.put(
                "bone.impactsByBand",
                def(
                        "docs/metrics.md §4, impact bands (Deere et al., JBMR 2012)",
                        Map.of("low", "0.5–2.1 g", "medium", "2.1–4.2 g", "high", "> 4.2 g")));
        d.put(
                "bone.osteogenicIndexPerDay",
                def("docs/metrics.md §4, osteogenic index (Turner & Robling 2003)", Map.of()));
        d.put(
                "bone.dailyStressStimulusPerDay",
                def("docs/metrics.md §4, daily stress stimulus (Carter 1987)", Map.of("m", 4)));
        d.put(
                "bone.estimatedPeakGrf",
                def(
                        "docs/metrics.md §4, estimated peak ground-reaction force (Veras et al., Eur J Sport Sci "
                                + "2023;23:1518 walking/running; Sensors 2023;23:2246 jumping); each day's equation, "
                                + "coefficients and validation figures in its provenance",
                        Map.of(
                                "filter",
                                "4th-order zero-phase Butterworth low-pass, 20 Hz",
                                "minPeakG",
                                1.3,
                                "minPeakDistanceSeconds",
                                0.4,
                                "unit",
                                "body weights (N / (body mass · 9.80665 m/s²))",
                                "placements",
                                List.of("hip", "lower_back", "ankle"))));
        d.put(
                "activity.mvpaBoutedMinutes",
                def("docs/metrics.md §2, MVPA and bouts", Map.of("boutMinutes", "activity.mvpaBoutMinutes")));
        d.put("activity.stepsPerDay", def("docs/metrics.md §2, steps (Verisense algorithm)", Map.of()));
        d.put("rhythm", def("docs/metrics.md §2, circadian rhythm (van Someren et al. 1999)", Map.of("windowDays", 7)));
        d.put(
                "mood",
                def(
                        "docs/mood.md (PHQ-9: Kroenke et al. 2001; PHQ-8: Kroenke et al. 2009)",
                        Map.of("measures", SEVERITY)));
        d.put("adherence", def("docs/programs-and-adherence.md, Adherence", Map.of()));
        d.put("wear.hoursPerDay", def("docs/metrics.md §1, non-wear (van Hees et al.)", Map.of()));
        Map<String, Object> hdcza = new LinkedHashMap<>();
        hdcza.put("algorithm", SleepWindowDetector.ALGORITHM + "/" + SleepWindowDetector.VERSION);
        hdcza.put("sleep", Provenance.structured(SleepParams.DEFAULT));
        hdcza.put("night", "local noon of its date to the next noon; a week's nights start Monday to Sunday");
        d.put(
                "sleep.durationMinutesPerNight",
                def(
                        "docs/metrics.md, Sleep: sleep period time window (HDCZA, van Hees et al. 2018, Sci Rep"
                                + " 8:12975)",
                        hdcza));
        d.put(
                "sleep.midpointMinutesAfterNoon",
                def("docs/metrics.md, Sleep: midpoint of the sleep period time window (HDCZA)", hdcza));
        d.put(
                "sleep.midpointSdMinutes",
                def(
                        "docs/metrics-implementation.md, Sleep period time window: " + SleepRegularity.DEFINITION,
                        Map.of(
                                "algorithm",
                                SleepRegularity.ALGORITHM + "/" + SleepRegularity.VERSION,
                                "minNights",
                                SleepParams.DEFAULT.minRegularityNights())));
        return d;
    }

    private static Map<String, Object> def(String reference, Map<String, Object> parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", reference);
        m.put("parameters", parameters);
        return m;
    }
}
