package org.osteon.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.osteon.common.Jdbc;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;

/**
 * The console's RTM page in Chromium: a patient in an RTM episode with three days of device data;
 * the page shows the episode's first period with its days and 98985, and the month's minutes; the
 * physiotherapist logs 25 minutes with a live interaction in the form and the month's row then says
 * 25 minutes and 98980, as the RTM API does. An end before the start is refused at its field, nothing
 * logged; another physiotherapist's patient is not found. Screenshot: target/screenshots/console-rtm.png.
 */
@QuarkusTest
class ConsoleRtmTest {
    static final String VIENNA = "Europe/Vienna";
    static final DateTimeFormatterHolder F = new DateTimeFormatterHolder();

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    Browser browser;
    Physio physio;
    String patient;
    LocalDate today;

    /** The datetime-local form of a local time, to the minute. */
    static final class DateTimeFormatterHolder {
        String of(LocalDateTime t) {
            return t.truncatedTo(ChronoUnit.MINUTES).toString().substring(0, 16);
        }
    }

    @BeforeEach
    void patientInAnEpisode() {
        physio = Clinic.newPhysio();
        patient = Clinic.newPatientOf(physio, VIENNA, "Rita Remote");
        today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of(VIENNA)));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("start", today.minusDays(10).toString()))
                .post("/api/v1/patients/" + patient + "/rtm/episodes")
                .then()
                .statusCode(201);
        DayRows rows = new DayRows(jdbc, patient);
        for (int i = 1; i <= 3; i++) {
            rows.insert(new Day(today.minusDays(i).toString(), 12, 6000, 20.0, 40.0, Map.of()));
        }
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private WebElement monthRow(String month) {
        return browser.driver().findElement(By.cssSelector("#months tr[data-month='" + month + "']"));
    }

    private void fill(String start, String end, String activity, boolean live) {
        var d = browser.driver();
        d.executeScript("arguments[0].value = arguments[1];", d.findElement(By.id("start")), start);
        d.executeScript("arguments[0].value = arguments[1];", d.findElement(By.id("end")), end);
        WebElement a = d.findElement(By.id("activity"));
        a.clear();
        a.sendKeys(activity);
        if (live != d.findElement(By.id("interactive")).isSelected()) {
            d.findElement(By.id("interactive")).click();
        }
        d.findElement(By.cssSelector("#log-time button[type=submit]")).click();
    }

    @Test
    void loggingTimeInTheFormChangesTheMonthsMinutesAndCodes() throws Exception {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver()
                        .findElements(By.cssSelector("tr[data-patient-id]"))
                        .isEmpty());
        browser.open(base, "/console/patients/" + patient);
        browser.driver().findElement(By.linkText("RTM evidence")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver().findElements(By.id("log-time")).isEmpty());

        browser.screenshot("console-rtm-episodes");
        // The first period: three days with data, 98985.
        WebElement period = browser.driver().findElement(By.cssSelector(".periods tr[data-period='1']"));
        assertThat(period.getAttribute("data-days-with-data")).isEqualTo("3");
        assertThat(period.getAttribute("data-code")).isEqualTo("98985");

        LocalDateTime now = LocalDateTime.ofInstant(TestClock.CLOCK.instant(), ZoneId.of(VIENNA));
        LocalDateTime start = now.minusMinutes(40).truncatedTo(ChronoUnit.MINUTES);
        String month = start.toLocalDate().toString().substring(0, 7);
        int before = Integer.parseInt(monthRow(month).getAttribute("data-minutes"));
        assertThat(before).isZero();

        // Refused: an end before the start, shown at its field; nothing logged.
        fill(F.of(start), F.of(start.minusMinutes(5)), "Reviewed the week's loading", true);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver().findElements(By.id("log-error")).isEmpty());
        assertThat(browser.driver().findElement(By.id("log-error")).getText()).startsWith("end:");
        assertThat(browser.driver().findElement(By.id("end")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(monthRow(month).getAttribute("data-minutes")).isEqualTo("0");

        fill(F.of(start), F.of(start.plusMinutes(25)), "Reviewed the week's loading, call about pain", true);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("log-error")).isEmpty()
                        && "25".equals(monthRow(month).getAttribute("data-minutes")));
        assertThat(monthRow(month).getAttribute("data-codes")).isEqualTo("98980");
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".entries[data-month='" + month + "']"))
                        .getText())
                .contains("Reviewed the week's loading, call about pain");
        // As the RTM API answers it.
        int apiMinutes = as(physio.token())
                .get("/api/v1/patients/" + patient + "/rtm?from=" + start.toLocalDate() + "&to=" + start.toLocalDate())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("months[0].minutes");
        assertThat(apiMinutes).isEqualTo(25);
        Path shot = browser.screenshot("console-rtm");
        Files.copy(shot, Path.of("target", "console-rtm.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(browser.accessibilityViolations()).isEmpty();

        // Another physiotherapist's patient: not found.
        String other = Clinic.newPatientOf(Clinic.newPhysio(), VIENNA, "Otto Other");
        browser.open(base, "/console/patients/" + other + "/rtm");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Patient not found");
        assertThat(UUID.fromString(other)).isNotNull();
    }
}
