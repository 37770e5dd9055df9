package org.osteon.engine;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.osteon.auth.PatientAccess;
import org.osteon.auth.Roles;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiProblem;
import org.osteon.engine.DayChanges.Change;

/** Server-sent events of a patient's progress, for apps that show it live. */
@Path("/api/v1/patients/{patientId}/events")
@Tag(name = "Days and adherence")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PATIENT, Roles.PHYSIO})
public class ProgressResource {
    private final DayChanges changes;
    private final PatientAccess access;

    public ProgressResource(DayChanges changes, PatientAccess access) {
        this.changes = changes;
        this.access = access;
    }

    /** Blocking: the access check reads the database; the stream itself then runs without a thread. */
    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes of the patient's days and adherence, as server-sent events",
            description = "kind day: a day of the patient was scored again (new or late data); its results and "
                    + "adherence (GET /days, /adherence) now reflect it, up to dataThrough (the end of the latest sample or loading "
                    + "event they include). kind program: a new program version takes "
                    + "effect on date; adherence from then on follows it. Only changes from the moment of "
                    + "subscribing; after a reconnect, read the days again. A physiotherapist unassigned from "
                    + "the patient gets nothing more: the stream ends at the next change.")
    @APIResponse(responseCode = "200", description = "the stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            examples = @ExampleObject(name = "200", value = "data:{\"patientId\":\"5f0c2b1e-…\",\"kind\":\"day\",\"date\":\"2026-03-02\",\"dataThrough\":\"2026-03-02T10:15:31Z\"}")))
    @APIResponse(responseCode = "401", description = "no valid bearer token",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, examples = @ExampleObject(name = "401", value = ApiDocs.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "admins do not read clinical data",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, examples = @ExampleObject(name = "403", value = ApiDocs.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "no such patient, or not one of the caller's",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, examples = @ExampleObject(name = "404", value = ApiDocs.NOT_FOUND)))
    public Multi<Change> events(@PathParam("patientId") UUID patientId) {
        access.clinical(patientId, "events");
        BooleanSupplier stillAllowed = access.stillClinical(patientId);
        // Access is checked again for every change, off the thread that fans changes out (a query):
        // the stream ends at the first change after the caller lost access, and sends nothing more.
        return changes.of(patientId).emitOn(Infrastructure.getDefaultWorkerPool())
                .select().first(change -> stillAllowed.getAsBoolean());
    }
}
