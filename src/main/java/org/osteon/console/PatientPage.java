package org.osteon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.adherence.AdherenceStatus;
import org.osteon.alert.AlertService;
import org.osteon.alert.AlertView;
import org.osteon.device.Device;
import org.osteon.device.DeviceDtos.StreamStatus;
import org.osteon.device.SyncStatusRepository;
import org.osteon.engine.ScoredDay;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.program.Component;
import org.osteon.program.DayTargets;
import org.osteon.program.ProgramService;

/**
 * What the console's patient page shows, read through the API's own services with the API's access
 * rule ({@link PatientAccess#clinical}): the last four Monday-to-Sunday weeks up to today in the
 * patient's time zone, as an adherence calendar and as daily numbers, the open alerts and the
 * devices with their last sync.
 */
@ApplicationScoped
public class PatientPage {
    /** Weeks shown, the current one included. */
    static final int WEEKS = 4;

    /** Instants to the minute in the patient's time zone, which is named beside them. */
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final PatientAccess access;
    private final AdherenceService adherence;
    private final ProgramService programs;
    private final AlertService alerts;
    private final SyncStatusRepository syncStatus;
    private final PatientMeasures measures;
    private final PatientMood mood;
    private final Clock clock;
    private final ObjectMapper json;

    public PatientPage(
            PatientAccess access,
            AdherenceService adherence,
            ProgramService programs,
            AlertService alerts,
            SyncStatusRepository syncStatus,
            PatientMeasures measures,
            PatientMood mood,
            Clock clock,
            ObjectMapper json) {
        this.access = access;
        this.adherence = adherence;
        this.programs = programs;
        this.alerts = alerts;
        this.syncStatus = syncStatus;
        this.measures = measures;
        this.mood = mood;
        this.clock = clock;
        this.json = json;
    }

    /** A calendar day: its overall status (null after today), the label shown beside its colour. */
    public record CalendarDay(LocalDate date, String dayOfMonth, String status, String label, boolean today) {}

    /** A calendar row: Monday to Sunday, with the week's overall adherence as the API answers it. */
    public record CalendarWeek(
            LocalDate weekStart, List<CalendarDay> days, Double overall, String overallShown, String overallStatus) {}

    /** A row of the daily numbers, as the days API shows them (rounded to their stated precision). */
    public record DayNumbers(String date, Integer steps, Double mvpaMinutes, Integer impacts, Double wearHours) {}

    /** An open alert as the page lists it, with what its acknowledgement form needs. */
    public record AlertRow(String id, String kind, String since, String sinceAt, String detail, boolean noteRequired) {}

    public record DeviceRow(String deviceId, String placement, String model, String lastSync, String lastSyncAt) {}

    public record Model(
            String patientId,
            String name,
            String timeZone,
            LocalDate from,
            LocalDate today,
            List<CalendarWeek> weeks,
            List<DayNumbers> days,
            double impactG,
            boolean impactFromProgram,
            String series,
            List<AlertRow> alerts,
            List<DeviceRow> devices,
            PatientMeasures.Measures measures,
            PatientMood.Mood mood) {}

    /**
     * The page of one patient; an unknown patient and another physiotherapist's are refused alike,
     * with the API's own 404 ({@link PatientAccess#clinical}), and the read is audited as the API's.
     */
    public Model of(UUID patientId) {
        Patient p = access.clinical(patientId, "console");
        ZoneId zone = ZoneId.of(p.timeZone);
        LocalDate today = ProgramService.today(p, clock);
        LocalDate from =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);

        List<DayAdherence> dayList = adherence.byDay(p, from, today);
        Map<LocalDate, DayAdherence> byDay =
                dayList.stream().collect(Collectors.toMap(DayAdherence::date, Function.identity()));
        List<CalendarWeek> weeks = new ArrayList<>();
        for (WeekAdherence w : adherence.byWeek(p, from, today)) {
            List<CalendarDay> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate d = w.weekStart().plusDays(i);
                String status = Optional.ofNullable(byDay.get(d))
                        .map(this::dayStatus)
                        .map(AdherenceStatus::name)
                        .orElse(null);
                days.add(new CalendarDay(
                        d,
                        String.valueOf(d.getDayOfMonth()),
                        status,
                        status == null ? "" : status.replace('_', ' '),
                        d.equals(today)));
            }
            weeks.add(new CalendarWeek(
                    w.weekStart(),
                    days,
                    w.overall(),
                    w.overall() == null ? "–" : String.format(Locale.ROOT, "%.0f %%", w.overall() * 100),
                    w.overallStatus() == null ? "" : w.overallStatus().name()));
        }

        List<DayTargets> targets = programs.targets(p.id, from, today);
        Optional<Double> programG = targets.stream()
                .filter(t -> t.date().equals(today))
                .map(DayTargets::components)
                .flatMap(List::stream)
                .filter(c -> c instanceof Component.Impacts)
                .map(c -> ((Component.Impacts) c).minG())
                .filter(Objects::nonNull)
                .findFirst();
        double g = programG.orElse(Component.Impacts.DEFAULT_MIN_G);
        List<ScoredDay> shown = adherence.shown(p, from, today);
        List<DayNumbers> numbers = shown.stream().map(d -> numbers(d, g)).toList();

        List<AlertRow> open = alerts.list(p.id, null, "open", 0, 50).items().stream()
                .map(a -> alert(a, zone))
                .toList();
        List<DeviceRow> devices = Device.listByPatient(p.id).stream()
                .filter(d -> d.revokedAt == null)
                .map(d -> device(d, zone))
                .toList();

        return new Model(
                p.id.toString(),
                p.displayName,
                p.timeZone,
                from,
                today,
                weeks,
                numbers,
                g,
                programG.isPresent(),
                series(numbers),
                open,
                devices,
                measures.of(p, from, today, shown, dayList, targets),
                mood.of(p, from, today));
    }

    /**
     * A day's status as the API's day statuses give it: the overall of the components due
     * ({@link AdherenceService#overall}); today stays in progress while anything due falls short.
     */
    private AdherenceStatus dayStatus(DayAdherence day) {
        boolean open = day.components().stream().anyMatch(c -> c.status() == AdherenceStatus.in_progress);
        return open ? AdherenceStatus.in_progress : adherence.overall(day);
    }

    private static DayNumbers numbers(ScoredDay d, double g) {
        return new DayNumbers(
                d.date().toString(),
                d.steps(),
                d.mvpaMinutes(),
                d.impactsAtOrAbove() == null ? null : d.impactsAtOrAbove(g),
                d.wearHours());
    }

    /**
     * The chart's data, for the page's JSON data block: the daily numbers as the table shows them.
     * Every {@code <} is escaped, so that nothing in it could end the block.
     */
    private String series(List<DayNumbers> numbers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DayNumbers n : numbers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", n.date());
            row.put("steps", n.steps());
            row.put("mvpaMinutes", n.mvpaMinutes());
            row.put("impacts", n.impacts());
            row.put("wearHours", n.wearHours());
            rows.add(row);
        }
        try {
            return json.writeValueAsString(rows).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL_MINUTES.format(t.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static AlertRow alert(AlertView a, ZoneId zone) {
        return new AlertRow(
                a.id().toString(),
                a.rule().replace('_', ' '),
                local(a.raisedAt(), zone),
                a.raisedAt().toString(),
                a.message(),
                org.osteon.alert.AlertRules.noteRequired(a.rule()));
    }

    private DeviceRow device(Device d, ZoneId zone) {
        Instant last = syncStatus.of(d.id).streams().stream()
                .map(StreamStatus::lastAcceptedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        return new DeviceRow(
                d.id,
                d.placement,
                d.model == null ? "" : d.model,
                last == null ? "never" : local(last, zone),
                last == null ? "" : last.toString());
    }
}
