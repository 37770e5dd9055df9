package org.osteon.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.audit.AuditLog.AuditEvent;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiProblem;
import org.osteon.common.Page;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class AuditResource {
    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "The audit trail, newest first",
            description = "Program changes (who, when, why) and physiotherapists' reads of patient data.")
    @APIResponse(
            responseCode = "200",
            description = "a page of events",
            content = @Content(examples = @ExampleObject(name = "200", value = AuditExamples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "page or size out of range",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only admins read the audit trail")
    public Page<AuditEvent> list(
            @QueryParam("patientId") UUID patientId,
            @QueryParam("action") String action,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return audit.list(patientId, action, page, size);
    }
}
