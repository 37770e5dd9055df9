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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
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
 * The console's patient page in Debian's Chromium: opened from the triage list, its adherence
 * calendar, daily numbers and chart data read back from the page and compared with the API's
 * answers for the same four weeks, its open alert and device; another physiotherapist's patient
 * and an unknown id get the same 404 page. Screenshots: target/screenshots/console-patient-*.png.
 */
@QuarkusTest
class ConsolePatientPageTest {
    static final String ZONE = "Pacific/Kiritimati";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    Browser browser;
    Physio physio;
    String patient;
    String someoneElses;
    LocalDate today;
    LocalDate from;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        // Fourteen hours ahead of UTC: for most of the day, the patient's today is not the server's.
        patient = Clinic.newPatientOf(physio, ZONE, "Cleo Calendar");
        someoneElses = Clinic.newPatientOf(Clinic.newPhysio(), "UTC", "Olga Otherphysio");
        today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of(ZONE)));
        from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
        // In force from the second week shown: the first is not scheduled. Inserted directly, as the
        // API refuses backdated programs.
        jdbc.update(
                "insert into program_version (patient_id, version, effective_from, components, author_role, "
                        + "author_subject, reason, created_at) values (?, 1, ?, ?::jsonb, 'physio', 'test', "
                        + "'in force before today', now())",
                UUID.fromString(patient),
                from.plusWeeks(1),
                ConsoleBrowserTest.STEPS);
        DayRows rows = new DayRows(jdbc, patient);
        LocalDate w2 = from.plusWeeks(1), w3 = from.plusWeeks(2);
        rows.insert(new Day(from.plusDays(2).toString(), 13, 9000, 20.0, 40.0, Map.of("4.2", 3)));
        rows.insert(new Day(w2.toString(), 14, 8000, 31.5, 40.0, Map.of("4.2", 12)));
        rows.insert(new Day(w2.plusDays(1).toString(), 14, 5000, 22.0, 40.0, Map.of("4.2", 5)));
        rows.insert(new Day(w2.plusDays(2).toString(), 14, 1000, 3.25, 40.0, Map.of()));
        rows.insert(new Day(w2.plusDays(3).toString(), 2, 600, 0.0, 40.0, Map.of()));
        for (int i = 0; i < 7; i++) {
            rows.insert(new Day(
                    w3.plusDays(i).toString(),
                    12 + i * 0.5,
                    7000 + i * 250,
                    30.0 + i,
                    45.0,
                    Map.of("4.2", 10 + i, "6.0", i)));
        }
        jdbc.update(
                "insert into alert (id, patient_id, rule, episode, raised_at, message, details) values "
                        + "(?, ?, 'no_sync', 'page', ?, 'No data synced for 2.0 days', '{}'::jsonb)",
                UUID.randomUUID(),
                UUID.fromString(patient),
                TestClock.CLOCK.instant().minus(Duration.ofHours(3)));
        jdbc.update(
                "insert into device (id, patient_id, placement, range_g, model, registered_at, data_from) "
                        + "values (?, ?, 'waist', 16, 'OST-W1', ?, ?)",
                "page-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.fromString(patient),
                TestClock.CLOCK.instant().minus(Duration.ofDays(30)),
                TestClock.CLOCK.instant().minus(Duration.ofDays(30)));
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void thePatientOpensFromTheTriageListWithTheApisCalendarNumbersAndChart() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver()
                        .findElements(By.cssSelector("tr[data-patient-id='" + patient + "'] a"))
                        .isEmpty());
        browser.driver()
                .findElement(By.cssSelector("tr[data-patient-id='" + patient + "'] a"))
                .click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver()
                        .findElements(By.cssSelector("#chart canvas"))
                        .isEmpty());
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/patients/" + patient);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Cleo Calendar");
        assertThat(browser.driver().findElement(By.id("patient")).getAttribute("data-today"))
                .isEqualTo(today.toString());
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#calendar td.today"))
                        .getAttribute("data-date"))
                .isEqualTo(today.toString());
        browser.screenshot("console-patient");

        String range = "from=" + from + "&to=" + today;
        JsonPath byDay = as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence?by=day&" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath byWeek = as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence?by=week&" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath days = as(physio.token())
                .get("/api/v1/patients/" + patient + "/days?" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        // The calendar: one cell per day up to today, each with the API's status as its class and its word.
        List<Map<String, Object>> apiDays = byDay.getList("");
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("#calendar td[data-status]"));
        assertThat(cells).hasSize(apiDays.size());
        Map<String, String> expected = new HashMap<>();
        for (Map<String, Object> d : apiDays) {
            expected.put((String) d.get("date"), status(d));
        }
        for (WebElement cell : cells) {
            String want = expected.get(cell.getAttribute("data-date"));
            assertThat(cell.getAttribute("data-status"))
                    .as(cell.getAttribute("data-date"))
                    .isEqualTo(want);
            assertThat(cell.getAttribute("class")).contains("status-" + want);
            assertThat(cell.findElement(By.cssSelector(".label")).getText()).isEqualTo(want.replace('_', ' '));
        }
        assertThat(expected.values())
                .as("the seeded weeks give every kind of day")
                .contains("met", "partial", "missed", "no_data", "not_scheduled", "in_progress");
        assertThat(expected.get(from.plusDays(2).toString())).isEqualTo("not_scheduled");
        assertThat(expected.get(from.plusWeeks(1).toString())).isEqualTo("met");
        assertThat(expected.get(from.plusWeeks(1).plusDays(1).toString())).isEqualTo("partial");
        assertThat(expected.get(from.plusWeeks(1).plusDays(2).toString())).isEqualTo("missed");
        assertThat(expected.get(from.plusWeeks(1).plusDays(3).toString())).isEqualTo("no_data");

        List<WebElement> weekRows = browser.driver().findElements(By.cssSelector("#calendar tbody tr"));
        assertThat(weekRows).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(weekRows.get(i).getAttribute("data-week-start"))
                    .isEqualTo(byWeek.getString("[" + i + "].weekStart"));
            Double overall = Browser.asDouble(byWeek.get("[" + i + "].overall"));
            assertThat(Browser.number(weekRows.get(i).getAttribute("data-overall")))
                    .isEqualTo(overall);
            assertThat(weekRows.get(i).findElement(By.cssSelector("td.week")).getText())
                    .startsWith(overall == null ? "–" : String.format(java.util.Locale.ROOT, "%.0f %%", overall * 100));
        }

        // The daily numbers, row by row against the days API, impacts at the default 4.2 g.
        List<Map<String, Object>> apiNumbers = days.getList("");
        List<WebElement> numberRows = browser.driver().findElements(By.cssSelector("#days tbody tr[data-date]"));
        assertThat(numberRows).hasSize(apiNumbers.size()).hasSize(12);
        for (int i = 0; i < apiNumbers.size(); i++) {
            Map<String, Object> d = apiNumbers.get(i);
            WebElement row = numberRows.get(i);
            assertThat(row.getAttribute("data-date")).isEqualTo(d.get("date"));
            List<WebElement> td = row.findElements(By.tagName("td"));
            assertThat(Integer.parseInt(td.get(0).getText())).isEqualTo(d.get("steps"));
            assertThat(Double.valueOf(td.get(1).getText())).isEqualTo(Browser.asDouble(d.get("mvpaMinutes")));
            assertThat(Integer.parseInt(td.get(2).getText())).isEqualTo(impacts(d));
            assertThat(Double.valueOf(td.get(3).getText())).isEqualTo(Browser.asDouble(d.get("wearHours")));
        }

        // The chart's data block is the days API's numbers, and the chart was drawn from it.
        String block = browser.driver().findElement(By.id("series")).getAttribute("textContent");
        List<Map<String, Object>> series = JsonPath.from(block).getList("");
        assertThat(series).hasSize(apiNumbers.size());
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> s = series.get(i), d = apiNumbers.get(i);
            assertThat(s.get("date")).isEqualTo(d.get("date"));
            assertThat(s.get("steps")).isEqualTo(d.get("steps"));
            assertThat(Browser.asDouble(s.get("mvpaMinutes"))).isEqualTo(Browser.asDouble(d.get("mvpaMinutes")));
            assertThat(s.get("impacts")).isEqualTo(impacts(d));
            assertThat(Browser.asDouble(s.get("wearHours"))).isEqualTo(Browser.asDouble(d.get("wearHours")));
        }
        assertThat(browser.driver().findElement(By.id("chart")).getAttribute("data-drawn"))
                .isEqualTo(String.valueOf(series.size()));
        Object painted = browser.driver()
                .executeScript("const c = document.querySelector('#chart canvas');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;");
        assertThat(((Number) painted).longValue()).as("painted pixels").isGreaterThan(1000);

        // The open alert and the device.
        assertThat(browser.driver().findElement(By.id("alerts")).getText())
                .contains("no sync")
                .contains("No data synced for 2.0 days")
                .contains("(" + ZONE + ")");
        assertThat(browser.driver().findElement(By.id("devices")).getText())
                .contains("waist")
                .contains("OST-W1")
                .contains("never");
        browser.driver().executeScript("document.getElementById('numbers-title').scrollIntoView()");
        browser.screenshot("console-patient-numbers");
        browser.driver().executeScript("document.getElementById('alerts-title').scrollIntoView()");
        browser.screenshot("console-patient-alerts");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anotherPhysiotherapistsPatientAndAnUnknownIdGetTheSame404Page() {
        Response signIn = given().redirects().follow(false).get(Clinic.consoleSignInPath(physio));
        String session = signIn.getCookie(ConsoleAuthentication.COOKIE);
        Response others =
                given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/patients/" + someoneElses);
        Response unknown =
                given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/patients/" + UUID.randomUUID());
        Response notAnId = given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/patients/nope");
        for (Response r : List.of(others, unknown, notAnId)) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.getHeader("Content-Security-Policy")).contains("script-src 'self'");
        }
        assertThat(others.asString())
                .isEqualTo(unknown.asString())
                .isEqualTo(notAnId.asString())
                .doesNotContain("Olga")
                .doesNotContain(someoneElses);
        // The API answers the same patient alike.
        as(physio.token())
                .get("/api/v1/patients/" + someoneElses + "/days")
                .then()
                .statusCode(404);
        given().get("/console/patients/" + patient).then().statusCode(401);

        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.open(base, "/console/patients/" + someoneElses);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Patient not found");
        assertThat(browser.driver().getPageSource()).doesNotContain("Olga");
        browser.screenshot("console-patient-not-found");
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("404"), "only the page's own 404");
    }

    @Test
    void anAlertIsAcknowledgedWithANoteFromThePatientPageAndAnotherPhysiosPostChangesNothing() {
        String alertId = jdbc.one(
                        "select id from alert where patient_id = ? and status = 'open'",
                        rs -> rs.getString(1),
                        UUID.fromString(patient))
                .orElseThrow();
        String theirs = UUID.randomUUID().toString();
        jdbc.update(
                "insert into alert (id, patient_id, rule, episode, raised_at, message, details) values "
                        + "(?, ?, 'no_sync', 'theirs', ?, 'No data synced for 3.0 days', '{}'::jsonb)",
                UUID.fromString(theirs),
                UUID.fromString(someoneElses),
                TestClock.CLOCK.instant().minus(Duration.ofHours(1)));

        browser.open(base, Clinic.consoleSignInPath(physio));
        browser.open(base, "/console/patients/" + patient);
        WebElement row = browser.driver().findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']"));
        WebElement field = row.findElement(By.tagName("textarea"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("label[for='" + field.getAttribute("id") + "']"))
                        .getText())
                .isEqualTo("Note (optional, at most 1000 characters)");
        field.sendKeys("Phoned: the watch was on the charger all weekend.");
        row.findElement(By.tagName("button")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver()
                        .findElements(By.cssSelector("#alerts tr[data-alert-id]"))
                        .isEmpty());
        assertThat(browser.driver().getCurrentUrl()).contains("/console/patients/" + patient);
        browser.screenshot("console-patient-alert-acknowledged");
        Map<String, Object> acknowledged = as(physio.token())
                .get("/api/v1/patients/" + patient + "/alerts?status=all")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items.find { it.id == '" + alertId + "' }");
        assertThat(acknowledged)
                .containsEntry("status", "acknowledged")
                .containsEntry("acknowledgedBy", physio.subject())
                .containsEntry("acknowledgementNote", "Phoned: the watch was on the charger all weekend.");
        assertThat(browser.consoleErrors()).isEmpty();

        // Another physiotherapist's patient's alert, posted with this session's token: their patient is
        // not found, and the alert stays open.
        io.restassured.response.Response signIn =
                given().redirects().follow(false).get(Clinic.consoleSignInPath(physio));
        String session = signIn.getCookie(ConsoleAuthentication.COOKIE);
        String page = given().cookie(ConsoleAuthentication.COOKIE, session)
                .get("/console/patients/" + patient)
                .asString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).isTrue();
        given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParam("csrf", token.group(1))
                .formParam("note", "not mine")
                .post("/console/patients/" + someoneElses + "/alerts/" + theirs + "/acknowledge")
                .then()
                .statusCode(404);
        given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParam("note", "no token")
                .post("/console/patients/" + patient + "/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(403);
        assertThat(jdbc.one("select status from alert where id = ?", rs -> rs.getString(1), UUID.fromString(theirs)))
                .contains("open");
    }

    /** A day's status from the API's by=day answer: the program here has one component, steps. */
    private static String status(Map<String, Object> day) {
        List<Map<String, Object>> components = (List<Map<String, Object>>) day.get("components");
        return components.isEmpty()
                ? "not_scheduled"
                : (String) components.get(0).get("status");
    }

    private static Integer impacts(Map<String, Object> day) {
        Object n = ((Map<String, Object>) day.get("impactsAtOrAbove")).get("4.2");
        return n == null ? 0 : ((Number) n).intValue();
    }
}
