package org.osteon.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiProblem;
import org.osteon.common.Page;
import org.osteon.patient.PatientAccess;

/**
 * One patient's alerts, for their physiotherapist. A class of its own because the patient's other
 * resources claim {@code /api/v1/patients/{patientId}}, and JAX-RS matches the class path first.
 * Patients get 403, as on {@link AlertResource}.
 */
@Path("/api/v1/patients/{patientId}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.PHYSIO)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists read alerts")
public class PatientAlertResource {
    private final AlertService alerts;
    private final PatientAccess access;

    public PatientAlertResource(AlertService alerts, PatientAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    @GET
    @Operation(
            summary = "Alerts of one of the caller's patients, newest first",
            description = "status=open (default), acknowledged, resolved or all.")
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
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<AlertView> ofPatient(
            @PathParam("patientId") UUID patientId,
            @QueryParam("status")
                    @DefaultValue("open")
                    @Parameter(schema = @Schema(enumeration = {"open", "acknowledged", "resolved", "all"}))
                    String status,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        String filter = AlertResource.status(status);
        Page.check(page, size);
        access.clinical(patientId, "alerts");
        return alerts.list(patientId, null, filter, page, size);
    }
}
