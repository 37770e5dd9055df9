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
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
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
import org.osteon.common.Jdbc;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;

/**
 * The console's sign-in and triage list in Debian's Chromium, against the service and PostgreSQL
 * of the test run. A physiotherapist with three patients (one improving, one struggling, one
 * without a program) and another physiotherapist's patient: the list shows the three, the one
 * needing attention first, with the numbers the roster API gives them, and never the fourth.
 * Screenshots: target/screenshots/console-*.png.
 */
@QuarkusTest
class ConsoleBrowserTest {
    static final String STEPS = "[{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":7}]";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Jdbc jdbc;

    Browser browser;
    Physio physio;
    String improving;
    String struggling;
    String noProgram;
    String someoneElses;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        improving = Clinic.newPatientOf(physio, "UTC", "Ida Improving");
        struggling = Clinic.newPatientOf(physio, "UTC", "Sam Struggling");
        noProgram = Clinic.newPatientOf(physio, "UTC", "Noa Noprogram");
        someoneElses = Clinic.newPatientOf(Clinic.newPhysio(), "UTC", "Olga Otherphysio");
        LocalDate lastWeek = LocalDate.now(TestClock.CLOCK.withZone(ZoneOffset.UTC))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        // Versions that took effect weeks ago: the API refuses backdated programs.
        for (String p : List.of(improving, struggling)) {
            jdbc.update(
                    "insert into program_version (patient_id, version, effective_from, components, author_role, "
                            + "author_subject, reason, created_at) values (?, 1, ?, ?::jsonb, 'physio', 'test', "
                            + "'in force before today', now())",
                    UUID.fromString(p),
                    lastWeek.minusWeeks(1),
                    STEPS);
        }
        // Improving also wore the sensor the week before: enough days in the last 30 not to be sparse.
        week(improving, lastWeek.minusWeeks(2), 4000);
        week(improving, lastWeek.minusWeeks(1), 4000);
        week(improving, lastWeek, 8000);
        week(struggling, lastWeek.minusWeeks(1), 8000);
        week(struggling, lastWeek, 3000);
        // Two open alerts for struggling: the list shows the count and the worse kind, no sync.
        for (String rule : List.of("non_adherence", "no_sync")) {
            jdbc.update(
                    "insert into alert (id, patient_id, rule, episode, raised_at, message, details) "
                            + "values (?, ?, ?, 'test', now(), 'test', '{}'::jsonb)",
                    UUID.randomUUID(),
                    UUID.fromString(struggling),
                    rule);
        }
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aSignInLinkOpensTheTriageListWithTheRostersNumbersNeedingAttentionFirst() {
        signInAndSeeThreePatients();
        browser.screenshot("console-triage");

        List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr[data-patient-id]"));
        // No program in force and sparse data (struggling: 14 days with data in the last 30) are
        // flags that need attention; then the lowest adherence last week, none last.
        assertThat(rows)
                .extracting(r -> r.getAttribute("data-patient-id"))
                .containsExactly(struggling, noProgram, improving);
        assertThat(rows.get(0).getText()).contains("sparse data").contains("worst: no sync");
        assertThat(rows.get(0).getAttribute("data-worst-alert-kind")).isEqualTo("no_sync");
        assertThat(rows.get(1).getText()).contains("no program");
        assertThat(rows.get(2).getAttribute("data-flags")).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("form.account")).getText())
                .contains("Signed in as PT " + physio.subject());
        assertThat(browser.driver().getPageSource())
                .doesNotContain(someoneElses)
                .doesNotContain("Olga");

        JsonPath roster = as(physio.token())
                .get("/api/v1/physiotherapists/me/patients?size=10")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (WebElement row : rows) {
            String id = row.getAttribute("data-patient-id");
            Map<String, Object> entry = roster.getMap("items.find { it.patientId == '" + id + "' }");
            assertThat(row.getAttribute("data-name")).isEqualTo(entry.get("displayName"));
            assertThat(Browser.number(row.getAttribute("data-last-week")))
                    .isEqualTo(Browser.asDouble(entry.get("lastWeekAdherence")));
            assertThat(Browser.number(row.getAttribute("data-current-week")))
                    .isEqualTo(Browser.asDouble(entry.get("currentWeekAdherence")));
            assertThat(Integer.parseInt(row.getAttribute("data-open-alerts"))).isEqualTo(entry.get("openAlerts"));
            assertThat(Integer.parseInt(row.getAttribute("data-completeness")))
                    .isEqualTo(entry.get("daysWithDataLast30"));
            assertThat(row.findElements(By.tagName("td")).get(4).getText())
                    .isEqualTo(entry.get("daysWithDataLast30") + " / 30");
            assertThat(row.getAttribute("data-worst-alert-kind"))
                    .isEqualTo(entry.get("worstOpenAlert") == null ? "" : entry.get("worstOpenAlert"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> components = (List<Map<String, Object>>) entry.get("currentWeekComponents");
            List<WebElement> shownComponents = row.findElements(By.cssSelector("ul.components li"));
            assertThat(shownComponents).hasSameSizeAs(components);
            for (int i = 0; i < components.size(); i++) {
                assertThat(shownComponents.get(i).getAttribute("data-kind"))
                        .isEqualTo(components.get(i).get("kind"));
                assertThat(Browser.number(shownComponents.get(i).getAttribute("data-adherence")))
                        .isEqualTo(Browser.asDouble(components.get(i).get("adherence")));
            }
            Double lastWeek = Browser.asDouble(entry.get("lastWeekAdherence"));
            String shown = row.findElements(By.tagName("td")).get(1).getText();
            assertThat(shown)
                    .isEqualTo(
                            lastWeek == null ? "–" : String.format(java.util.Locale.ROOT, "%.0f %%", lastWeek * 100));
        }
        // Struggling walked 3000 of 7000 steps a day last week; improving 8000, all met.
        assertThat(Browser.number(rows.get(0).getAttribute("data-last-week"))).isLessThan(0.5);
        assertThat(Browser.number(rows.get(2).getAttribute("data-last-week"))).isEqualTo(1.0);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theFilterAndAColumnSortWorkInThePage() {
        signInAndSeeThreePatients();
        browser.driver().findElement(By.id("filter")).sendKeys("sam");
        assertThat(visibleRows()).containsExactly(struggling);
        assertThat(browser.driver().findElement(By.id("shown")).getText()).isEqualTo("1 patient");
        browser.screenshot("console-triage-filtered");

        browser.driver().findElement(By.id("filter")).clear();
        browser.driver().findElement(By.id("filter")).sendKeys(" ");
        browser.driver().findElement(By.cssSelector("button[data-sort='name']")).click();
        assertThat(visibleRows()).containsExactly(improving, noProgram, struggling);
        browser.driver().findElement(By.cssSelector("button[data-sort='name']")).click();
        assertThat(visibleRows()).containsExactly(struggling, noProgram, improving);

        // Completeness: improving has 14 days plus some of a third week, struggling 14, no program none.
        WebElement completeness = browser.driver().findElement(By.cssSelector("button[data-sort='completeness']"));
        completeness.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(visibleRows()).containsExactly(noProgram, struggling, improving);
        assertThat(completeness.findElement(By.xpath("..")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("button[data-sort='name']"))
                        .findElement(By.xpath(".."))
                        .getAttribute("aria-sort"))
                .isNull();
        completeness.click();
        assertThat(visibleRows()).containsExactly(improving, struggling, noProgram);
        assertThat(completeness.findElement(By.xpath("..")).getAttribute("aria-sort"))
                .isEqualTo("descending");
        browser.screenshot("console-triage-by-completeness");

        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("show")))
                .selectByValue("sparse_data");
        assertThat(visibleRows()).containsExactly(struggling);
        assertThat(browser.driver().findElement(By.id("shown")).getText()).isEqualTo("1 patient");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("show")))
                .selectByValue("attention");
        assertThat(visibleRows()).containsExactly(struggling, noProgram);
        assertThat(browser.driver().findElement(By.id("shown")).getText()).isEqualTo("2 patients");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("label[for='show']"))
                        .getText())
                .isEqualTo("Show");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aLinkWorksOnceAndSigningOutEndsTheSession() {
        String link = Clinic.consoleSignInPath(physio);
        browser.open(base, link);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));

        browser.open(base, link);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("This sign-in link does not work");
        browser.screenshot("console-link-used");

        browser.open(base, "/console");
        browser.driver().findElement(By.cssSelector("form.account button")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        browser.driver().findElement(By.tagName("h1")).getText().equals("Signed out"));
        browser.screenshot("console-signed-out");
        browser.open(base, "/console");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to the console");
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("401"), "only the signed-out page's own 401");
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndTheCookieIsTheConsolesAlone() {
        Response signIn = given().redirects().follow(false).get(Clinic.consoleSignInPath(physio));
        assertThat(signIn.statusCode()).as(signIn.asString()).isEqualTo(303);
        String setCookie = signIn.getHeader("Set-Cookie");
        assertThat(setCookie)
                .startsWith(ConsoleAuthentication.COOKIE + "=")
                .contains("Path=/console")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        String session = signIn.getCookie(ConsoleAuthentication.COOKIE);

        Response home = given().cookie(ConsoleAuthentication.COOKIE, session).get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        // Every script comes from the service: none is written into the page.
        assertThat(home.asString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");

        Response forged = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParam("csrf", "not-the-token")
                .post("/console/sign-out");
        assertThat(forged.statusCode()).isEqualTo(403);
        Response noToken = given().cookie(ConsoleAuthentication.COOKIE, session)
                .contentType("application/x-www-form-urlencoded")
                .post("/console/sign-out");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(given().cookie(ConsoleAuthentication.COOKIE, session)
                        .get("/console")
                        .statusCode())
                .as("a refused form changes nothing")
                .isEqualTo(200);

        // The API takes bearer tokens only: the console's cookie is no way in.
        given().cookie(ConsoleAuthentication.COOKIE, session)
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .statusCode(401);

        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(home.asString());
        assertThat(token.find()).isTrue();
        Response signOut = given().redirects()
                .follow(false)
                .cookie(ConsoleAuthentication.COOKIE, session)
                .formParam("csrf", token.group(1))
                .post("/console/sign-out");
        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(given().cookie(ConsoleAuthentication.COOKIE, session)
                        .get("/console")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void onlyARegisteredPhysiotherapistGetsALink() {
        as(org.osteon.support.Tokens.physio("nobody-" + UUID.randomUUID()))
                .post("/api/v1/console/sign-in-links")
                .then()
                .statusCode(403);
        as(org.osteon.support.Tokens.admin())
                .post("/api/v1/console/sign-in-links")
                .then()
                .statusCode(403);
        given().post("/api/v1/console/sign-in-links").then().statusCode(401);
    }

    private void signInAndSeeThreePatients() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver()
                                .findElements(By.cssSelector("tr[data-patient-id]"))
                                .size()
                        == 3);
    }

    private List<String> visibleRows() {
        return browser.driver().findElements(By.cssSelector("tr[data-patient-id]")).stream()
                .filter(WebElement::isDisplayed)
                .map(r -> r.getAttribute("data-patient-id"))
                .toList();
    }

    private void week(String patient, LocalDate monday, int steps) {
        DayRows rows = new DayRows(jdbc, patient);
        for (int i = 0; i < 7; i++) {
            rows.insert(new Day(monday.plusDays(i).toString(), 14, steps, 30.0, 40.0, Map.of()));
        }
    }
}
