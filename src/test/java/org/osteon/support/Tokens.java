package org.osteon.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.osteon.auth.AuthConfig;
import org.osteon.auth.LocalSigningKey;
import org.osteon.auth.LocalTokens;

/**
 * Tokens signed with the key the service under test verifies: the same directory is configured
 * for {@code @QuarkusTest} (application.properties, test profile) and for the packaged service
 * ({@link ServiceProcess}).
 */
public final class Tokens {
    /** Where the tests' signing key lives; under target/, so that a clean build forgets it. */
    public static final Path KEY_DIR = Path.of("target", "osteon-test-jwt").toAbsolutePath();

    public static final String ADMIN_SUBJECT = "test-admin";

    private static LocalTokens tokens;

    private Tokens() {}

    public static synchronized LocalTokens signer() {
        if (tokens == null) {
            tokens = new LocalTokens(LocalSigningKey.loadOrCreate(KEY_DIR), AuthConfig.LOCAL_ISSUER);
        }
        return tokens;
    }

    public static String token(String role, String subject) {
        return signer().sign(role, subject, issuedAt(), Duration.ofHours(1));
    }

    /**
     * Now by the earlier of the tests' clock and the system's: SmallRye JWT checks a token's
     * expiry against the system clock, which cannot be replaced, and the service checks that it
     * was not issued in the future against the tests' clock ({@link TestClock}); a token issued at
     * the earlier one holds for both as long as the tests' clock is not hours behind.
     */
    public static Instant issuedAt() {
        Instant test = TestClock.CLOCK.instant();
        Instant system = Clock.systemUTC().instant();
        return test.isBefore(system) ? test : system;
    }

    public static String admin() {
        return token("admin", ADMIN_SUBJECT);
    }

    public static String patient(String patientId) {
        return token("patient", patientId);
    }

    public static String physio(String subject) {
        return token("physio", subject);
    }

    /** A request carrying {@code token} as its bearer token. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static RequestSpecification asAdmin() {
        return as(admin());
    }
}
