package org.osteon.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.adherence.AdherenceConfig;
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.AdherenceService;
import org.osteon.alert.AlertSeverity;
import org.osteon.audit.AuditLog;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.Jdbc;
import org.osteon.common.Page;
import org.osteon.ingest.LastSync;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.physio.CareAssignments;
import org.osteon.physio.Physiotherapist;
import org.osteon.program.ProgramService;

/** A physiotherapist's own patients, with last week's adherence, trend, flags and last sync. */
@Path("/api/v1/physiotherapists/me/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Physiotherapists")
@SecurityRequirement(name = "bearer")
public class RosterResource {
    private final PatientAccess access;
    private final CareAssignments assignments;
    private final AdherenceService adherence;
    private final AuditLog audit;
    private final Clock clock;
    private final ProgramService programs;
    private final Jdbc jdbc;
    private final LastSync lastSync;
    private final AdherenceConfig adherenceConfig;

    public RosterResource(
            PatientAccess access,
            CareAssignments assignments,
            AdherenceService adherence,
            AuditLog audit,
            Clock clock,
            ProgramService programs,
            Jdbc jdbc,
            LastSync lastSync,
            AdherenceConfig adherenceConfig) {
        this.adherenceConfig = adherenceConfig;
        this.clock = clock;
        this.programs = programs;
        this.jdbc = jdbc;
        this.lastSync = lastSync;
        this.access = access;
        this.assignments = assignments;
        this.adherence = adherence;
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.PHYSIO)
    @Transactional
    @Operation(
            summary = "My patients",
            description = "sort=adherence puts the lowest last-week adherence first (patients without any last); "
                    + "-adherence the highest first; name by display name. Each patient shown is audited as read. "
                    + "Flags: no_program (no program in force today), cap_exceeded (a safety cap exceeded last week "
                    + "or this week), no_data_last_week (a program in force last week, no day with enough wear), "
                    + "open_alerts (an alert not yet acknowledged; openAlerts counts them, worstOpenAlert names the "
                    + "most severe rule: safety_cap, no_sync, non_adherence, mood_decline in that order), "
                    + "daysWithDataLast30: days among the 30 before today (patient's time "
                    + "zone) whose wear reaches osteon.adherence.min-wear-hours. The current week is so far, "
                    + "in_progress until its targets are reached; currentWeekComponents gives each component.")
    @APIResponse(
            responseCode = "200",
            description = "a page of the roster",
            content = @Content(examples = @ExampleObject(name = "200", value = RosterExamples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "unknown sort, or page or size out of range",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "not a registered physiotherapist")
    public Page<RosterEntry> roster(
            @QueryParam("sort")
                    @DefaultValue("adherence")
                    @Parameter(schema = @Schema(enumeration = {"adherence", "-adherence", "name"}))
                    String sort,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        Comparator<RosterEntry> order = switch (sort) {
            case "adherence" ->
                Comparator.comparing(
                        RosterEntry::lastWeekAdherence, Comparator.nullsLast(Comparator.<Double>naturalOrder()));
            case "-adherence" ->
                Comparator.comparing(
                        RosterEntry::lastWeekAdherence, Comparator.nullsLast(Comparator.<Double>reverseOrder()));
            case "name" -> Comparator.comparing(RosterEntry::displayName);
            default -> throw ApiException.badField("sort", "must be adherence, -adherence or name");
        };
        Physiotherapist me = access.registeredPhysio();
        List<RosterEntry> entries = entries(me);
        entries.sort(order.thenComparing(e -> e.patientId().toString()));
        Page<RosterEntry> result = Page.of(entries, page, size);
        audit.recordEach(
                AuditLog.PATIENT_READ,
                result.items().stream().map(RosterEntry::patientId).toList(),
                null,
                Map.of("resource", "roster"));
        return result;
    }

    /**
     * Every patient of the physiotherapist, unsorted. What can be read for all of them at once is:
     * the patients, their open alerts, last receipts and the wear of the days of the completeness
     * window (one query each); adherence is still judged patient by patient.
     */
    private List<RosterEntry> entries(Physiotherapist me) {
        List<UUID> ids = assignments.patientsOf(me.id);
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        List<Patient> patients = Patient.list("id in ?1", ids);
        Map<UUID, Map<String, Integer>> alerts = new HashMap<>();
        jdbc.list(
                        "select a.patient_id, a.rule, count(*) from alert a "
                                + "join care_assignment c on c.patient_id = a.patient_id "
                                + "where c.physio_id = ? and a.status = 'open' group by a.patient_id, a.rule",
                        rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)},
                        me.id)
                .forEach(r -> alerts.computeIfAbsent((UUID) r[0], k -> new HashMap<>())
                        .put((String) r[1], (Integer) r[2]));
        Map<UUID, java.time.Instant> receipts = lastSync.receiptsOfPatientsOf(me.id);
        // Every patient's window lies within these dates, whatever their time zone.
        LocalDate utcToday = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        Map<UUID, Map<LocalDate, Double>> wear = new HashMap<>();
        jdbc.list(
                        "select d.patient_id, d.local_date, d.wear_minutes from day_summary d "
                                + "join care_assignment c on c.patient_id = d.patient_id "
                                + "where c.physio_id = ? and d.local_date between ? and ?",
                        rs -> new Object[] {
                            rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getDouble(3) / 60.0
                        },
                        me.id,
                        utcToday.minusDays(Completeness.DAYS + 1),
                        utcToday.plusDays(1))
                .forEach(r ->
                        wear.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put((LocalDate) r[1], (Double) r[2]));
        List<RosterEntry> entries = new ArrayList<>();
        for (Patient p : patients) {
            entries.add(entry(
                    p, alerts.getOrDefault(p.id, Map.of()), receipts.get(p.id), wear.getOrDefault(p.id, Map.of())));
        }
        return entries;
    }

    private RosterEntry entry(
            Patient p, Map<String, Integer> openByRule, java.time.Instant lastReceipt, Map<LocalDate, Double> wear) {
        LocalDate today = ProgramService.today(p, clock);
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = thisWeek.minusWeeks(1);
        List<WeekAdherence> weeks = adherence.byWeek(p, lastWeek.minusWeeks(1), thisWeek);
        WeekAdherence previous = weeks.get(0), last = weeks.get(1), current = weeks.get(2);
        int openAlerts =
                openByRule.values().stream().mapToInt(Integer::intValue).sum();
        int daysWithData = Completeness.daysWithData(wear, today, adherenceConfig.minWearHours());
        List<String> flags = new ArrayList<>();
        boolean noProgram = programs.current(p).map(v -> v.inForce() == null).orElse(true);
        if (noProgram) {
            flags.add("no_program");
        }
        if (!last.capExceededDays().isEmpty() || !current.capExceededDays().isEmpty()) {
            flags.add("cap_exceeded");
        }
        if (!last.components().isEmpty() && last.overall() == null) {
            flags.add("no_data_last_week");
        }
        if (openAlerts > 0) {
            flags.add("open_alerts");
        }

        Double trend = last.overall() != null && previous.overall() != null
                ? Math.round((last.overall() - previous.overall()) * 1000) / 1000.0
                : null;
        return new RosterEntry(
                p.id,
                p.displayName,
                lastWeek,
                last.overall(),
                previous.overall(),
                trend,
                thisWeek,
                current.overall(),
                current.overallStatus().name(),
                openAlerts,
                flags,
                lastReceipt,
                current.components().stream()
                        .map(c -> new RosterEntry.ComponentShare(
                                c.kind(), c.ratio(), c.status().name()))
                        .toList(),
                AlertSeverity.worst(openByRule.keySet()).orElse(null),
                daysWithData);
    }
}
