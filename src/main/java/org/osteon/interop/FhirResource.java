package org.osteon.interop;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiProblem;
import org.osteon.common.DateParam;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;

/** A patient's days and questionnaire totals as a FHIR R4 Bundle, for EHRs and research platforms that read FHIR. */
@Path("/api/v1/patients/{patientId}/fhir")
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
public class FhirResource {
    /** FHIR's JSON media type; plain JSON is answered the same. */
    public static final String FHIR_JSON = "application/fhir+json";
    /** Days given when no range is asked for: today and the 29 before, as the Open mHealth export. */
    static final int DEFAULT_DAYS = OmhResource.DEFAULT_DAYS;

    /** HAPI's context is costly to build and thread-safe once built: one for the application. */
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private final FhirSource source;
    private final PatientAccess access;

    public FhirResource(FhirSource source, PatientAccess access) {
        this.source = source;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Days and questionnaire totals as a FHIR R4 Bundle",
            description = "A Bundle of type collection: per valid day (at least osteon.adherence.min-wear-hours of "
                    + "wear) one Observation per metric the day has, as the HL7 Physical Activity IG (STU1) base "
                    + "profile asks: steps (LOINC 41950-7, /d), MVPA minutes (LOINC 68516-4, min/d), and, in "
                    + "Osteon's CodeSystem " + FhirExport.OSTEON_SYSTEM + ", impact peaks at each counted "
                    + "threshold, osteogenic index and daily stress stimulus; each with status final, categories "
                    + "activity and PhysicalActivity, the patient as subject and performer, the local date as "
                    + "effectiveDateTime, a UCUM valueQuantity, the device and the day's wear as the "
                    + "DeviceActivePercentage component. PHQ-9 (44261-6) and PHQ-2 (55758-7) totals answered in the "
                    + "days come as survey Observations; the devices named as Device entries. Each complete week "
                    + "(Monday to Sunday, wholly in the range, ended) with at least osteon.interop.week-min-valid-days "
                    + "valid days adds weekly MVPA (LOINC 82290-8, min/wk, the valid days' sum, not scaled up) and "
                    + "strength days (82291-6, d/wk), each with its number of valid days. Observation ids are "
                    + "stable for a patient, day and metric. By default today and the 29 days before.")
    @APIResponse(
            responseCode = "200",
            description = "the Bundle",
            content = {
                @Content(mediaType = FHIR_JSON, examples = @ExampleObject(name = "200", value = FhirExamples.BUNDLE)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        examples = @ExampleObject(name = "200", value = FhirExamples.BUNDLE))
            })
    @APIResponse(
            responseCode = "400",
            description = "a malformed date or a range out of bounds, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = FhirExamples.FROM_400)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public String bundle(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from") @Parameter(description = "first day (a date); default 29 days before to") String from,
            @QueryParam("to") @Parameter(description = "last day, inclusive; default today") String to) {
        Patient p = access.clinical(patientId, "fhir");
        LocalDate asked = DateParam.optional("to", to);
        LocalDate end = asked != null ? asked : source.today(p);
        LocalDate askedFrom = DateParam.optional("from", from);
        LocalDate start = askedFrom != null ? askedFrom : end.minusDays(DEFAULT_DAYS - 1L);
        return FHIR.newJsonParser().encodeResourceToString(source.export(p, start, end));
    }
}
