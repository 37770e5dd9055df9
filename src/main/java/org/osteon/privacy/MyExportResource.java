package org.osteon.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.osteon.patient.PatientAccess;

/** A patient's own export, for the app's "download my data": the right of access without a request to anyone. */
@Path("/api/v1/patients/me/export")
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer")
public class MyExportResource {
    private final ReadableExport readable;
    private final PatientAccess access;

    public MyExportResource(ReadableExport readable, PatientAccess access) {
        this.readable = readable;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.PATIENT)
    @Produces({MediaType.APPLICATION_JSON, ReadableExport.ZIP})
    @Operation(
            summary = "The calling patient's data, readable: JSON or a zip of CSV files",
            description = PatientExportResource.READABLE)
    @APIResponse(
            responseCode = "200",
            description = "the export, as a file to save",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReadableExport.Export.class),
                        examples = @ExampleObject(name = "200", value = PrivacyExamples.READABLE)),
                @Content(
                        mediaType = ReadableExport.ZIP,
                        examples = @ExampleObject(name = "200 format=csv", value = PrivacyExamples.ZIP))
            })
    @APIResponse(
            responseCode = "400",
            description = "format is neither json nor csv",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = PrivacyExamples.FORMAT_400)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only a patient has a data export of their own")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "the token's subject is no registered patient")
    public Response mine(
            @QueryParam("format")
                    @DefaultValue("json")
                    @Parameter(
                            description = PatientExportResource.FORMAT,
                            schema = @Schema(enumeration = {"json", "csv"}))
                    String format) {
        return readable.answer(access.me(null), format);
    }
}
