package org.osteon.patient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.PatientAccess;
import org.osteon.auth.Roles;
import org.osteon.common.ApiException;
import org.osteon.patient.PatientDtos.NewPatient;
import org.osteon.patient.PatientDtos.PatientView;
import org.osteon.physio.CareAssignments;
import org.osteon.physio.Physiotherapist;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
@SecurityRequirement(name = "bearer")
public class PatientResource {
    private final PatientAccess access;
    private final CareAssignments assignments;

    public PatientResource(PatientAccess access, CareAssignments assignments) {
        this.access = access;
        this.assignments = assignments;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.PHYSIO})
    @Operation(summary = "Register a patient", description = "201 with the new patient and its Location. "
            + "A physiotherapist who registers a patient is assigned to them; 403 for a physiotherapist "
            + "who is not registered.")
    public Response create(@Valid @NotNull NewPatient body, UriInfo uri) {
        Optional<Physiotherapist> physio = access.physio();
        if (!access.isAdmin() && physio.isEmpty()) {
            throw new ApiException(403, "Forbidden", "no physiotherapist is registered with this token's subject", null);
        }
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.displayName = body.displayName().strip();
        p.timeZone = body.timeZone();
        p.bodyMassKg = body.bodyMassKg();
        p.createdAt = Instant.now();
        // Flushed now: the assignment is written with plain SQL and refers to the patient's row.
        p.persistAndFlush();
        physio.ifPresent(ph -> assignments.assign(ph.id, p.id));
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                .entity(PatientView.of(p))
                .build();
    }

    @GET
    @Path("/{patientId}")
    @RolesAllowed({Roles.ADMIN, Roles.PHYSIO, Roles.PATIENT})
    @Operation(summary = "Read a patient", description = "The patient themself, an assigned physiotherapist or an admin; "
            + "404 for anyone else, as for an unknown id.")
    public PatientView get(@PathParam("patientId") UUID patientId) {
        return PatientView.of(access.registry(patientId, "patient"));
    }
}
