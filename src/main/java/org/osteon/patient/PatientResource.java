package org.osteon.patient;

import jakarta.annotation.security.RolesAllowed;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiProblem;
import org.osteon.patient.PatientDtos.NewPatient;
import org.osteon.patient.PatientDtos.PatientView;
import org.osteon.physio.CareAssignments;
import org.osteon.physio.Physiotherapist;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class PatientResource {
    private final PatientAccess access;
    private final CareAssignments assignments;
    private final PatientErasure erasure;
    private final Clock clock;

    public PatientResource(PatientAccess access, CareAssignments assignments, PatientErasure erasure, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.assignments = assignments;
        this.erasure = erasure;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.PHYSIO})
    @Operation(
            summary = "Register a patient",
            description = "201 with the new patient and its Location. "
                    + "A physiotherapist who registers a patient is assigned to them; 403 for a physiotherapist "
                    + "who is not registered.")
    @APIResponse(
            responseCode = "201",
            description = "registered",
            content = @Content(examples = @ExampleObject(name = "201", value = PatientExamples.PATIENT)))
    @APIResponse(
            responseCode = "400",
            description = "a field is wrong, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(
            responseCode = "403",
            ref = "Forbidden",
            description = "patients do not register patients; the physiotherapist is not registered")
    public Response create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "patient",
                                                            value = PatientExamples.NEW_PATIENT)))
                    @Valid
                    @NotNull
                    NewPatient body,
            UriInfo uri) {
        Optional<Physiotherapist> physio = access.physio();
        if (!access.isAdmin() && physio.isEmpty()) {
            throw PatientAccess.notRegistered();
        }
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.displayName = body.displayName().strip();
        p.timeZone = body.timeZone();
        p.bodyMassKg = body.bodyMassKg();
        p.createdAt = Instant.now(clock);
        // Flushed now: the assignment is written with plain SQL and refers to the patient's row.
        p.persistAndFlush();
        physio.ifPresent(ph -> assignments.assign(ph.id, p.id));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                .entity(PatientView.of(p))
                .build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PATIENT)
    @Operation(
            summary = "Read the calling patient",
            description = "The patient whose token calls: an app learns its "
                    + "patient id here, for every other path under /api/v1/patients/{patientId}.")
    @APIResponse(
            responseCode = "200",
            description = "the patient",
            content = @Content(examples = @ExampleObject(name = "200", value = PatientExamples.PATIENT)))
    @APIResponse(responseCode = "404", ref = "NotFound", description = "the token's subject is no registered patient")
    public PatientView me() {
        return PatientView.of(access.me("patient"));
    }

    @GET
    @Path("/{patientId}")
    @RolesAllowed({Roles.ADMIN, Roles.PHYSIO, Roles.PATIENT})
    @Operation(
            summary = "Read a patient",
            description = "The patient themself, an assigned physiotherapist or an admin; "
                    + "404 for anyone else, as for an unknown id.")
    @APIResponse(
            responseCode = "200",
            description = "the patient",
            content = @Content(examples = @ExampleObject(name = "200", value = PatientExamples.PATIENT)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PatientView get(@PathParam("patientId") UUID patientId) {
        return PatientView.of(access.registry(patientId, "patient"));
    }

    @DELETE
    @Path("/{patientId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Erase a patient and all their data (admin)",
            description = "Deletes the patient, their devices (and the devices' broker access) and every row tied "
                    + "to them, raw data included. 204; 404 if there is no such patient; 503 if the broker could "
                    + "not be reached (nothing is erased then).")
    public Response erase(@PathParam("patientId") UUID patientId) {
        erasure.erase(patientId);
        return Response.noContent().build();
    }
}
