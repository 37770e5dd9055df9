package org.osteon.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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
import org.osteon.patient.PatientAccess;

@Path("/api/v1/patients/{patientId}/export")
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer")
public class PatientExportResource {
    private final PatientDataService data;
    private final ReadableExport readable;
    private final PatientAccess access;

    public PatientExportResource(PatientDataService data, ReadableExport readable, PatientAccess access) {
        this.data = data;
        this.readable = readable;
        this.access = access;
    }

    @GET
    @Path("/readable")
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, ReadableExport.ZIP})
    @Operation(
            summary = "A patient's data, readable: JSON or a zip of CSV files",
            description = READABLE + " For the patient themself, an assigned physiotherapist (audited as a read of "
                    + "the patient's data) or an admin; 404 for anyone else, as for an unknown id.")
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
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response readable(
            @PathParam("patientId") UUID patientId,
            @QueryParam("format")
                    @DefaultValue("json")
                    @Parameter(description = FORMAT, schema = @Schema(enumeration = {"json", "csv"}))
                    String format) {
        return readable.answer(access.registry(patientId, "export"), format);
    }

    static final String READABLE =
            "Everything the API shows about the patient, in full: profile, devices, every scored "
                    + "day, weekly adherence from the first day or program version on, every program version with its reason "
                    + "and dates, and every alert. No raw samples. format=json (default): one JSON document; format=csv: a zip "
                    + "of README.txt, profile.csv, devices.csv, days.csv, weekly_adherence.csv, program_versions.csv and "
                    + "alerts.csv, each CSV as the days and adherence endpoints write it (RFC 4180, UTF-8).";
    static final String FORMAT = "json (default) or csv (a zip of one CSV file per section)";

    @GET
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "every row held about the patient, by table",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "200", value = PrivacyExamples.TABLES)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only admins export patient data")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "no such patient")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Export everything held about a patient (admin)",
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
