package org.osteon.physio;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.Page;
import org.osteon.common.Text;
import org.osteon.physio.PhysioDtos.NewPhysiotherapist;
import org.osteon.physio.PhysioDtos.PhysiotherapistView;

/** Admins register physiotherapists and assign patients to them. */
@Path("/api/v1/physiotherapists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Physiotherapists")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "only admins manage physiotherapists")
public class PhysiotherapistResource {
    private final CareAssignments assignments;
    private final Clock clock;

    public PhysiotherapistResource(CareAssignments assignments, Clock clock) {
        this.clock = clock;
        this.assignments = assignments;
    }

    @POST
    @Transactional
    @Operation(summary = "Register a physiotherapist")
    @APIResponse(
            responseCode = "201",
            description = "registered",
            content =
                    @Content(examples = @ExampleObject(name = "201", value = PhysiotherapistExamples.PHYSIOTHERAPIST)))
    @APIResponse(
            responseCode = "400",
            description = "a field is wrong, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(
            responseCode = "409",
            description = "the subject is already registered",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "409", value = ApiDocs.CONFLICT)))
    public Response create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "physiotherapist",
                                                            value = PhysiotherapistExamples.NEW_PHYSIOTHERAPIST)))
                    @Valid
                    @NotNull
                    NewPhysiotherapist body,
            UriInfo uri) {
        if (Physiotherapist.findBySubject(body.subject()).isPresent()) {
            throw ApiException.conflict("subject", "subject '" + body.subject() + "' is already registered");
        }
        Physiotherapist p = new Physiotherapist();
        p.id = UUID.randomUUID();
        p.subject = body.subject();
        p.displayName = body.displayName().strip();
        p.createdAt = Instant.now(clock);
        p.persist();
        return Response.created(
                        uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                .entity(PhysiotherapistView.of(p))
                .build();
    }

    @GET
    @Operation(summary = "Physiotherapists, by name")
    @APIResponse(
            responseCode = "200",
            description = "a page",
            content = @Content(examples = @ExampleObject(name = "200", value = PhysiotherapistExamples.PAGE)))
    public Page<PhysiotherapistView> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        List<PhysiotherapistView> items = Physiotherapist.<Physiotherapist>findAll(
                        io.quarkus.panache.common.Sort.by("displayName").and("id"))
                .page(page, size)
                .stream()
                .map(PhysiotherapistView::of)
                .toList();
        return new Page<>(items, page, size, Physiotherapist.count());
    }

    @GET
    @Path("/{physioId}")
    @Operation(summary = "One physiotherapist")
    @APIResponse(
            responseCode = "200",
            description = "found",
            content =
                    @Content(examples = @ExampleObject(name = "200", value = PhysiotherapistExamples.PHYSIOTHERAPIST)))
    @APIResponse(responseCode = "404", ref = "NotFound", description = "unknown id")
    public PhysiotherapistView get(@PathParam("physioId") @Parameter(description = ID_OR_SUBJECT) String physioId) {
        return PhysiotherapistView.of(physio(physioId));
    }

    @PUT
    @Path("/{physioId}/patients/{patientId}")
    @Transactional
    @Operation(summary = "Assign a patient to a physiotherapist", description = "Idempotent.")
    @APIResponse(responseCode = "204", description = "assigned")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "unknown physiotherapist or patient")
    public void assign(
            @PathParam("physioId") @Parameter(description = ID_OR_SUBJECT) String physioId,
            @PathParam("patientId") UUID patientId) {
        Physiotherapist physio = physio(physioId);
        if (!assignments.patientExists(patientId)) {
            throw ApiException.notFound("patient", patientId);
        }
        assignments.assign(physio.id, patientId);
    }

    @DELETE
    @Path("/{physioId}/patients/{patientId}")
    @Transactional
    @Operation(summary = "End an assignment")
    @APIResponse(responseCode = "204", description = "the assignment is gone")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "there was no such assignment")
    public void unassign(
            @PathParam("physioId") @Parameter(description = ID_OR_SUBJECT) String physioId,
            @PathParam("patientId") UUID patientId) {
        Physiotherapist physio = physio(physioId);
        if (!assignments.unassign(physio.id, patientId)) {
            throw ApiException.notFound("assignment", physio.id + "/" + patientId);
        }
    }

    static final String ID_OR_SUBJECT = "the physiotherapist's id, or the subject they were registered with";

    /** By id when the value is one, else by subject: an admin knows a physiotherapist by either. */
    private static Physiotherapist physio(String idOrSubject) {
        Optional<Physiotherapist> found;
        try {
            found = Physiotherapist.findByIdOptional(UUID.fromString(idOrSubject));
        } catch (IllegalArgumentException notAnId) {
            found = Physiotherapist.findBySubject(idOrSubject);
        }
        return found.orElseThrow(() -> new ApiException(
                404,
                "Not Found",
                "no physiotherapist has the id or subject '" + Text.printable(idOrSubject, 64) + "'",
                null));
    }
}
