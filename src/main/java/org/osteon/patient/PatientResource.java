package org.osteon.patient;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.common.ApiException;
import org.osteon.privacy.PatientDataService;
import org.osteon.patient.PatientDtos.NewPatient;
import org.osteon.patient.PatientDtos.PatientView;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientResource {
    private final PatientDataService data;

    public PatientResource(PatientDataService data) {
        this.data = data;
    }

    @POST
    @Transactional
    @Operation(summary = "Register a patient", description = "201 with the new patient and its Location.")
    public Response create(@Valid @NotNull NewPatient body, UriInfo uri) {
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.displayName = body.displayName().strip();
        p.timeZone = body.timeZone();
        p.bodyMassKg = body.bodyMassKg();
        p.createdAt = Instant.now();
        p.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                .entity(PatientView.of(p))
                .build();
    }

    @GET
    @Path("/{patientId}")
    @Operation(summary = "Read a patient")
    public PatientView get(@PathParam("patientId") UUID patientId) {
        return Patient.<Patient>findByIdOptional(patientId)
                .map(PatientView::of)
                .orElseThrow(() -> ApiException.notFound("patient", patientId));
    }

    @DELETE
    @Path("/{patientId}")
    @Operation(summary = "Erase a patient and all their data (admin)",
            description = "Deletes the patient, their devices (and the devices' broker access) and every row tied "
                    + "to them, raw data included. 204; 404 if there is no such patient; 503 if the broker could "
                    + "not be reached (nothing is erased then).")
    public Response erase(@PathParam("patientId") UUID patientId) {
        data.erase(patientId);
        return Response.noContent().build();
    }
}
