package org.osteon.privacy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiProblem;

@Path("/api/v1/patients/{patientId}/export")
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer")
public class PatientExportResource {
    private final PatientDataService data;

    public PatientExportResource(PatientDataService data) {
        this.data = data;
    }

    @GET
    @jakarta.annotation.security.RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "every row held about the patient, by table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "200",
                    value = "{\"patientId\":\"5f0c…\",\"exportedAt\":\"2026-11-27T10:00:00Z\",\"tables\":{\"patient\":[{\"id\":\"5f0c…\",\"display_name\":\"OST-0042\"}],"
                            + "\"device\":[{\"id\":\"wrist-7f3a\"}],\"accel_batch\":[]}}")))
    @APIResponse(responseCode = "401", description = "no valid bearer token",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, examples = @ExampleObject(name = "401", value = ApiDocs.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "only admins export patient data",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, examples = @ExampleObject(name = "403", value = ApiDocs.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "no such patient",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, examples = @ExampleObject(name = "404", value = ApiDocs.NOT_FOUND)))
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export everything held about a patient (admin)",
            description = "One JSON document with every row of the patient, raw data included, by table. Large: "
                    + "a year of raw data at 50 Hz is several GB.")
    public Response export(@PathParam("patientId") UUID patientId) {
        data.requirePatient(patientId);
        StreamingOutput body = out -> data.export(patientId, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"osteon-patient-" + patientId + ".json\"")
                .build();
    }
}
