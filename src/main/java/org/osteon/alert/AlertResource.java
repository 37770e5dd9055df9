package org.osteon.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.audit.AuditLog;
import org.osteon.auth.Caller;
import org.osteon.auth.Roles;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.Page;
import org.osteon.patient.PatientAccess;
import org.osteon.physio.CareAssignments;
import org.osteon.physio.Physiotherapist;

/**
 * Alerts for physiotherapists, about their own patients only. Patients do not read them: an alert
 * is a prompt for a clinical conversation (a mood-relevant decline above all), worded for the
 * clinician; the patient's own days and adherence are theirs to read, and their alerts are in
 * their data export. Admins do not read clinical data.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.PHYSIO)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists read and acknowledge alerts")
public class AlertResource {
    private final AlertService alerts;
    private final PatientAccess access;
    private final CareAssignments assignments;
    private final AuditLog audit;
    private final Caller caller;
    private final ObjectMapper json;

    public AlertResource(
            AlertService alerts,
            PatientAccess access,
            CareAssignments assignments,
            AuditLog audit,
            Caller caller,
            ObjectMapper json) {
        this.json = json;
        this.alerts = alerts;
        this.access = access;
        this.assignments = assignments;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "Alerts of the calling physiotherapist's patients, newest first",
            description = "status=open (default), acknowledged, resolved or all; patientId narrows to one of the "
                    + "caller's patients (another's is answered 404, as an unknown id).")
    @APIResponse(
            responseCode = "200",
            description = "a page of alerts",
            content = @Content(examples = @ExampleObject(name = "200", value = AlertExamples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "status, page or size out of range",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = AlertExamples.STATUS_400)))
    @APIResponse(responseCode = "404", ref = "NotFound", description = "patientId is no patient of the caller's")
    public Page<AlertView> list(
            @QueryParam("status")
                    @DefaultValue("open")
                    @Parameter(schema = @Schema(enumeration = {"open", "acknowledged", "resolved", "all"}))
                    String status,
            @QueryParam("patientId") UUID patientId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        String filter = status(status);
        Page.check(page, size);
        if (patientId != null) {
            access.clinical(patientId, "alerts");
            return alerts.list(patientId, null, filter, page, size);
        }
        Physiotherapist physio = access.physio().orElse(null);
        if (physio == null) {
            return new Page<>(java.util.List.of(), page, size, 0);
        }
        Page<AlertView> result = alerts.list(null, physio.id, filter, page, size);
        Set<UUID> patients = new LinkedHashSet<>();
        result.items().forEach(a -> patients.add(a.patientId()));
        patients.forEach(p -> audit.record(AuditLog.PATIENT_READ, p, null, Map.of("resource", "alerts")));
        return result;
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(
            summary = "Acknowledge an alert",
            description = "Records who acknowledged it and when, once: a repeat answers the alert as it is. An "
                    + "acknowledged alert is not raised again; a new episode of its rule is. A resolved alert keeps "
                    + "its status and gains the acknowledgement. An optional JSON body {\"note\": \"…\"} "
                    + "records what was done (at most " + AlertNote.MAX_CHARS + " characters, line breaks allowed); "
                    + "a repeat keeps the first acknowledgement's note.")
    @APIResponse(
            responseCode = "200",
            description = "the alert",
            content = @Content(examples = @ExampleObject(name = "200", value = AlertExamples.ACKNOWLEDGED)))
    @APIResponse(
            responseCode = "400",
            description = "the note is too long or holds control characters; nothing is acknowledged",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = AlertExamples.NOTE_400)))
    @APIResponse(
            responseCode = "404",
            description = "no such alert, or not about one of the caller's patients",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "404", value = AlertExamples.ALERT_NOT_FOUND)))
    public AlertView acknowledge(
            @PathParam("id") UUID id,
            @RequestBody(
                            required = false,
                            description = "optional: a note with the acknowledgement; no body acknowledges without one",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = AlertNote.class),
                                            examples = @ExampleObject(name = "note", value = AlertExamples.NOTE)))
                    String body)
            throws JsonProcessingException {
        // Read here rather than by the framework: a request without a body and without a
        // Content-Type, as clients sent before notes existed, must keep working.
        return acknowledge(id, body == null || body.isBlank() ? null : json.readValue(body, AlertNote.class));
    }

    /** Acknowledges with {@code body}'s note (none: null); the console's form comes here too. */
    public AlertView acknowledge(UUID id, AlertNote body) {
        Optional<String> note = body == null ? Optional.empty() : body.checked();
        AlertView alert = alerts.find(id)
                .filter(a -> access.physio()
                        .filter(ph -> assignments.isAssigned(ph.id, a.patientId()))
                        .isPresent())
                .orElseThrow(() -> ApiException.notFound("alert", id));
        return alerts.acknowledge(alert, caller.subject(), note);
    }

    static String status(String status) {
        return switch (status) {
            case "open", "acknowledged", "resolved" -> status;
            case "all" -> null;
            default -> throw ApiException.badField("status", "must be open, acknowledged, resolved or all");
        };
    }
}
