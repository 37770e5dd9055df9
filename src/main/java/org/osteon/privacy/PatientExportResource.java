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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/patients/{patientId}/export")
@Tag(name = "Privacy")
public class PatientExportResource {
    private final PatientDataService data;

    public PatientExportResource(PatientDataService data) {
        this.data = data;
    }

    @GET
    @jakarta.annotation.security.RolesAllowed(org.osteon.auth.Roles.ADMIN)
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
