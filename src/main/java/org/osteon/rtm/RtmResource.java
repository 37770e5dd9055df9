package org.osteon.rtm;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiProblem;
import org.osteon.common.Csv;
import org.osteon.common.DateParam;
import org.osteon.patient.Patient;
import org.osteon.patient.PatientAccess;
import org.osteon.physio.Physiotherapist;
import org.osteon.rtm.RtmDtos.EpisodeEndRequest;
import org.osteon.rtm.RtmDtos.EpisodeRequest;
import org.osteon.rtm.RtmDtos.EpisodeView;
import org.osteon.rtm.RtmDtos.RtmEvidence;
import org.osteon.rtm.RtmDtos.TimeEntryRequest;
import org.osteon.rtm.RtmDtos.TimeEntryView;

/**
 * Remote therapeutic monitoring evidence (docs/rtm.md): the assigned physiotherapist starts
 * episodes and logs monitoring time; they, an admin (a clinic's billing office) and the patient
 * themself read the evidence, as JSON or with {@code Accept: text/csv} as a CSV file. Osteon reports
 * evidence; it does not bill.
 */
@Path("/api/v1/patients/{patientId}/rtm")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RTM evidence")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "404", ref = "NotFound", description = "no such patient, or not one of the caller's")
public class RtmResource {
    private final RtmService rtm;
    private final PatientAccess access;
    private final Clock clock;

    public RtmResource(RtmService rtm, PatientAccess access, Clock clock) {
        this.rtm = rtm;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.PATIENT, Roles.PHYSIO, Roles.ADMIN})
    @Operation(
            summary = "RTM evidence from..to: 30-day periods with their days of device data, monthly monitoring time",
            description = "The episodes overlapping from..to, each with its set-up (98975) and its 30-day periods "
                    + "overlapping from..to, whole: the dates with device data (a scored day with wear), their count "
                    + "and the device-supply code they support (98977 with 16-30 days, 98985 with 2-15). Then every "
                    + "calendar month (patient's zone) overlapping from..to: logged minutes, whether a live "
                    + "interaction was logged, and the treatment-management codes (98979 for 10-19 minutes, 98980 "
                    + "for the first 20, 98981 per further full 20; each needs a live interaction). A running "
                    + "period or month shows what it has so far. Thresholds as in the CY2026 Physician Fee "
                    + "Schedule final rule; Osteon reports evidence and does not bill. With Accept: text/csv, one "
                    + "CSV table (RFC 4180, UTF-8) of set-up, period, month and time-entry rows.")
    @APIResponse(
            responseCode = "200",
            description = "the evidence",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RtmEvidence.class),
                        examples = @ExampleObject(name = "200", value = RtmExamples.EVIDENCE)),
                @Content(
                        mediaType = Csv.MEDIA_TYPE,
                        examples = @ExampleObject(name = "200 text/csv", value = RtmExamples.EVIDENCE_CSV))
            })
    @APIResponse(
            responseCode = "400",
            description = "from or to malformed, reversed or too far apart; named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    public Response evidence(
            @PathParam("patientId") UUID patientId,
            @QueryParam("from")
                    @Parameter(
                            description = "first day, in the patient's time zone; defaults to the first of to's "
                                    + "month (or of the current month)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "last day, inclusive; defaults to the last of from's month (or of the "
                                    + "current month)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @Context HttpHeaders headers) {
        Patient p = access.registry(patientId, "rtm");
        LocalDate f = DateParam.optional("from", from), t = DateParam.optional("to", to);
        if (f == null) {
            f = (t == null ? YearMonth.from(RtmService.today(p, clock)) : YearMonth.from(t)).atDay(1);
        }
        if (t == null) {
            t = YearMonth.from(f).atEndOfMonth();
        }
        RtmEvidence evidence = rtm.evidence(p, f, t);
        if (Csv.wanted(headers)) {
            return Csv.download(RtmCsv.of(evidence), "osteon-" + p.id + "-rtm-" + f + "-" + t + ".csv");
        }
        return Response.ok(evidence, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/episodes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PHYSIO)
    @Operation(
            summary = "Start an RTM episode",
            description = "The assigned physiotherapist enrols the patient from start (not after today), to end "
                    + "when known. Its 30-day periods count from start. A patient's episodes never overlap (409).")
    @APIResponse(
            responseCode = "201",
            description = "started; Location is the evidence from its start",
            content = @Content(examples = @ExampleObject(name = "201", value = RtmExamples.EPISODE)))
    @APIResponse(
            responseCode = "400",
            description = "start missing or after today, end before start; named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(
            responseCode = "409",
            description = "overlaps an episode of the patient",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "409", value = ApiDocs.CONFLICT)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists start episodes")
    public Response startEpisode(
            @PathParam("patientId") UUID patientId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(name = "episode", value = RtmExamples.NEW_EPISODE)))
                    EpisodeRequest body,
            @Context UriInfo uri) {
        Physiotherapist physio = access.registeredPhysio();
        Patient p = access.change(patientId);
        EpisodeView e = rtm.startEpisode(p, body, physio);
        return Response.created(uri.getBaseUriBuilder()
                        .path("/api/v1/patients/{id}/rtm")
                        .queryParam("from", e.start())
                        .build(p.id))
                .entity(e)
                .build();
    }

    @POST
    @Path("/episodes/{episodeId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PHYSIO)
    @Operation(
            summary = "End an RTM episode",
            description = "The assigned physiotherapist ends a running episode on its last day (inclusive; not "
                    + "before its start, not after today). Refused with 409 when it already ended or when time was "
                    + "logged on a later day (delete those entries first). The last period is then cut short.")
    @APIResponse(
            responseCode = "200",
            description = "the episode, ended",
            content = @Content(examples = @ExampleObject(name = "200", value = RtmExamples.ENDED)))
    @APIResponse(
            responseCode = "400",
            description = "end is missing or out of bounds, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists end episodes")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(
            responseCode = "409",
            description = "already ended, or time logged after the end",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "409", value = ApiDocs.CONFLICT)))
    public EpisodeView end(
            @PathParam("patientId") UUID patientId,
            @PathParam("episodeId") UUID episodeId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "end", value = RtmExamples.END)))
                    EpisodeEndRequest body) {
        access.registeredPhysio();
        Patient p = access.change(patientId);
        return rtm.endEpisode(p, episodeId, body);
    }

    @POST
    @Path("/time")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PHYSIO)
    @Operation(
            summary = "Log monitoring time",
            description = "The assigned physiotherapist logs time spent on the patient's remote monitoring: start "
                    + "and end (end after start, at most 12 h later, not ahead of the service's clock by more than "
                    + "the allowed skew), the activity (one line of printable text, at most 200 characters) and "
                    + "whether it included a live interaction. The start must fall on a day of one of the "
                    + "patient's episodes. The entry counts for the calendar month its start falls in.")
    @APIResponse(
            responseCode = "201",
            description = "logged",
            content = @Content(examples = @ExampleObject(name = "201", value = RtmExamples.ENTRY)))
    @APIResponse(
            responseCode = "400",
            description = "a field is missing or wrong, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists log time")
    public Response log(
            @PathParam("patientId") UUID patientId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "entry", value = RtmExamples.NEW_ENTRY)))
                    TimeEntryRequest body,
            @Context UriInfo uri) {
        Physiotherapist physio = access.registeredPhysio();
        Patient p = access.change(patientId);
        TimeEntryView e = rtm.log(p, body, physio);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(e.id().toString()).build())
                .entity(e)
                .build();
    }

    @DELETE
    @Path("/time/{entryId}")
    @RolesAllowed(Roles.PHYSIO)
    @Operation(
            summary = "Delete a time entry logged in error",
            description = "The assigned physiotherapist deletes an entry; the deletion is audited with the entry's "
                    + "times (not its activity). A correction is a new entry.")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "only physiotherapists delete time")
    public void delete(@PathParam("patientId") UUID patientId, @PathParam("entryId") UUID entryId) {
        access.registeredPhysio();
        rtm.delete(access.change(patientId), entryId);
    }
}
