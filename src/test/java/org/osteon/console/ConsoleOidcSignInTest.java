package org.osteon.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.osteon.common.Jdbc;
import org.osteon.support.Browser;
import org.osteon.support.TinyOidcProvider;
import org.osteon.support.TinyOidcProvider.Fault;

/**
 * Console sign-in with the clinic's identity provider, in Debian's Chromium, against a tiny
 * provider of the test's own ({@link TinyOidcProvider}: the real flow over HTTP, its token endpoint
 * checking the code, the PKCE verifier and the client's secret). The service is configured as in
 * production: the API trusts that provider's tokens, the console is its client. A registered
 * physiotherapist lands on the triage list signed in; a tampered state, the provider's refusal, an
 * unregistered subject, an ID token for another client and one for another sign-in (nonce) are
 * each refused with a page that says so, and no session. Screenshots:
 * target/screenshots/console-oidc-*.png.
 */
@QuarkusTest
@TestProfile(ConsoleOidcSignInTest.Production.class)
class ConsoleOidcSignInTest {
    /** The API and the console both trust the tiny provider. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TinyOidcProvider provider = TinyOidcProvider.get();
            return Map.of(
                    "osteon.auth.issuer", provider.issuer(),
                    "osteon.auth.jwks-url", provider.jwksUrl(),
                    "osteon.auth.audience", TinyOidcProvider.API_AUDIENCE,
                    "osteon.console.oidc.client-id", TinyOidcProvider.CLIENT_ID,
                    "osteon.console.oidc.client-secret", TinyOidcProvider.CLIENT_SECRET);
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    final TinyOidcProvider provider = TinyOidcProvider.get();
    Browser browser;
    String subject;

    @BeforeEach
    void registeredPhysio() {
        subject = "physio-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(provider.apiToken("admin", "clinic-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "displayName", "PT " + subject))
                .post("/api/v1/physiotherapists")
                .then()
                .statusCode(201);
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aRegisteredPhysiotherapistSignsInWithTheProviderAndLandsOnTheTriageList() {
        provider.next(subject, Fault.NONE);
        int exchanged = provider.exchanges();
        long sessions = sessionsOf(subject);

        browser.open(base, "/console/signed-out");
        assertThat(browser.driver().findElement(By.id("oidc-sign-in")).getText())
                .isEqualTo("Sign in with your organisation");
        browser.driver().findElement(By.id("oidc-sign-in")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.screenshot("console-oidc-signed-in");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base.toString() + "console");
        assertThat(browser.driver().findElement(By.cssSelector(".account")).getText())
                .contains("PT " + subject);
        // One code exchanged (the provider checked the verifier and the secret), one session for that subject.
        assertThat(provider.exchanges()).isEqualTo(exchanged + 1);
        assertThat(sessionsOf(subject)).isEqualTo(sessions + 1);
        Cookie session = browser.driver().manage().getCookieNamed(ConsoleAuthentication.COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getPath()).isEqualTo("/console");
        // The flow's cookie is spent.
        assertThat(browser.driver().manage().getCookieNamed(ConsoleOidcResource.FLOW_COOKIE))
                .isNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aTamperedStateIsRefusedAndSignsNoOneIn() {
        assertRefused(subject, Fault.TAMPERED_STATE, "This sign-in could not be checked", "console-oidc-refused-state");
    }

    @Test
    void theProvidersRefusalIsShownAndSignsNoOneIn() {
        assertRefused(subject, Fault.ACCESS_DENIED, "Your organisation did not sign you in", null);
    }

    @Test
    void anUnregisteredSubjectIsRefused() {
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        assertRefused(
                stranger,
                Fault.NONE,
                "You are not registered as a physiotherapist here",
                "console-oidc-refused-unregistered");
    }

    @Test
    void anIdTokenForAnotherClientOrAnotherSignInIsRefused() {
        assertRefused(subject, Fault.WRONG_AUDIENCE, "Your organisation's answer was not accepted", null);
        assertRefused(subject, Fault.WRONG_NONCE, "Your organisation's answer was not accepted", null);
    }

    /**
     * Goes through the flow with {@code fault}: the refusal page with {@code heading}, no session
     * for anyone, the console still signed out afterwards, and no error but the page's own status.
     */
    private void assertRefused(String who, Fault fault, String heading, String screenshot) {
        provider.next(who, fault);
        long before = jdbc.count("select count(*) from console_session");
        browser.open(base, "/console/signed-out");
        browser.driver().findElement(By.id("oidc-sign-in")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver().findElements(By.id("refused")).isEmpty());
        assertThat(browser.driver().findElement(By.id("refused")).getText()).isEqualTo(heading);
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        assertThat(jdbc.count("select count(*) from console_session")).isEqualTo(before);
        assertThat(browser.driver().manage().getCookieNamed(ConsoleAuthentication.COOKIE))
                .isNull();
        assertThat(browser.driver().findElement(By.id("oidc-sign-in")).getText())
                .isEqualTo("Sign in with your organisation");
        browser.open(base, "/console");
        assertThat(browser.driver().getTitle()).startsWith("Sign in");
        List<String> errors = browser.consoleErrors();
        assertThat(errors).allMatch(e -> e.matches(".*status of 40[0-3].*"), "only the pages' own refusals");
    }

    private long sessionsOf(String who) {
        return jdbc.count("select count(*) from console_session where subject = ?", who);
    }
}
