package org.osteon.interop;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.osteon.auth.Roles;
import org.osteon.common.ApiException;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;

/**
 * FHIR search over a patient's Observations (docs/interop.md, "FHIR search"): the export's
 * Observations over the days the search needs, filtered by {@link FhirSearch}. A FHIR client gets
 * its errors as FHIR does, an {@code OperationOutcome} naming the parameter, rather than the
 * project's problem document: the two carry the same message.
 */
@Path("/fhir/Observation")
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
public class FhirSearchResource {
    private final FhirSource source;
    private final PatientAccess access;

    public FhirSearchResource(FhirSource source, PatientAccess access) {
        this.source = source;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Produces({FhirResource.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Search a patient's Observations (FHIR R4 search)",
            description = "A Bundle of type searchset of the Observations the FHIR export gives (daily, weekly and "
                    + "questionnaire totals) that match: patient (required; Patient/<id> or the id), category and "
                    + "code (tokens system|code, |code or code; comma = OR), date (eq, ge, le, gt, lt; repeat for a "
                    + "range; without a zone the patient's), status, _id. Without a date bound, the last "
                    + "osteon.interop.search-default-days days up to today; the days read, widened to whole weeks, "
                    + "may span at most osteon.adherence.max-range-days. Devices the matches name come as "
                    + "search.mode include. Errors are FHIR OperationOutcomes naming the parameter.")
    @Parameter(name = "patient", in = ParameterIn.QUERY, required = true, description = "Patient/<id> or the id")
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "token, e.g. activity or survey")
    @Parameter(name = "code", in = ParameterIn.QUERY, description = "token(s), e.g. http://loinc.org|41950-7")
    @Parameter(name = "date", in = ParameterIn.QUERY, description = "e.g. ge2026-11-01; repeat for a range")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "e.g. final")
    @Parameter(name = "_id", in = ParameterIn.QUERY, description = "Observation id(s)")
    @APIResponse(
            responseCode = "200",
            description = "the searchset Bundle",
            content =
                    @Content(
                            mediaType = FhirResource.FHIR_JSON,
                            examples = @ExampleObject(name = "200", value = FhirExamples.SEARCHSET)))
    @APIResponse(
            responseCode = "400",
            description = "an unknown parameter or a bad value, named in the OperationOutcome's expression",
            content =
                    @Content(
                            mediaType = FhirResource.FHIR_JSON,
                            examples = @ExampleObject(name = "400", value = FhirExamples.OUTCOME_400)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    @APIResponse(
            responseCode = "404",
            description = "no such patient, or not the caller's, as an OperationOutcome",
            content = @Content(mediaType = FhirResource.FHIR_JSON))
    public Response search(@Context UriInfo uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(uri.getQueryParameters(true));
        try {
            // Unknown parameters and malformed values are refused before the patient is read.
            FhirSearch.patient(parameters.get("patient"));
            FhirSearch.parse(parameters, ZoneId.of("UTC"));
            Patient p = access.clinical(FhirSearch.patient(parameters.get("patient")), "fhir");
            ZoneId zone = ZoneId.of(p.timeZone);
            FhirSearch.Query q = FhirSearch.parse(parameters, zone);
            LocalDate[] days = q.days(zone, source.today(p), source.searchDefaultDays(), source.maxRangeDays());
            Bundle export = days == null ? new Bundle() : source.export(p, days[0], days[1]);
            Bundle result =
                    FhirSearch.searchset(export, q, zone, uri.getRequestUri().toString());
            return fhir(200, result);
        } catch (FhirSearch.BadParameter e) {
            return fhir(400, outcome(OperationOutcome.IssueType.INVALID, e.getMessage(), e.parameter()));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return fhir(404, outcome(OperationOutcome.IssueType.NOTFOUND, "patient: " + e.getMessage(), "patient"));
        }
    }

    private static OperationOutcome outcome(OperationOutcome.IssueType type, String message, String parameter) {
        OperationOutcome o = new OperationOutcome();
        o.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(message)
                .setExpression(List.of(new StringType(parameter)));
        return o;
    }

    private static Response fhir(int status, org.hl7.fhir.r4.model.Resource r) {
        return Response.status(status)
                .type(FhirResource.FHIR_JSON)
                .entity(FhirResource.FHIR.newJsonParser().encodeResourceToString(r))
                .build();
    }
}
