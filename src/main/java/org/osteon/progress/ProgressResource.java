package org.osteon.progress;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiProblem;

/**
 * Server-sent events of a patient's progress, for apps that show it live: each changed day with
 * its numbers and adherence, at most one event a second per stream, with ids to resume from.
 */
@Path("/api/v1/patients/{patientId}/events")
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
public class ProgressResource {
    private final ProgressStream stream;

    public ProgressResource(ProgressStream stream) {
        this.stream = stream;
    }

    /** Blocking: the access check reads the database; the stream itself then runs without a thread. */
    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Changes of the patient's days and adherence, as server-sent events",
            description = "event day: a day of the patient was scored again (new or late data); the event carries "
                    + "its row as GET /days answers it (day) and its adherence as GET /adherence answers it "
                    + "(adherence), up to dataThrough (the end of the latest sample or loading event included). "
                    + "event program: a new program version takes effect on date; adherence is that date's. "
                    + "At most one event a second: a day that changed several times meanwhile is sent once, with "
                    + "its latest numbers. Every event has an id; reconnecting with the Last-Event-ID header (as "
                    + "browsers' EventSource do) first sends every day and program change after it (up to 400 "
                    + "days), then goes on live. A physiotherapist unassigned from the patient gets nothing more: "
                    + "the stream ends at the next change.")
    @APIResponse(
            responseCode = "200",
            description = "the stream",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            examples = @ExampleObject(name = "200", value = ProgressExamples.EVENTS)))
    @APIResponse(
            responseCode = "400",
            description = "Last-Event-ID is not an id this stream sent",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "admins do not read clinical data")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Multi<OutboundSseEvent> events(
            @PathParam("patientId") UUID patientId,
            @HeaderParam("Last-Event-ID")
                    @Parameter(description = "the id of the last event received, to resume after it")
                    String lastEventId,
            @Context Sse sse) {
        return stream.open(patientId, lastEventId, sse);
    }
}
