package org.osteon.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.patient.PatientAccess;
import org.osteon.physio.Physiotherapist;

/**
 * Gives a registered physiotherapist, holding an API token, a one-time link that signs a browser
 * into the console: how {@code ./osteon run} opens the console for the demo physiotherapist, and
 * how a clinic's own tooling can. The link is the only thing handed out; it works once, for ten
 * minutes.
 */
@Path("/api/v1/console/sign-in-links")
@Tag(name = "Console")
@SecurityRequirement(name = "bearer")
public class SignInLinkResource {
    private final PatientAccess access;
    private final ConsoleSessions sessions;

    public SignInLinkResource(PatientAccess access, ConsoleSessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    /** The link's path on this service, and when it stops working. */
    public record SignInLink(String path, Instant expiresAt) {}

    @POST
    @RolesAllowed(Roles.PHYSIO)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A one-time console sign-in link for the calling physiotherapist")
    @APIResponse(
            responseCode = "200",
            description = "open the path on this service in a browser within ten minutes",
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "200",
                                            value = "{\"path\":\"/console/sign-in/Xq3…\","
                                                    + "\"expiresAt\":\"2026-03-02T09:10:00Z\"}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "not a registered physiotherapist")
    public SignInLink create() {
        Physiotherapist me = access.registeredPhysio();
        ConsoleSessions.Link link = sessions.newLink(me.subject);
        return new SignInLink("/console/sign-in/" + link.code(), link.expiresAt());
    }
}
