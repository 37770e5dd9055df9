package org.osteon.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser with the tokens it verified remembered for a short while, so that an app
 * that sends the same bearer token with every request does not have its RSA signature checked
 * and its claims parsed again each time (the largest cost of a small read under load).
 *
 * <p>What is remembered, and for how long:
 *
 * <ul>
 *   <li>Only a token that SmallRye accepted, keyed by its exact text: a token that differs in any
 *       character (another signature, altered claims) is a different key and is verified in full.
 *       A refused token is never remembered, so each attempt with it is verified and refused again.
 *   <li>An entry ends at the token's {@code exp} or {@link AuthConfig#tokenCacheTtl()} after it was
 *       verified, whichever comes first, by the service's clock. After that the token is verified
 *       afresh, so an expired token is refused exactly as without this cache.
 *   <li>What the cache cannot see is a change of what SmallRye would decide for the same text:
 *       a signing key withdrawn from the provider's JWKS or a changed issuer or audience. Such a
 *       token is accepted for at most the TTL after its last full verification; SmallRye itself
 *       keeps a provider's keys for longer than that (it refreshes the JWKS hourly by default).
 *   <li>At most {@link AuthConfig#tokenCacheSize()} entries: when full, ended entries are dropped
 *       (a sweep at most once a second); if the cache is still full, a newly verified token is
 *       not remembered until an entry ends. So a flood of distinct tokens costs what it costs
 *       without a cache, never memory, and does not evict the tokens of the apps already
 *       remembered: more active tokens than the size means some are verified every time, never
 *       that all are (dropping everything when full made every token miss once the active ones
 *       reached the size). {@code 0} turns the cache off.
 * </ul>
 *
 * <p>The service's own checks of a token's times ({@link TokenTimes}) and the roles and access
 * checks run on every request, cached token or not: only the signature and parsing are saved.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    private final JWTParser verifier;
    private final Clock clock;
    private final int maxEntries;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    /** When the cache may next be swept for ended entries, in epoch milliseconds. */
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    /** A verified token and the instant from which it must be verified again. */
    private record Verified(JsonWebToken token, Instant until) {}

    /** A full cache is swept at most this often: a sweep walks every entry. */
    private static final long SWEEP_EVERY_MILLIS = 1000;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, AuthConfig config, Clock clock) {
        this(verifier, clock, config.tokenCacheSize(), config.tokenCacheTtl());
    }

    VerifiedTokens(JWTParser verifier, Clock clock, int maxEntries, Duration ttl) {
        if (maxEntries < 0 || ttl.isNegative()) {
            throw new IllegalArgumentException("osteon.auth.token-cache-size and -ttl must not be negative");
        }
        this.verifier = verifier;
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.ttl = ttl;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = verifier.parse(token);
        remember(token, jwt, now);
        return jwt;
    }

    private void remember(String token, JsonWebToken jwt, Instant now) {
        if (maxEntries == 0 || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant exp = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant until = now.plus(ttl);
        if (exp.isBefore(until)) {
            until = exp;
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            long sweep = nextSweep.get();
            if (now.toEpochMilli() >= sweep
                    && nextSweep.compareAndSet(sweep, now.toEpochMilli() + SWEEP_EVERY_MILLIS)) {
                verified.values().removeIf(v -> !now.isBefore(v.until()));
            }
            if (verified.size() >= maxEntries) {
                return;
            }
        }
        verified.put(token, new Verified(jwt, until));
    }

    /** How many tokens are remembered now. */
    int size() {
        return verified.size();
    }

    // The rest is used with explicit keys or contexts, never for a request's bearer token: not cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
