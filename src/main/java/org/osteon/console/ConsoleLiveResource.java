package org.osteon.console;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.osteon.common.ApiException;
import org.osteon.progress.ProgressStream;

/**
 * The patient page's live updates: the API's own event stream of the patient's scored days and
 * program changes ({@code GET /api/v1/patients/{id}/events}, {@link ProgressStream}), opened with the console's session cookie
 * instead of a bearer token. The stream is the API's, so are its rules: another physiotherapist's
 * patient is not found, the read is audited, and a physiotherapist unassigned while watching gets
 * nothing more. The page's script ({@code /assets/live.js}) reloads the page's content on each event.
 */
@Path("/console/patients/{patientId}/events")
@Blocking
// Open to all: without a session the stream answers 401 itself.
@PermitAll
public class ConsoleLiveResource {
    private final ConsolePages pages;
    private final ProgressStream progress;

    public ConsoleLiveResource(ConsolePages pages, ProgressStream progress) {
        this.pages = pages;
        this.progress = progress;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> events(
            @PathParam("patientId") String patientId,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        if (pages.session().isEmpty()) {
            throw new ApiException(401, "Unauthorized", "no console session: sign in again", null);
        }
        return progress.open(ConsolePages.id("patient", patientId), lastEventId, sse);
    }
}
