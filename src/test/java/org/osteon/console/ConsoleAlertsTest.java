package org.osteon.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.osteon.alert.AlertService;
import org.osteon.alert.AlertView;
import org.osteon.common.Jdbc;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.Registry;

/**
 * The console's alert list in Debian's Chromium: a physiotherapist with two patients who each have
 * an open alert, raised as the alerts API's tests raise them (a program in 2030, a batch received,
 * the rules evaluated at a fixed instant), and another physiotherapist's patient with one. The
 * page lists the two with the API's fields; acknowledging one goes through the alerts API's own
 * check and service (acknowledged by the signed-in physiotherapist, audited once), it leaves the
 * list and the triage list's count; a form without its token and another physiotherapist's alert
 * change nothing. Screenshots: target/screenshots/console-alerts-*.png.
 */
@QuarkusTest
class ConsoleAlertsTest {
    static final List<Map<String, Object>> PROGRAM =
            List.of(Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5));

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    @Inject
    AlertService alertService;

    Browser browser;
    Physio physio;
    String first;
    String second;
    String firstAlert;
    String secondAlert;
    String someoneElsesAlert;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        first = Clinic.newPatientOf(physio, "Europe/Vienna", "Alma Alert " + physio.subject());
        second = Clinic.newPatientOf(physio, "Europe/Vienna", "Bert Alert " + physio.subject());
        Physio other = Clinic.newPhysio();
        String theirs = Clinic.newPatientOf(other, "Europe/Vienna", "Olga Otherphysio");
        firstAlert = raiseAlert(physio, first);
        secondAlert = raiseAlert(physio, second);
        someoneElsesAlert = raiseAlert(other, theirs);
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void acknowledgingAnAlertRecordsItAsTheApiDoesAndTakesItOffBothLists() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        assertThat(openAlertsOnTriage(first)).isEqualTo(1);

        browser.driver().findElement(By.linkText("Alerts")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver().getTitle().startsWith("Alerts"));
        browser.screenshot("console-alerts-list");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#alerts tr[data-alert-id]"));
        assertThat(rows)
                .extracting(r -> r.getAttribute("data-alert-id"))
                .containsExactlyInAnyOrder(firstAlert, secondAlert);
        assertThat(browser.driver().getPageSource())
                .doesNotContain(someoneElsesAlert)
                .doesNotContain("Olga");

        // Each row shows what the API gives for it.
        JsonPath api = as(physio.token())
                .queryParam("status", "open")
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (WebElement row : rows) {
            String id = row.getAttribute("data-alert-id");
            Map<String, Object> alert = api.getMap("items.find { it.id == '" + id + "' }");
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo(alert.get("patientDisplayName"));
            assertThat(row.getAttribute("data-rule")).isEqualTo(alert.get("rule"));
            assertThat(cells.get(0).getText()).isEqualTo(((String) alert.get("rule")).replace('_', ' '));
            assertThat(Instant.parse(row.getAttribute("data-since")))
                    .isEqualTo(Instant.parse((String) alert.get("raisedAt")));
            // Raised 2030-05-10T06:00Z, shown in the patient's time zone (CEST, +2 h).
            assertThat(cells.get(1).getText()).isEqualTo("2030-05-10 08:00 (Europe/Vienna)");
            assertThat(cells.get(2).getText()).isEqualTo(alert.get("message"));
        }

        String note = "Called her: the watch was charging.\nCheck again on Friday.";
        WebElement field = row(firstAlert).findElement(By.tagName("textarea"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("label[for='" + field.getAttribute("id") + "']"))
                        .getText())
                .isEqualTo("Note (optional, at most 1000 characters)");
        field.sendKeys(note);
        row(firstAlert).findElement(By.tagName("button")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver()
                                .findElements(By.cssSelector("#alerts tr[data-alert-id]"))
                                .size()
                        == 1);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#alerts tr[data-alert-id]"))
                        .getAttribute("data-alert-id"))
                .isEqualTo(secondAlert);
        assertThat(browser.driver().findElement(By.id("shown")).getText()).isEqualTo("1 open alert");
        browser.screenshot("console-alerts-acknowledged");

        assertThat(as(physio.token())
                        .queryParam("status", "acknowledged")
                        .get("/api/v1/alerts")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(firstAlert);
        Map<String, Object> acknowledged = as(physio.token())
                .queryParam("status", "all")
                .queryParam("patientId", first)
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items[0]");
        assertThat(acknowledged.get("id")).isEqualTo(firstAlert);
        assertThat(acknowledged.get("status")).isEqualTo("acknowledged");
        assertThat(acknowledged.get("acknowledgedBy")).isEqualTo(physio.subject());
        assertThat(acknowledged.get("acknowledgedAt")).isNotNull();
        assertThat(acknowledged.get("acknowledgementNote")).isEqualTo(note);

        // The page lists it as acknowledged: who (by name), when in the patient's time zone, the note.
        WebElement done = browser.driver().findElement(By.cssSelector("#acknowledged tr[data-alert-id]"));
        assertThat(done.getAttribute("data-alert-id")).isEqualTo(firstAlert);
        List<WebElement> doneCells = done.findElements(By.tagName("td"));
        assertThat(done.findElement(By.tagName("th")).getText()).isEqualTo(acknowledged.get("patientDisplayName"));
        assertThat(doneCells.get(1).getText()).isEqualTo("PT " + physio.subject());
        Instant at = Instant.parse((String) acknowledged.get("acknowledgedAt"));
        assertThat(Instant.parse(done.getAttribute("data-acknowledged-at"))).isEqualTo(at);
        assertThat(doneCells.get(2).getText())
                .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(ZoneId.of("Europe/Vienna")))
                        + " (Europe/Vienna)");
        assertThat(doneCells.get(3).getText()).isEqualTo(note);
        browser.screenshot("console-alerts-acknowledged-note");
        assertThat(jdbc.count(
                        "select count(*) from audit_event where action = 'alert.acknowledged' and patient_id = ? "
                                + "and actor_role = 'physio' and actor_subject = ? and detail->>'alertId' = ?",
                        UUID.fromString(first),
                        physio.subject(),
                        firstAlert))
                .isEqualTo(1);

        browser.driver().findElement(By.linkText("Patients")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        assertThat(openAlertsOnTriage(first)).isZero();
        assertThat(openAlertsOnTriage(second)).isEqualTo(1);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aFormWithoutItsTokenAndAnotherPhysiosAlertChangeNothing() {
        Response signIn = given().redirects().follow(false).get(Clinic.consoleSignInPath(physio));
        assertThat(signIn.statusCode()).isEqualTo(303);
        String session = signIn.getCookie(ConsoleAuthentication.COOKIE);

        Response noToken = given().cookie(ConsoleAuthentication.COOKIE, session)
                .contentType("application/x-www-form-urlencoded")
                .post("/console/alerts/" + firstAlert + "/acknowledge");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(statusOf(firstAlert)).isEqualTo("open");

        Response alerts = given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/alerts");
        assertThat(alerts.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(alerts.asString());
        assertThat(token.find()).isTrue();

        Response theirs = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParam("csrf", token.group(1))
                .post("/console/alerts/" + someoneElsesAlert + "/acknowledge");
        String unknown = UUID.randomUUID().toString();
        Response missing = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParam("csrf", token.group(1))
                .post("/console/alerts/" + unknown + "/acknowledge");
        assertThat(theirs.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(theirs.asString().replace(someoneElsesAlert, "ID"))
                .isEqualTo(missing.asString().replace(unknown, "ID"));
        assertThat(alertService.find(UUID.fromString(someoneElsesAlert)))
                .map(AlertView::status)
                .contains("open");
        assertThat(statusOf(firstAlert)).isEqualTo("open");

        // The 404 page as the browser shows it.
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.open(base, "/console/alerts");
        browser.driver()
                .executeScript("document.querySelector('#alerts tr[data-alert-id] form').action = '/console/alerts/"
                        + someoneElsesAlert + "/acknowledge'");
        browser.driver()
                .findElement(By.cssSelector("#alerts tr[data-alert-id] button"))
                .click();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        browser.driver().findElement(By.tagName("h1")).getText().equals("Not found"));
        browser.screenshot("console-alerts-not-found");
        assertThat(alertService.find(UUID.fromString(someoneElsesAlert)))
                .map(AlertView::status)
                .contains("open");
    }

    @Test
    void aTooLongNoteShowsTheApisMessageAtTheFieldAndAcknowledgesNothing() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.open(base, "/console/alerts");
        String tooLong = "x".repeat(1001);
        // Typed in by script: a thousand key presses say nothing more about the form.
        browser.driver()
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        row(firstAlert).findElement(By.tagName("textarea")),
                        tooLong);
        row(firstAlert).findElement(By.tagName("button")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.id("note-error-" + firstAlert))
                        .isEmpty());
        String apiMessage = as(physio.token())
                .contentType("application/json")
                .body(Map.of("note", tooLong))
                .post("/api/v1/alerts/" + firstAlert + "/acknowledge")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getString("errors.find { it.field == 'note' }.message");
        assertThat(browser.driver()
                        .findElement(By.id("note-error-" + firstAlert))
                        .getText())
                .isEqualTo("Not acknowledged: the note " + apiMessage + ".");
        WebElement field = row(firstAlert).findElement(By.tagName("textarea"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).isEqualTo("note-error-" + firstAlert);
        assertThat(field.getAttribute("value")).isEqualTo(tooLong);
        browser.screenshot("console-alerts-note-too-long");
        assertThat(statusOf(firstAlert)).isEqualTo("open");
        assertThat(browser.driver().findElements(By.cssSelector("#alerts tr[data-alert-id]")))
                .extracting(r -> r.getAttribute("data-alert-id"))
                .contains(firstAlert, secondAlert);
        // The refusal's own status is the one thing the browser reports; no script or page error.
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("status of 400"));
    }

    /** An open no-sync alert, raised as AlertResourceTest raises one. */
    private String raiseAlert(Physio owner, String patient) {
        String device = Registry.newDevice(patient, 16);
        Clinic.prescribe(
                owner, patient, Map.of("components", PROGRAM, "reason", "alerts", "effectiveFrom", "2030-05-06"));
        Instant at = Instant.parse("2030-05-06T06:00:00Z");
        jdbc.update(
                "insert into ingest_batch (device_id, stream, seq, content_hash, samples, received_at) "
                        + "values (?, 'accel', 1, ?, 50, ?)",
                device,
                new byte[] {1},
                at);
        jdbc.update(
                "insert into day_summary (patient_id, local_date, wear_minutes, computed_at) values (?, ?, 60, now()) "
                        + "on conflict do nothing",
                UUID.fromString(patient),
                LocalDate.ofInstant(at, ZoneId.of("Europe/Vienna")));
        List<AlertView> raised = alertService.evaluate(UUID.fromString(patient), Instant.parse("2030-05-10T06:00:00Z"));
        assertThat(raised).hasSize(1);
        return raised.get(0).id().toString();
    }

    private String statusOf(String alertId) {
        return alertService.find(UUID.fromString(alertId)).orElseThrow().status();
    }

    private int openAlertsOnTriage(String patient) {
        return Integer.parseInt(browser.driver()
                .findElement(By.cssSelector("tr[data-patient-id='" + patient + "']"))
                .getAttribute("data-open-alerts"));
    }

    private WebElement row(String alertId) {
        return browser.driver().findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']"));
    }
}
