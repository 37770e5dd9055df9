package org.osteon.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.osteon.common.Jdbc;

/**
 * The console's sign-in links and sessions, kept in PostgreSQL so that every instance knows them
 * and a sign-out or an expiry holds everywhere. A link's code and a session's id are 256 random
 * bits handed to the browser once; only their SHA-256 is stored. A link works once, within
 * {@link #LINK_LIFETIME}; a session lasts {@link #SESSION_LIFETIME} from sign-in, and carries the
 * token its forms must send back (synchronizer-token CSRF protection).
 */
@ApplicationScoped
public class ConsoleSessions {
    /** Long enough to copy a link from a terminal or a message into a browser, short enough to be useless later. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(10);
    /** A working day; then the physiotherapist signs in again. */
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in physiotherapist: the session id (the cookie's value), their subject, the forms' token. */
    public record Session(String id, String subject, String csrfToken, Instant expiresAt) {}

    /** A new sign-in link's code and when it expires. */
    public record Link(String code, Instant expiresAt) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public ConsoleSessions(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A one-time sign-in code for the physiotherapist with {@code subject}. */
    public Link newLink(String subject) {
        Instant now = clock.instant();
        jdbc.update("delete from console_sign_in where expires_at < ?", now);
        String code = random();
        Instant expires = now.plus(LINK_LIFETIME);
        jdbc.update(
                "insert into console_sign_in (code_hash, subject, expires_at) values (?, ?, ?)",
                hash(code),
                subject,
                expires);
        return new Link(code, expires);
    }

    /**
     * Uses a sign-in code: a new session when the code is known, unused and not expired, else
     * empty. The code is spent in the same statement that checks it, so two browsers racing with
     * one link get one session.
     */
    public Optional<Session> signIn(String code) {
        Instant now = clock.instant();
        Optional<String> subject = jdbc.one(
                "update console_sign_in set used_at = ? where code_hash = ? and used_at is null and expires_at > ? "
                        + "returning subject",
                rs -> rs.getString(1),
                now,
                hash(code),
                now);
        return subject.map(this::start);
    }

    /**
     * A new session for {@code subject}, who has just proven who they are (a sign-in link, or the
     * clinic's identity provider); the caller has checked that they are a registered physiotherapist.
     */
    public Session start(String subject) {
        Instant now = clock.instant();
        jdbc.update("delete from console_session where expires_at < ?", now);
        Session s = new Session(random(), subject, random(), now.plus(SESSION_LIFETIME));
        jdbc.update(
                "insert into console_session (id_hash, subject, csrf_token, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?)",
                hash(s.id()),
                s.subject(),
                s.csrfToken(),
                now,
                s.expiresAt());
        return s;
    }

    /** The session with this id, if it exists and has not expired. */
    public Optional<Session> find(String id) {
        return jdbc.one(
                "select subject, csrf_token, expires_at from console_session where id_hash = ? and expires_at > ?",
                rs -> new Session(
                        id, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                hash(id),
                clock.instant());
    }

    /** Ends a session: its cookie no longer signs anyone in. */
    public void end(String id) {
        jdbc.update("delete from console_session where id_hash = ?", hash(id));
    }

    /** Whether {@code sent} is the session's form token, compared in constant time. */
    public static boolean csrfMatches(Session s, String sent) {
        return sent != null
                && MessageDigest.isEqual(
                        s.csrfToken().getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
