package org.osteon.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * Mood in the console, in Debian's Chromium: a patient's PHQ answers on their page as the mood API
 * answers them (table and chart data); an answer above 0 to item 9 puts the patient first on the
 * triage list with a safety flag, and its alert is acknowledged only with a note of what was done.
 * Screenshots: target/screenshots/console-patient-mood.png, console-triage-self-harm.png,
 * console-alerts-note-required.png.
 */
@QuarkusTest
class ConsoleMoodTest {
    @TestHTTPResource("/")
    URL base;

    Browser browser;
    Physio physio;
    String patient;
    String other;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        patient = Clinic.newPatientOf(physio, "Europe/Vienna", "Mona Mood");
        other = Clinic.newPatientOf(physio, "Europe/Vienna", "Abe Alright");
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void answersShowOnThePatientPageAndAnItem9AnswerComesFirstAndNeedsANote() {
        answer(List.of(1, 1, 1, 1, 1, 1, 0, 0, 0), 30); // 6, mild
        answer(List.of(2, 2, 1, 1, 1, 1, 1, 0, 1), 2); // 10, moderate, item 9 = 1

        browser.open(base, Clinic.consoleSignInPath(physio));
        // First on the list, above a patient with no concern, flagged as a matter of safety.
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#patients tbody tr[data-patient-id]"));
        assertThat(rows.get(0).getAttribute("data-patient-id")).isEqualTo(patient);
        assertThat(rows.get(0).findElement(By.cssSelector(".flag-safety")).getText())
                .isEqualTo("safety: self harm answer");
        browser.screenshot("console-triage-self-harm");

        browser.open(base, "/console/patients/" + patient);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver()
                        .findElements(By.cssSelector("#mood-chart canvas"))
                        .isEmpty());
        JsonPath api = as(physio.token())
                .get("/api/v1/patients/" + patient + "/questionnaire-responses")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<WebElement> shown = browser.driver().findElements(By.cssSelector("#mood-table tbody tr"));
        assertThat(shown).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(shown.get(i).getAttribute("data-response-id")).isEqualTo(api.getString("[" + i + "].id"));
            assertThat(shown.get(i).getAttribute("data-total")).isEqualTo(api.getString("[" + i + "].total"));
            assertThat(shown.get(i).getAttribute("data-band")).isEqualTo(api.getString("[" + i + "].band"));
        }
        assertThat(shown.get(1).findElements(By.tagName("td")).get(3).getText()).isEqualTo("1: alert raised");
        String series = browser.driver().findElement(By.id("mood-series")).getAttribute("textContent");
        assertThat(series).contains("\"totals\":[6,10]");
        browser.driver().executeScript("document.getElementById('mood-title').scrollIntoView()");
        browser.screenshot("console-patient-mood");

        // The alerts page asks for a note with it, and refuses the acknowledgement without one.
        browser.open(base, "/console/alerts");
        String alertId = as(physio.token())
                .get("/api/v1/patients/" + patient + "/alerts?status=open")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.rule == 'phq9_item9' }.id");
        WebElement row = browser.driver().findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']"));
        WebElement field = row.findElement(By.tagName("textarea"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("label[for='" + field.getAttribute("id") + "']"))
                        .getText())
                .isEqualTo("Note (required: what was done, at most 1000 characters)");
        row.findElement(By.tagName("button")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.id("note-error-" + alertId))
                        .isEmpty());
        assertThat(browser.driver().findElement(By.id("note-error-" + alertId)).getText())
                .startsWith("Not acknowledged: the note is required to acknowledge a phq9_item9 alert");
        browser.screenshot("console-alerts-note-required");
        assertThat(statusOf(alertId)).isEqualTo("open");

        browser.driver()
                .findElement(By.id("note-" + alertId))
                .sendKeys("Called Mona at once: safe, seeing her GP today.");
        browser.driver()
                .findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "'] button"))
                .click();
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(alertId).equals("acknowledged"));
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("Failed to load resource"));
    }

    private void answer(List<Integer> answers, int hoursAgo) {
        as(Tokens.patient(patient))
                .contentType("application/json")
                .body(Map.of(
                        "questionnaire",
                        "phq-9",
                        "answers",
                        answers,
                        "answeredAt",
                        TestClock.CLOCK
                                .instant()
                                .minus(Duration.ofHours(hoursAgo))
                                .toString()))
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + UUID.randomUUID())
                .then()
                .statusCode(201);
    }

    private String statusOf(String alertId) {
        return as(physio.token())
                .get("/api/v1/patients/" + patient + "/alerts?status=all")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.id == '" + alertId + "' }.status");
    }
}
