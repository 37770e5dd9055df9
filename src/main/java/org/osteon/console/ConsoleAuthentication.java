package org.osteon.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.osteon.auth.Roles;

/**
 * Signs in a console request by its session cookie, and only a console request: the API keeps
 * bearer tokens alone, so a cookie can never be used against it from another site. The identity it
 * makes is a physiotherapist's with the subject they signed in as, so the console reaches the data
 * through the same services and the same access rules as the API ({@code Caller},
 * {@code PatientAccess}). Its priority is below the bearer mechanism's, whose challenge answers an
 * API request without a token.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {
    /** The session cookie; scoped to the console's path. */
    static final String COOKIE = "osteon-console";
    /** The identity's attribute holding its {@link ConsoleSessions.Session}. */
    static final String SESSION = "osteon.console.session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || !(path.equals("/console") || path.startsWith("/console/"))) {
            return Uni.createFrom().nullItem();
        }
        // An unknown or expired session is no one: the page then shows how to sign in again.
        return identities
                .authenticate(new SessionRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // The console's pages answer a missing session themselves (a page that says how to sign in).
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }

    /** A session id from the cookie. */
    static final class SessionRequest extends BaseAuthenticationRequest {
        final String sessionId;

        SessionRequest(String sessionId) {
            this.sessionId = sessionId;
        }
    }

    /** Looks the session up (a database read, off the event loop); none, or an expired one, signs in no one. */
    @ApplicationScoped
    static class SessionIdentities implements IdentityProvider<SessionRequest> {
        private final ConsoleSessions sessions;

        SessionIdentities(ConsoleSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.find(request.sessionId)
                    .<SecurityIdentity>map(s -> QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(s.subject()))
                            .addRole(Roles.PHYSIO)
                            .addAttribute(SESSION, s)
                            .build())
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }
}
