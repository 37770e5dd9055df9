package org.osteon.program;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.common.Page;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.program.ProgramDtos.ProgramChange;
import org.osteon.program.ProgramDtos.ProgramChangeResult;
import org.osteon.program.ProgramDtos.ProgramEdit;
import org.osteon.program.ProgramDtos.ProgramVersionView;
import org.osteon.program.ProgramDtos.ProgramView;

@Path("/api/v1/patients/{patientId}/program")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "404", ref = "NotFound")
public class ProgramResource {
    private final ProgramService programs;
    private final PatientAccess access;

    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final jakarta.validation.Validator validator;

    public ProgramResource(
            ProgramService programs,
            PatientAccess access,
            com.fasterxml.jackson.databind.ObjectMapper json,
            jakarta.validation.Validator validator) {
        this.json = json;
        this.validator = validator;
        this.programs = programs;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Operation(
            summary = "The program in force today, with today's targets after progression",
            description = "inForce is null while the first version has not taken effect yet; upcoming names the next "
                    + "scheduled version. 404 when the patient has no program.")
    @APIResponse(
            responseCode = "200",
            description = "the program",
            content = @Content(examples = @ExampleObject(name = "200", value = ProgramExamples.CURRENT)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    public ProgramView get(@PathParam("patientId") UUID patientId) {
        Patient p = access.clinical(patientId, "program");
        return programs.current(p)
                .orElseThrow(
                        () -> new ApiException(404, "Not Found", "patient '" + patientId + "' has no program", null));
    }

    @PUT
    @RolesAllowed(Roles.PHYSIO)
    @Operation(
            summary = "Prescribe or adjust the program",
            description = "Replaces the whole program: adds a version with exactly the components given, or a "
                    + "template's; a component or a field left out (a progression, a cap) is not in the new version. "
                    + "To change one component and keep the rest, use PATCH. Nothing is edited in place. The version "
                    + "takes effect on effectiveFrom (default today in the patient's time zone), never in the past "
                    + "(a patient's first program may start up to 28 days back).")
    @APIResponse(responseCode = "204", description = "the version was added; Location names it")
    @APIResponse(
            responseCode = "400",
            description = "a field is wrong, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists change programs")
    public Response put(
            @PathParam("patientId") UUID patientId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = {
                                                @ExampleObject(
                                                        name = "components",
                                                        summary = "one component of each kind",
                                                        value = ProgramExamples.CHANGE_COMPONENTS),
                                                @ExampleObject(
                                                        name = "template",
                                                        summary = "a template's components, as they are",
                                                        value = ProgramExamples.CHANGE_TEMPLATE)
                                            }))
                    @Valid
                    @NotNull
                    ProgramChange body,
            UriInfo uri) {
        Patient p = access.change(patientId);
        ProgramVersionView v = programs.change(p, body);
        return Response.noContent()
                .location(uri.getAbsolutePathBuilder()
                        .path("versions")
                        .path(Integer.toString(v.version()))
                        .build())
                .build();
    }

    @PATCH
    @RolesAllowed(Roles.PHYSIO)
    @Operation(
            summary = "Change some components and keep the rest",
            description = "Adds a version from the one in force on effectiveFrom (default today) with the edits "
                    + "applied: each entry of set names a component by kind and gives only the fields to change "
                    + "(null removes a field, a nested object such as progression is merged; a kind the program "
                    + "lacks is added as given); remove drops components by kind. Every other component and field "
                    + "is kept. The answer is the new version and what it changed, field by field.")
    @APIResponse(
            responseCode = "200",
            description = "the version added and its changes",
            content = @Content(examples = @ExampleObject(name = "200", value = ProgramExamples.EDIT_RESULT)))
    @APIResponse(
            responseCode = "400",
            description = "a field is wrong, named in errors; or no program to edit",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists change programs")
    public Response patch(
            @PathParam("patientId") UUID patientId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "edit",
                                                            summary =
                                                                    "raise the daily jumps, keep the cap and progression",
                                                            value = ProgramExamples.EDIT)))
                    @Valid
                    @NotNull
                    ProgramEdit body,
            UriInfo uri) {
        Patient p = access.change(patientId);
        ProgramChangeResult r = programs.edit(p, body, json, validator);
        return Response.ok(r)
                .location(uri.getAbsolutePathBuilder()
                        .path("versions")
                        .path(Integer.toString(r.version().version()))
                        .build())
                .build();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Operation(summary = "Every version of the program, newest first, with author, reason and effective date")
    @APIResponse(
            responseCode = "200",
            description = "a page of versions",
            content = @Content(examples = @ExampleObject(name = "200", value = ProgramExamples.VERSIONS)))
    @APIResponse(
            responseCode = "400",
            description = "page or size out of range",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    public Page<ProgramVersionView> versions(
            @PathParam("patientId") UUID patientId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size);
        return programs.versions(access.clinical(patientId, "program.versions"), page, size);
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Operation(summary = "One version of the program")
    @APIResponse(
            responseCode = "200",
            description = "the version",
            content = @Content(examples = @ExampleObject(name = "200", value = ProgramExamples.VERSION)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    public ProgramVersionView version(@PathParam("patientId") UUID patientId, @PathParam("version") int version) {
        Patient p = access.clinical(patientId, "program.versions");
        return programs.version(p, version).orElseThrow(() -> ApiException.notFound("program version", version));
    }
}
