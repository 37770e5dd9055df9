package org.osteon.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osteon.adherence.AdherenceConfig;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.engine.ScoredDay;
import org.osteon.engine.SleepNight;
import org.osteon.mood.MoodDtos.ResponseView;
import org.osteon.mood.MoodService;
import org.osteon.patient.Patient;
import org.osteon.program.Component;
import org.osteon.program.DayTargets;
import org.osteon.program.ProgramService;

/**
 * Reads what the bone–brain report puts side by side, through the services the API already
 * answers with (adherence's weeks and days, programs' targets, mood's responses), and leaves
 * the arithmetic to {@link BoneBrainReport}.
 */
@ApplicationScoped
public class ReportService {
    /** MVPA bouts counted when the program prescribes none: WHO 2010's 10-minute bouts. */
    static final int DEFAULT_BOUT_MINUTES = 10;

    private final AdherenceService adherence;
    private final AdherenceConfig adherenceConfig;
    private final ProgramService programs;
    private final MoodService mood;

    public ReportService(
            AdherenceService adherence, AdherenceConfig adherenceConfig, ProgramService programs, MoodService mood) {
        this.adherence = adherence;
        this.adherenceConfig = adherenceConfig;
        this.programs = programs;
        this.mood = mood;
    }

    /** The report: its definitions, and each Monday-to-Sunday week holding from..to. */
    public record Report(
            java.util.UUID patientId,
            String timeZone,
            LocalDate from,
            LocalDate to,
            Map<String, Map<String, Object>> definitions,
            List<WeekReport> weeks) {}

    public Report report(Patient patient, LocalDate from, LocalDate to) {
        List<WeekAdherence> weeks = adherence.byWeek(patient, from, to);
        LocalDate first = weeks.get(0).weekStart(),
                last = weeks.get(weeks.size() - 1).weekEnd();
        List<ScoredDay> days = adherence.shown(patient, first, last);
        ZoneId zone = ZoneId.of(patient.timeZone);
        List<ResponseView> responses = mood.history(
                patient,
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        List<DayTargets> targets = programs.targets(patient.id, first, last);
        List<SleepNight> nights = adherence.sleep(patient, first, last).nights();
        List<WeekReport> out = new ArrayList<>();
        for (WeekAdherence w : weeks) {
            var start = w.weekStart().atStartOfDay(zone).toInstant();
            var end = w.weekEnd().plusDays(1).atStartOfDay(zone).toInstant();
            List<ResponseView> inWeek = responses.stream()
                    .filter(r ->
                            !r.answeredAt().isBefore(start) && r.answeredAt().isBefore(end))
                    .toList();
            out.add(BoneBrainReport.week(
                            w, days, inWeek, prescribed(targets, w), adherenceConfig.minWearHours(), nights, zone)
                    .shown());
        }
        return new Report(
                patient.id,
                patient.timeZone,
                first,
                last,
                BoneBrainReport.definitions(adherenceConfig.minWearHours()),
                out);
    }

    /** What the program in force on the week's last day with one prescribed. */
    private static BoneBrainReport.Prescribed prescribed(List<DayTargets> targets, WeekAdherence w) {
        List<Component> inForce = targets.stream()
                .filter(t -> !t.date().isBefore(w.weekStart()) && !t.date().isAfter(w.weekEnd()))
                .filter(t -> t.inForce() != null)
                .reduce((a, b) -> b)
                .map(DayTargets::components)
                .orElse(List.of());
        double g = inForce.stream()
                .filter(c -> c instanceof Component.Impacts)
                .map(c -> ((Component.Impacts) c).minG())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(Component.Impacts.DEFAULT_MIN_G);
        int bout = inForce.stream()
                .filter(c -> c instanceof Component.Mvpa)
                .map(c -> ((Component.Mvpa) c).boutMinutes())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(DEFAULT_BOUT_MINUTES);
        return new BoneBrainReport.Prescribed(g, bout);
    }
}
