package org.osteon.console;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.osteon.common.Text;
import org.osteon.console.ConsoleOidc.Verdict;
import org.osteon.console.ConsoleSessions.Session;
import org.osteon.physio.Physiotherapist;

/**
 * Console sign-in with the clinic's identity provider: {@code /console/oidc/sign-in} sends the
 * browser to the provider, {@code /console/oidc/callback} takes it back, and a subject the provider
 * vouched for that is a registered physiotherapist gets a console session exactly as a sign-in
 * link gives one ({@link ConsoleSessions#start}, the same cookie). Anything else gets a page that
 * says why, and no session. Osteon stores no password. Both answer 404 while the console's
 * client id is not configured.
 */
@Path("/console/oidc")
// Pages for a browser, not the API: left out of the OpenAPI document.
@Blocking
// Open to all: this is how one signs in.
@PermitAll
public class ConsoleOidcResource {
    private static final Logger LOG = Logger.getLogger(ConsoleOidcResource.class);

    /** The flow's cookie: state, nonce and PKCE verifier, for the callback of this browser only. */
    static final String FLOW_COOKIE = "osteon-console-oidc";

    private static final String CALLBACK = "/console/oidc/callback";

    private final ConsoleOidc oidc;
    private final ConsoleOidcConfig config;
    private final ConsoleSessions sessions;
    private final ConsolePages pages;

    public ConsoleOidcResource(
            ConsoleOidc oidc, ConsoleOidcConfig config, ConsoleSessions sessions, ConsolePages pages) {
        this.oidc = oidc;
        this.config = config;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@Context UriInfo uri) {
        if (!oidc.enabled()) {
            return pages.signedOut(404, "signed-out");
        }
        ConsoleOidc.Flow flow = oidc.start();
        URI provider;
        try {
            provider = oidc.authorizationUri(flow, callback(uri));
        } catch (IOException e) {
            LOG.warnf(
                    "Console sign-in: the identity provider's discovery document could not be read: %s",
                    Text.printable(e.getMessage(), 200));
            return pages.signedOut(503, "oidc-unavailable");
        }
        return Response.seeOther(provider)
                .cookie(flowCookie(flow.cookieValue(), (int) ConsoleOidc.FLOW_LIFETIME.toSeconds(), uri))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/callback")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response callback(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @CookieParam(FLOW_COOKIE) String flowCookie,
            @Context UriInfo uri) {
        if (!oidc.enabled()) {
            return pages.signedOut(404, "signed-out");
        }
        NewCookie spent = flowCookie("", 0, uri);
        if (error != null) {
            // access_denied and the like: the provider said no, or the user cancelled there.
            return refused(403, "oidc-error", spent);
        }
        Verdict verdict = oidc.finish(ConsoleOidc.Flow.parse(flowCookie), state, code, callback(uri));
        if (verdict instanceof Verdict.Refused r) {
            return refused(r.reason().equals("state") ? 400 : 401, "oidc-" + r.reason(), spent);
        }
        String subject = ((Verdict.Verified) verdict).subject();
        if (Physiotherapist.findBySubject(subject).isEmpty()) {
            LOG.infof(
                    "Console sign-in refused: subject %s is no registered physiotherapist",
                    Text.printable(subject, 100));
            return refused(403, "oidc-unregistered", spent);
        }
        Session session = sessions.start(subject);
        return Response.seeOther(URI.create("/console"))
                .cookie(
                        ConsoleResource.cookie(session.id(), (int) ConsoleSessions.SESSION_LIFETIME.toSeconds(), uri),
                        spent)
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response refused(int status, String reason, NewCookie spent) {
        Response page = pages.signedOut(status, reason);
        return Response.fromResponse(page).cookie(spent).build();
    }

    /** The callback's address, as registered with the provider. */
    private String callback(UriInfo uri) {
        String base = config.redirectBase()
                .filter(b -> !b.isBlank())
                .orElseGet(() -> uri.getBaseUri().toString())
                .replaceAll("/+$", "");
        return base + CALLBACK;
    }

    /** Like the session's cookie (HttpOnly, SameSite=Lax, Secure off this machine), on the flow's path alone. */
    private static NewCookie flowCookie(String value, int maxAge, UriInfo uri) {
        NewCookie session = ConsoleResource.cookie(value, maxAge, uri);
        return new NewCookie.Builder(FLOW_COOKIE)
                .value(value)
                .path("/console/oidc")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(session.isSecure())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
