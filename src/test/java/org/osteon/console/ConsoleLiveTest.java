package org.osteon.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.osteon.common.Jdbc;
import org.osteon.engine.DayNotices;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;

/**
 * The patient page updates itself in Debian's Chromium when one of the patient's days is scored:
 * today's calendar cell turns from in progress to met without the page being loaded again. The
 * stream behind it is the API's, with the API's rules: another physiotherapist's patient is not
 * found, and no session gets 401. Screenshot: target/screenshots/console-patient-live.png.
 */
@QuarkusTest
class ConsoleLiveTest {
    static final String ZONE = "Europe/Vienna";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    Browser browser;
    Physio physio;
    String patient;
    LocalDate today;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        patient = Clinic.newPatientOf(physio, ZONE, "Liv Live");
        today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of(ZONE)));
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "walking daily",
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 6000, "daysPerWeek", 7))));
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aScoredDayRedrawsThePageInPlace() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        browser.open(base, "/console/patients/" + patient);
        await().atMost(Duration.ofSeconds(20)).until(() -> liveStatus().startsWith("Live: this page updates itself"));
        assertThat(todayStatus()).isEqualTo("in_progress");
        // A mark that a new page load would wipe: the update must come without one.
        browser.driver().executeScript("window.osteonLiveMark = 'still here'");

        new DayRows(jdbc, patient).insert(new Day(today.toString(), 9, 9000, 12.0, 30.0, Map.of()));
        // As the scoring instance announces a scored day; the stream may still be subscribing, so
        // announce until the page has changed.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    jdbc.one(
                            "select pg_notify(?, ?)",
                            rs -> rs.getString(1),
                            DayNotices.CHANNEL,
                            patient + " day " + today);
                    assertThat(todayStatus()).isEqualTo("met");
                });

        assertThat(browser.driver().executeScript("return window.osteonLiveMark"))
                .isEqualTo("still here");
        assertThat(liveStatus()).startsWith("Live: updated at");
        browser.screenshot("console-patient-live");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theStreamKeepsTheApisRules() {
        Response signIn = given().redirects().follow(false).get(Clinic.consoleSignInPath(physio));
        String session = signIn.getCookie(ConsoleAuthentication.COOKIE);
        String someoneElses = Clinic.newPatientOf(Clinic.newPhysio(), "UTC", "Otto Other");

        assertThat(given().get("/console/patients/" + patient + "/events").statusCode())
                .as("no session")
                .isEqualTo(401);
        for (String id : List.of(someoneElses, UUID.randomUUID().toString(), "not-an-id")) {
            assertThat(given().cookie(ConsoleAuthentication.COOKIE, session)
                            .get("/console/patients/" + id + "/events")
                            .statusCode())
                    .as(id)
                    .isEqualTo(404);
        }
    }

    private String liveStatus() {
        return browser.driver()
                .findElement(By.cssSelector("#live .live-status"))
                .getText();
    }

    private String todayStatus() {
        return browser.driver()
                .findElement(By.cssSelector("#calendar td.today"))
                .getAttribute("data-status");
    }
}
