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
import org.osteon.adherence.AdherenceResults.WeekAdherence;
import org.osteon.adherence.AdherenceService;
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

    public RosterResource(
            PatientAccess access,
            CareAssignments assignments,
            AdherenceService adherence,
            AuditLog audit,
            Clock clock,
            ProgramService programs,
            Jdbc jdbc,
            LastSync lastSync) {
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
                    + "open_alerts (an alert not yet acknowledged; openAlerts counts them). The current week is "
                    + "so far, in_progress until its targets are reached.")
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
        List<RosterEntry> entries = new ArrayList<>();
        for (UUID patientId : assignments.patientsOf(me.id)) {
            entries.add(entry(Patient.findById(patientId)));
        }
        entries.sort(order.thenComparing(e -> e.patientId().toString()));
        Page<RosterEntry> result = Page.of(entries, page, size);
        for (RosterEntry e : result.items()) {
            audit.record(AuditLog.PATIENT_READ, e.patientId(), null, Map.of("resource", "roster"));
        }
        return result;
    }

    private RosterEntry entry(Patient p) {
        LocalDate today = ProgramService.today(p, clock);
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = thisWeek.minusWeeks(1);
        List<WeekAdherence> weeks = adherence.byWeek(p, lastWeek.minusWeeks(1), thisWeek);
        WeekAdherence previous = weeks.get(0), last = weeks.get(1), current = weeks.get(2);
        int openAlerts = (int) jdbc.count("select count(*) from alert where patient_id = ? and status = 'open'", p.id);
        List<String> flags = new ArrayList<>();
        if (programs.current(p).map(v -> v.inForce() == null).orElse(true)) {
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
                lastSync.receiptOfPatient(p.id).orElse(null));
    }
}
