package org.osteon.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * Production mode: tokens of an OIDC provider, verified by its issuer and the keys its JWKS
 * URL publishes. The provider is stood in for by a key and a JWKS document on disk.
 */
@QuarkusTest
@TestProfile(OidcProviderTest.Provider.class)
class OidcProviderTest {
    static final String ISSUER = "https://id.example.org/realms/osteon";
    static final String AUDIENCE = "osteon-api";
    static final Path DIR = Path.of("target", "oidc-provider").toAbsolutePath();

    /** Configures the service with the provider's issuer and JWKS URL. */
    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            RSAPublicKey key = (RSAPublicKey) LocalSigningKey.loadOrCreate(DIR).publicKey();
            String jwks =
                    "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"provider-1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                            + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}";
            Path file = DIR.resolve("jwks.json");
            try {
                Files.writeString(file, jwks);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "osteon.auth.jwks-url",
                    file.toUri().toString(),
                    "osteon.auth.issuer",
                    ISSUER,
                    "osteon.auth.audience",
                    AUDIENCE);
        }

        private static String b64(BigInteger v) {
            byte[] bytes = v.toByteArray();
            if (bytes[0] == 0) {
                bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    @Test
    void tokenOfTheConfiguredProviderIsAccepted() {
        String token = new LocalTokens(LocalSigningKey.loadOrCreate(DIR), ISSUER, "provider-1", AUDIENCE)
                .sign("admin", "alice", TestClock.CLOCK.instant(), Duration.ofMinutes(5));
        given().auth().oauth2(token).get("/api/v1/program-templates").then().statusCode(200);
    }

    @Test
    void providersKeyWithAnotherIssuerIsRefused() {
        String token = new LocalTokens(
                        LocalSigningKey.loadOrCreate(DIR), "https://other.example.org", "provider-1", AUDIENCE)
                .sign("admin", "alice", TestClock.CLOCK.instant(), Duration.ofMinutes(5));
        given().auth().oauth2(token).get("/api/v1/program-templates").then().statusCode(401);
    }

    @Test
    void aTokenTheProviderIssuedForAnotherClientIsRefused() {
        String token = new LocalTokens(LocalSigningKey.loadOrCreate(DIR), ISSUER, "provider-1", "clinic-portal")
                .sign("admin", "alice", TestClock.CLOCK.instant(), Duration.ofMinutes(5));
        given().auth().oauth2(token).get("/api/v1/program-templates").then().statusCode(401);
    }

    @Test
    void aProviderWithoutAnAudienceIsRefusedAtStartNamingTheSetting() {
        AuthConfig withoutAudience = new AuthConfig() {
            public Optional<String> jwksUrl() {
                return Optional.of("https://id.example.org/certs");
            }

            public String issuer() {
                return ISSUER;
            }

            public Optional<String> audience() {
                return Optional.empty();
            }

            public String rolesClaim() {
                return "groups";
            }

            public String localKeyDir() {
                return "unused";
            }

            public Duration clockSkew() {
                return Duration.ofSeconds(60);
            }

            public Duration maxLifetime() {
                return Duration.ofHours(24);
            }

            public int tokenCacheSize() {
                return 10_000;
            }

            public Duration tokenCacheTtl() {
                return Duration.ofSeconds(60);
            }
        };
        assertThatThrownBy(() -> TokenVerification.requireAudienceWithProvider(withoutAudience))
                .hasMessageContaining("osteon.auth.audience (OSTEON_AUTH_AUDIENCE) is required");
    }

    @Test
    void localKeyIsNoLongerTrusted() {
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/program-templates")
                .then()
                .statusCode(401);
    }
}
