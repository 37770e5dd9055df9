package org.osteon.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.osteon.support.HandClock;
import org.osteon.support.Tokens;

/**
 * The bounds of the verified-token cache, with SmallRye's own parser and tokens signed with the
 * tests' key: what it remembers, for how long, and what it never remembers.
 */
class VerifiedTokensTest {
    private static final Duration TTL = Duration.ofSeconds(60);

    /** SmallRye's parser as the service configures it for the local key, counting full verifications. */
    static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger verified = new AtomicInteger();

        CountingParser(int clockSkewSeconds) {
            super(context(clockSkewSeconds));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.incrementAndGet();
            return super.parse(token);
        }

        private static JWTAuthContextInfo context(int clockSkewSeconds) {
            JWTAuthContextInfo info = new JWTAuthContextInfo();
            info.setPublicVerificationKey(
                    LocalSigningKey.loadOrCreate(Tokens.KEY_DIR).publicKey());
            info.setIssuedBy(AuthConfig.LOCAL_ISSUER);
            info.setGroupsPath("groups");
            info.setClockSkew(clockSkewSeconds);
            return info;
        }
    }

    // SmallRye checks exp against the system clock, so tokens are issued by it; the cache's clock
    // starts there and is moved by hand.
    private final Instant start = Instant.now();
    private final HandClock clock = new HandClock(start);
    private final CountingParser smallrye = new CountingParser(60);

    private static String token(String subject, Instant issuedAt, Duration lifetime) {
        return Tokens.signer().sign("patient", subject, issuedAt, lifetime);
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsRemembered() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 100, TTL);
        String t = token("p1", start, Duration.ofHours(1));

        JsonWebToken first = cache.parse(t);
        clock.advance(TTL.minusSeconds(1));
        JsonWebToken again = cache.parse(t);

        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("p1");
        assertThat(smallrye.verified).hasValue(1);
    }

    @Test
    void anEntryEndsAfterTheTtl() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 100, TTL);
        String t = token("p1", start, Duration.ofHours(1));
        cache.parse(t);

        clock.advance(TTL);
        cache.parse(t);

        assertThat(smallrye.verified).hasValue(2);
    }

    @Test
    void anEntryNeverOutlivesTheTokensExpiry() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 100, TTL);
        // Expires 30 s from now, before the TTL would end its entry.
        String t = token(
                "p1",
                start.minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(10).plusSeconds(30));
        cache.parse(t);

        clock.advance(Duration.ofSeconds(29));
        cache.parse(t);
        assertThat(smallrye.verified).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        cache.parse(t);
        assertThat(smallrye.verified).as("verified again at its exp").hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedThoughItWasRemembered() throws Exception {
        // On the system clock, and without SmallRye's skew, so that the token really expires
        // within the test: 2 s after it was verified and remembered.
        CountingParser strict = new CountingParser(0);
        VerifiedTokens cache = new VerifiedTokens(strict, Clock.systemUTC(), 100, TTL);
        Instant now = Instant.now();
        String t = token("p1", now.minusSeconds(58), Duration.ofSeconds(60));
        assertThat(cache.parse(t).getSubject()).isEqualTo("p1");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThatThrownBy(() -> cache.parse(t)).isInstanceOf(ParseException.class));
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenWithAWrongSignatureIsNeverRemembered() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 100, TTL);
        String forged = new LocalTokens(
                        LocalSigningKey.loadOrCreate(Files.createTempDirectory("osteon-other-key")),
                        AuthConfig.LOCAL_ISSUER)
                .sign("admin", "mallory", start, Duration.ofHours(1));

        assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);

        assertThat(smallrye.verified).as("each attempt verified in full").hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRememberedSignatureDoesNotCoverAlteredClaims() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 100, TTL);
        String t = token("p1", start, Duration.ofHours(1));
        cache.parse(t);
        String[] parts = t.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"patient\"", "\"admin\"");
        String altered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> cache.parse(altered)).isInstanceOf(ParseException.class);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsNoMoreThanItsSizeAndDropsEndedEntriesFirst() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 3, TTL);
        String a = token("a", start, Duration.ofHours(1));
        String b = token("b", start, Duration.ofHours(1));
        cache.parse(a);
        cache.parse(b);
        clock.advance(TTL); // a and b have ended
        String c = token("c", start, Duration.ofHours(1));
        String d = token("d", start, Duration.ofHours(1));
        cache.parse(c);
        assertThat(cache.size()).isEqualTo(3);

        cache.parse(d); // full: a and b go, c stays
        assertThat(cache.size()).isEqualTo(2);
        int before = smallrye.verified.get();
        cache.parse(c);
        assertThat(smallrye.verified).as("c still remembered").hasValue(before);

        for (int i = 0; i < 10; i++) {
            cache.parse(token("e" + i, start, Duration.ofHours(1)));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aFullCacheKeepsWhatItHoldsAndVerifiesNewcomersEveryTime() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 2, TTL);
        String a = token("a", start, Duration.ofHours(1));
        String b = token("b", start, Duration.ofHours(1));
        String c = token("c", start, Duration.ofHours(1));
        cache.parse(a);
        cache.parse(b);
        cache.parse(c); // full, nothing ended: c is verified but not remembered
        cache.parse(c);
        int before = smallrye.verified.get();
        cache.parse(a);
        cache.parse(b);
        assertThat(smallrye.verified).as("a and b still remembered").hasValue(before);
        assertThat(before).as("c verified on each request").isEqualTo(4);

        clock.advance(TTL); // a and b end: the next newcomer takes a place
        cache.parse(c);
        before = smallrye.verified.get();
        cache.parse(c);
        assertThat(smallrye.verified).as("c remembered once there was room").hasValue(before);
    }

    @Test
    void sizeZeroVerifiesEveryRequest() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(smallrye, clock, 0, TTL);
        String t = token("p1", start, Duration.ofHours(1));
        cache.parse(t);
        cache.parse(t);
        assertThat(smallrye.verified).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
