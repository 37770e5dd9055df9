package org.osteon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.osteon.auth.Roles;
import org.osteon.common.ApiException;
import org.osteon.console.ConsoleSessions.Session;
import org.osteon.patient.PatientAccess;

/**
 * What every console page shares: the signed-in session, the physiotherapist's name for the
 * header, the response headers of a page, and the two refusals (no session: 401 with how to sign
 * in; a form without the session's token: 403, nothing changed). Each console resource answers
 * through {@link #signedIn} for a page and {@link #form} for a form, so none can forget either.
 */
@ApplicationScoped
public class ConsolePages {
    /**
     * Scripts, styles and forms from this service only, no inline script, no framing; no referrer,
     * so that no page's address leaves with a link followed from it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final SecurityIdentity identity;
    private final PatientAccess access;
    private final Template signedOut;
    private final Template notFound;
    private final ConsoleOidc oidc;

    public ConsolePages(
            SecurityIdentity identity,
            PatientAccess access,
            @Location("console/signed-out.html") Template signedOut,
            @Location("console/not-found.html") Template notFound,
            ConsoleOidc oidc) {
        this.identity = identity;
        this.access = access;
        this.signedOut = signedOut;
        this.notFound = notFound;
        this.oidc = oidc;
    }

    /** The console session of this request, if it carries one that is still open. */
    Optional<Session> session() {
        if (identity.isAnonymous() || !identity.hasRole(Roles.PHYSIO)) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(ConsoleAuthentication.SESSION));
    }

    /** The signed-in physiotherapist's name, as the header shows it. */
    String who(Session session) {
        return access.physio().map(p -> p.displayName).orElse(session.subject());
    }

    /** A page for a signed-in physiotherapist, or the sign-in page (401) without a session. */
    Response signedIn(Function<Session, Response> page) {
        Optional<Session> session = session();
        return session.isEmpty() ? signedOut(401, "signed-out") : page.apply(session.get());
    }

    /**
     * A form's answer: the sign-in page (401) without a session, the refusal (403) when the form
     * does not carry this session's token; only then does {@code action} run.
     */
    Response form(String csrf, Function<Session, Response> action) {
        return signedIn(
                session -> ConsoleSessions.csrfMatches(session, csrf) ? action.apply(session) : signedOut(403, "csrf"));
    }

    /**
     * What {@code lookup} finds, shown by {@code page}; the not-found page (404) when the lookup
     * answers 404: a malformed id in the address ({@link #id}, {@link #date}), and a patient
     * assigned elsewhere or unknown alike, as in the API. Any other failure is not the page's to
     * answer.
     */
    <T> Response found(Session session, Supplier<T> lookup, Function<T, Response> page) {
        T found;
        try {
            found = lookup.get();
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return notFound(session);
        }
        return page.apply(found);
    }

    /** An id from the console's address; not found (404) when malformed, as no link of the console makes it. */
    static UUID id(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what, "(malformed id)");
        }
    }

    /** A date from the console's address; not found (404) when malformed. */
    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.notFound("day", "(malformed date)");
        }
    }

    /** The not-found page, 404. */
    Response notFound(Session session) {
        return page(404, withHeader(notFound, session));
    }

    /** A template with the header's data (who is signed in, the sign-out form's token). */
    TemplateInstance withHeader(Template template, Session session) {
        return template.data("who", who(session)).data("csrf", session.csrfToken());
    }

    /**
     * The signed-out page, for {@code reason}: signed-out, link, csrf or bye; with the identity
     * provider, oidc-error, oidc-state, oidc-code, oidc-token, oidc-unregistered or
     * oidc-unavailable. It offers sign-in with the provider whenever one is configured.
     */
    Response signedOut(int status, String reason) {
        return page(status, signedOut.data("reason", reason).data("oidc", oidc.enabled()));
    }

    /** A rendered page with the console's headers: CSP, no referrer, never cached, no sniffing. */
    static Response page(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .entity(page.render())
                .build();
    }
}
