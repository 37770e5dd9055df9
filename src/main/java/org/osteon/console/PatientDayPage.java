package org.osteon.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osteon.adherence.AdherenceResults.CapExceeded;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.adherence.AdherenceStatus;
import org.osteon.engine.ScoredDay;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;

/**
 * One day of a patient, for the console's day page: each program component's target, achieved,
 * ratio and status from the adherence API's day, the day's numbers as the days API shows them, and
 * for each number the provenance section it was computed with, every parameter as the day's stored
 * provenance records it (names and values, nothing rewritten). Access as the API's
 * ({@link PatientAccess#clinical}).
 */
@ApplicationScoped
public class PatientDayPage {
    private final PatientAccess access;
    private final AdherenceService adherence;

    public PatientDayPage(PatientAccess access, AdherenceService adherence) {
        this.access = access;
        this.adherence = adherence;
    }

    public record ComponentRow(String kind, String unit, Double target, Double achieved, Double ratio, String status) {}

    /** A number of the day with where it is defined and which provenance section holds its parameters. */
    public record NumberRow(String name, String value, String definition, String section) {}

    /** One parameter of a provenance section: its path below the section, and its value as stored. */
    public record Parameter(String path, String value) {}

    public record Section(String key, String algorithm, String version, List<Parameter> parameters) {}

    public record Model(
            String patientId,
            String name,
            String timeZone,
            String date,
            Integer programVersion,
            String status,
            List<ComponentRow> components,
            CapExceeded capExceeded,
            boolean scored,
            List<NumberRow> numbers,
            List<Parameter> source,
            List<Section> sections) {}

    /** The day; an unknown patient and another physiotherapist's are refused with the API's 404. */
    public Model of(UUID patientId, LocalDate date) {
        Patient p = access.clinical(patientId, "console");
        DayAdherence day = adherence.byDay(p, date, date).get(0);
        boolean open = day.components().stream().anyMatch(c -> c.status() == AdherenceStatus.in_progress);
        String status = open
                ? AdherenceStatus.in_progress.name()
                : adherence.overall(day).name();
        List<ComponentRow> components = day.components().stream()
                .map(c -> new ComponentRow(
                        c.kind(),
                        c.unit(),
                        c.target(),
                        c.achieved(),
                        c.ratio(),
                        c.status().name()))
                .toList();
        List<ScoredDay> shown = adherence.shown(p, date, date);
        ScoredDay s = shown.isEmpty() ? null : shown.get(0);
        List<NumberRow> numbers = s == null ? List.of() : numbers(s);
        List<Parameter> source = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        if (s != null && s.provenance() != null) {
            s.provenance().forEach((key, value) -> {
                if (value instanceof Map<?, ?> m && m.containsKey("algorithm")) {
                    sections.add(section(key, m));
                } else if (value instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> {
                        if (v instanceof Map<?, ?> inner && inner.containsKey("algorithm")) {
                            sections.add(section(key + "." + k, inner));
                        } else {
                            flatten(key + "." + k, v, source);
                        }
                    });
                } else {
                    flatten(key, value, source);
                }
            });
        }
        if (s != null && s.estimatedPeakGrf() != null && s.estimatedPeakGrf().provenance() != null) {
            sections.add(section("estimatedPeakGrf", s.estimatedPeakGrf().provenance()));
        }
        return new Model(
                p.id.toString(),
                p.displayName,
                p.timeZone,
                date.toString(),
                day.programVersion(),
                status,
                components,
                day.capExceeded(),
                s != null,
                numbers,
                source,
                sections);
    }

    /** Each number with its definition in the project's documentation and its provenance section. */
    private static List<NumberRow> numbers(ScoredDay s) {
        List<NumberRow> rows = new ArrayList<>();
        rows.add(new NumberRow("wear (h)", text(s.wearHours()), "docs/metrics.md §1, non-wear", "activity"));
        rows.add(new NumberRow("steps", text(s.steps()), "docs/metrics.md §2, steps", "steps"));
        rows.add(new NumberRow(
                "MVPA (min)", text(s.mvpaMinutes()), "docs/metrics.md §2, intensity cut points", "activity"));
        if (s.mvpaBoutedMinutes() != null) {
            rows.add(new NumberRow(
                    "MVPA in bouts ≥ 1 / 5 / 10 min",
                    text(s.mvpaBoutedMinutes().min1()) + " / "
                            + text(s.mvpaBoutedMinutes().min5()) + " / "
                            + text(s.mvpaBoutedMinutes().min10()),
                    "docs/metrics.md §2, bouts",
                    "activity"));
        }
        rows.add(new NumberRow(
                "sedentary while awake (min) / longest bout",
                text(s.wakingSedentaryMinutes()) + " / " + text(s.wakingLongestSedentaryBoutMinutes()),
                "docs/metrics.md §2, waking sedentary time (outside the sleep windows)",
                "activity"));
        rows.add(new NumberRow(
                "sedentary all day, night included (min)",
                text(s.sedentaryMinutes()),
                "docs/metrics.md §2, intensity cut points",
                "activity"));
        rows.add(new NumberRow(
                "impacts by band",
                s.impactsByBand() == null
                        ? "–"
                        : PatientMeasures.BANDS.stream()
                                .map(b -> b + " " + text(s.impactsByBand().get(b)))
                                .collect(Collectors.joining(" · ")),
                "docs/metrics.md §4, impact bands",
                "impacts"));
        rows.add(new NumberRow(
                "relative amplitude (this day)",
                text(s.relativeAmplitude()),
                "docs/metrics.md §2, circadian rhythm",
                "circadianDay"));
        if (s.rolling7d() != null) {
            rows.add(new NumberRow(
                    "RA / IS / IV (7 days)",
                    text(s.rolling7d().ra()) + " / " + text(s.rolling7d().is()) + " / "
                            + text(s.rolling7d().iv()),
                    "docs/metrics.md §2, circadian rhythm",
                    "rolling7"));
        }
        ScoredDay.PeakGrf grf = s.estimatedPeakGrf();
        if (grf != null && !grf.estimated()) {
            rows.add(new NumberRow(
                    "estimated peak GRF",
                    "not estimated: " + grf.reason(),
                    "docs/metrics.md §4, estimated peak ground-reaction force",
                    "estimatedPeakGrf"));
        } else if (grf != null) {
            for (ScoredDay.PeakGrfModel m : grf.models()) {
                rows.add(new NumberRow(
                        "estimated peak GRF if " + m.model() + " (body weights, mean / max)",
                        text(m.meanBodyWeights()) + " / " + text(m.maxBodyWeights()) + " (" + m.peaks() + " peaks)",
                        "docs/metrics.md §4, estimated peak ground-reaction force",
                        "estimatedPeakGrf"));
            }
        }
        return rows;
    }

    private static Section section(String key, Map<?, ?> m) {
        List<Parameter> parameters = new ArrayList<>();
        if (m.get("parameters") instanceof Map<?, ?> ps) {
            ps.forEach((k, v) -> flatten(String.valueOf(k), v, parameters));
        }
        return new Section(key, String.valueOf(m.get("algorithm")), String.valueOf(m.get("version")), parameters);
    }

    /** Nested maps and lists become one row per leaf, named by its path (a.b[0].c). */
    private static void flatten(String path, Object value, List<Parameter> out) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> flatten(path + "." + k, v, out));
        } else if (value instanceof List<?> l && !l.isEmpty() && l.stream().anyMatch(v -> v instanceof Map<?, ?>)) {
            for (int i = 0; i < l.size(); i++) {
                flatten(path + "[" + i + "]", l.get(i), out);
            }
        } else {
            out.add(new Parameter(path, value == null ? "null" : String.valueOf(value)));
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "–" : String.format(Locale.ROOT, "%s", d);
        }
        return String.valueOf(v);
    }
}
