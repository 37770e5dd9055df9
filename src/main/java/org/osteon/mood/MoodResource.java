package org.osteon.mood;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Caller;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.mood.MoodDtos.ResponseView;
import org.osteon.mood.MoodDtos.Submission;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;

/**
 * Patient-reported mood over REST: a patient's app submitting a response (scored here, never by the app), and the responses read back by the patient and their
 * physiotherapist (docs/mood.md).
 */
@Path("/api/v1/patients/{patientId}/questionnaire-responses")
@Tag(name = "Mood")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MoodResource {
    /** The longest history read at once. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final MoodService mood;
    private final PatientAccess access;
    private final Caller caller;
    private final Clock clock;

    public MoodResource(MoodService mood, PatientAccess access, Caller caller, Clock clock) {
        this.mood = mood;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @Path("/{responseId}")
    @RolesAllowed(Roles.PATIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit the patient's answers to a questionnaire",
            description = "The app chooses the response id (a UUID): sending the same submission again answers 200 "
                    + "with the same result and stores nothing; another submission under that id is refused (409). "
                    + "Osteon scores it (total, band, positive screen) and answers what to do next: offer names the "
                    + "questionnaire to offer now (the PHQ-9 after a positive PHQ-2); safety, present after any "
                    + "answer above 0 to PHQ-9 item 9, holds what the app must show the patient at once. Such an "
                    + "answer alerts the patient's physiotherapist at once, whatever the total.")
    @APIResponse(
            responseCode = "201",
            description = "stored and scored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "201", value = MoodExamples.SUBMITTED),
                                @ExampleObject(
                                        name = "201 item 9 above 0",
                                        summary = "show safety.text to the patient at once",
                                        value = MoodExamples.SUBMITTED_SAFETY)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "the same submission was stored before",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "200", value = MoodExamples.SUBMITTED)))
    @APIResponse(
            responseCode = "400",
            description = "a field is wrong, named in errors (an answer by its position and item)",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only the patient submits their answers")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(
            responseCode = "409",
            description = "the response id holds another response",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "409", value = ApiDocs.CONFLICT)))
    public Response submit(
            @PathParam("patientId") UUID patientId,
            @PathParam("responseId") UUID responseId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "phq-9", value = MoodExamples.SUBMISSION)))
                    Submission body) {
        if (body == null) {
            throw ApiException.badField("body", "required: questionnaire, answers and answeredAt");
        }
        Patient p = access.clinical(patientId, "questionnaire-response");
        if (caller.patientId().filter(patientId::equals).isEmpty()) {
            throw new ApiException(403, "Forbidden", "only the patient submits their own answers", null);
        }
        MoodService.Outcome o = mood.submit(p, responseId, body, caller.subject());
        return Response.status(o.created() ? 201 : 200).entity(o.submitted()).build();
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
    @Operation(
            summary = "The patient's questionnaire responses, scored, oldest first",
            description = "Answered from (inclusive) to (exclusive); by default the last 90 days. The patient reads "
                    + "their own; their physiotherapist reads them, and the read is audited.")
    @APIResponse(
            responseCode = "200",
            description = "the responses",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "200", value = MoodExamples.HISTORY)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<ResponseView> history(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from") @Parameter(description = "ISO-8601 instant") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant") String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(90)) : instant("from", from);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badField("from", "must lie before to, at most 366 days before it");
        }
        Patient p = access.clinical(patientId, "questionnaire-responses");
        return mood.history(p, start, end);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(
                    field,
                    "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, was '"
                            + org.osteon.common.Text.printable(value, 40) + "'");
        }
    }
}
