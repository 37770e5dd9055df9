package org.osteon.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

@QuarkusTest
class TokenVerificationTest {
    static final String TEMPLATES = "/api/v1/program-templates";

    @Inject
    VerifiedTokens verified;

    @Test
    void theServiceRemembersTheTokensItAcceptedAndNoneItRefused() throws Exception {
        String token = Tokens.token("admin", "remembered");
        int before = verified.size();
        given().auth().oauth2(token).get(TEMPLATES).then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(verified.size()).isEqualTo(before + 1);
        given().auth().oauth2(token).get(TEMPLATES).then().statusCode(200);

        String forged = new LocalTokens(
                        LocalSigningKey.loadOrCreate(Files.createTempDirectory("osteon-other-key")),
                        AuthConfig.LOCAL_ISSUER)
                .sign("admin", "remembered", TestClock.CLOCK.instant(), Duration.ofHours(1));
        given().auth().oauth2(forged).get(TEMPLATES).then().statusCode(401);
        given().auth().oauth2(forged).get(TEMPLATES).then().statusCode(401);
        org.assertj.core.api.Assertions.assertThat(verified.size()).isEqualTo(before + 1);
    }

    @Test
    void tokenSignedWithTheLocalKeyIsAccepted() {
        given().auth().oauth2(Tokens.admin()).get(TEMPLATES).then().statusCode(200);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        Path elsewhere = Files.createTempDirectory("osteon-other-key");
        String forged = new LocalTokens(LocalSigningKey.loadOrCreate(elsewhere), AuthConfig.LOCAL_ISSUER)
                .sign("admin", "mallory", TestClock.CLOCK.instant(), Duration.ofHours(1));
        given().auth()
                .oauth2(forged)
                .get(TEMPLATES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void expiredTokenIsRefused() {
        String expired = Tokens.signer()
                .sign("admin", "late", TestClock.CLOCK.instant().minus(Duration.ofHours(3)), Duration.ofHours(1));
        given().auth().oauth2(expired).get(TEMPLATES).then().statusCode(401);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedSayingWhy() {
        String early = Tokens.signer()
                .sign("admin", "early", TestClock.CLOCK.instant().plus(Duration.ofDays(1)), Duration.ofHours(1));
        given().auth()
                .oauth2(early)
                .get(TEMPLATES)
                .then()
                .statusCode(401)
                .header(
                        "WWW-Authenticate",
                        allOf(startsWith("Bearer error=\"invalid_token\""), containsString("issued in the future")));
        // Within the allowed skew, a provider's clock a little ahead is fine.
        String slightlyAhead =
                Tokens.signer().sign("admin", "ahead", TestClock.CLOCK.instant().plusSeconds(20), Duration.ofHours(1));
        given().auth().oauth2(slightlyAhead).get(TEMPLATES).then().statusCode(200);
    }

    @Test
    void aTokenValidForCenturiesIsRefusedSayingWhy() {
        String forever =
                Tokens.signer().sign("admin", "forever", TestClock.CLOCK.instant(), Duration.ofDays(365L * 260));
        given().auth()
                .oauth2(forever)
                .get(TEMPLATES)
                .then()
                .statusCode(401)
                .body("detail", containsString("longer than the 24 h allowed"))
                .header("WWW-Authenticate", containsString("error_description="));
        String day = Tokens.signer().sign("admin", "day", TestClock.CLOCK.instant(), Duration.ofHours(24));
        given().auth().oauth2(day).get(TEMPLATES).then().statusCode(200);
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        String foreign = new LocalTokens(LocalSigningKey.loadOrCreate(Tokens.KEY_DIR), "https://elsewhere.example")
                .sign("admin", "x", TestClock.CLOCK.instant(), Duration.ofHours(1));
        given().auth().oauth2(foreign).get(TEMPLATES).then().statusCode(401);
    }

    @Test
    void tamperedTokenIsRefused() {
        String[] parts = Tokens.patient("p").split("\\.");
        String adminClaims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"patient\"", "\"admin\"")
                        .getBytes());
        given().auth()
                .oauth2(parts[0] + "." + adminClaims + "." + parts[2])
                .get("/api/v1/audit-events")
                .then()
                .statusCode(401);
    }

    @Test
    void tokenWithoutAKnownRoleMayNotReadAnything() {
        given().auth()
                .oauth2(Tokens.token("visitor", "v"))
                .get("/api/v1/physiotherapists")
                .then()
                .statusCode(403);
    }

    @Test
    void localKeyIsCreatedOnceAndReusedByEveryProcessThatAsks() throws Exception {
        Path dir = Files.createTempDirectory("osteon-key").resolve("jwt");
        LocalSigningKey first = LocalSigningKey.loadOrCreate(dir);
        LocalSigningKey again = LocalSigningKey.loadOrCreate(dir);
        org.assertj.core.api.Assertions.assertThat(again.publicKey()).isEqualTo(first.publicKey());
        org.assertj.core.api.Assertions.assertThat(Files.getPosixFilePermissions(dir.resolve(LocalSigningKey.FILE)))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
