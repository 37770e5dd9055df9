package org.osteon.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;

/**
 * The program editor in Debian's Chromium: a physiotherapist whose patient has a steps program
 * starts from the progressive-impact template, adds a steps component, gets the API's own message
 * at the field for an impact threshold out of range (nothing saved), previews the coming weeks and
 * saves; the previewed weekly targets are those the adherence API then answers for those dates,
 * the program API answers the new version, and the history shows what it changed, old → new.
 * Another physiotherapist's patient is not there (404, nothing changed) and a form without its
 * token changes nothing (403). Screenshots: target/screenshots/console-program-*.png.
 */
@QuarkusTest
class ConsoleProgramEditorTest {
    static final String ZONE = "Europe/Vienna";
    static final List<Map<String, Object>> STEPS =
            List.of(Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5));

    @TestHTTPResource("/")
    URL base;

    Browser browser;
    Physio physio;
    Physio other;
    String patient;
    String theirs;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        patient = Clinic.newPatientOf(physio, ZONE, "Edda Editor " + physio.subject());
        Clinic.prescribe(physio, patient, Map.of("components", STEPS, "reason", "first program"));
        other = Clinic.newPhysio();
        theirs = Clinic.newPatientOf(other, ZONE, "Otto Otherphysio");
        Clinic.prescribe(other, theirs, Map.of("components", STEPS, "reason", "their program"));
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aProgramEditedInTheConsoleIsTheVersionTheApiAnswers() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.open(base, "/console/patients/" + patient);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver().getTitle().startsWith("Edda"));
        click(By.linkText("Edit the program"));
        awaitTitle("Program of");

        // The current version is in the form, as the program API has it.
        assertThat(value("f-components-0-stepsPerDay")).isEqualTo("7000");
        assertThat(value("f-components-0-daysPerWeek")).isEqualTo("5");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of(ZONE)));
        assertThat(value("f-effectiveFrom")).isEqualTo(today.toString());
        browser.screenshot("console-program-editor");

        // Start from a template, then add steps again.
        new Select(browser.driver().findElement(By.id("start"))).selectByValue("progressive-impact-osteoporosis");
        click(By.cssSelector("form.start button"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.cssSelector("section[data-kind='impacts']"))
                        .isEmpty());
        assertThat(value("f-components-0-minG")).isEqualTo("4.2");
        assertThat(value("f-components-0-count")).isEqualTo("20");
        assertThat(value("f-components-0-cap-maxPerDay")).isEqualTo("60");
        assertThat(value("f-components-0-progression-step")).isEqualTo("5");
        assertThat(browser.driver().findElements(By.cssSelector("section[data-kind='steps']")))
                .isEmpty();
        new Select(browser.driver().findElement(By.id("add-kind"))).selectByValue("steps");
        click(By.cssSelector("button[value='add-component']"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.id("f-components-1-stepsPerDay"))
                        .isEmpty());
        type("f-components-1-stepsPerDay", "8000");
        type("f-components-1-daysPerWeek", "5");

        // An impact threshold out of range: the API's message at the field, nothing saved.
        type("f-components-0-minG", "20");
        type("f-reason", "More impacts, and more steps");
        click(By.cssSelector("button[value='save']"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.id("f-components-0-minG-error"))
                        .isEmpty());
        String apiMessage = as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "components",
                        List.of(
                                Map.of("kind", "impacts", "minG", 20, "count", 20, "per", "day"),
                                Map.of("kind", "steps", "stepsPerDay", 8000, "daysPerWeek", 5)),
                        "reason",
                        "the same error"))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getString("errors.find { it.field == 'components[0].minG' }.message");
        assertThat(apiMessage).isNotBlank();
        WebElement minG = browser.driver().findElement(By.id("f-components-0-minG"));
        assertThat(browser.driver()
                        .findElement(By.id("f-components-0-minG-error"))
                        .getText())
                .isEqualTo(apiMessage);
        assertThat(minG.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(minG.getAttribute("aria-describedby").split(" ")).contains("f-components-0-minG-error");
        assertThat(minG.getAttribute("value")).isEqualTo("20");
        assertThat(value("f-components-1-stepsPerDay")).isEqualTo("8000");
        assertThat(browser.driver().findElement(By.id("f-reason")).getAttribute("value"))
                .isEqualTo("More impacts, and more steps");
        assertThat(browser.driver().findElements(By.cssSelector("[aria-invalid='true']")))
                .hasSize(1);
        browser.screenshot("console-program-field-error");
        assertThat(versionCount(patient)).isEqualTo(1);

        // Correct it, raise the starting count, preview the coming weeks.
        type("f-components-0-minG", "4.2");
        type("f-components-0-count", "25");
        click(By.cssSelector("button[value='preview']"));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !browser.driver().findElements(By.id("preview-table")).isEmpty());
        browser.screenshot("console-program-preview");
        List<WebElement> weeks = browser.driver().findElements(By.cssSelector("#preview-table tbody tr"));
        assertThat(weeks).hasSize(ProgramEditorResource.PREVIEW_WEEKS);
        List<String> weekStarts = new ArrayList<>();
        List<Double> impacts = new ArrayList<>(), steps = new ArrayList<>();
        for (WebElement week : weeks) {
            weekStarts.add(week.getAttribute("data-week-start"));
            impacts.add(Double.valueOf(cell(week, "impacts")));
            steps.add(Double.valueOf(cell(week, "steps")));
        }
        assertThat(weekStarts.get(0)).isEqualTo(today.toString());
        // The template's progression: 5 more every 2 weeks, here from 25.
        assertThat(impacts).containsExactly(25.0, 25.0, 30.0, 30.0, 35.0, 35.0, 40.0, 40.0);
        assertThat(steps).containsOnly(8000.0);
        assertThat(versionCount(patient)).isEqualTo(1);

        click(By.cssSelector("button[value='save']"));
        awaitTitle("Program versions");
        assertThat(browser.driver().findElement(By.id("saved")).getText()).isEqualTo("Version 2 was saved.");

        // The program API answers the new version...
        JsonPath program = as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(program.getInt("inForce.version")).isEqualTo(2);
        assertThat(program.getString("inForce.reason")).isEqualTo("More impacts, and more steps");
        assertThat(program.getString("inForce.author.subject")).isEqualTo(physio.subject());
        assertThat(program.getInt("inForce.components.find { it.kind == 'impacts' }.count"))
                .isEqualTo(25);
        assertThat(program.getInt("inForce.components.find { it.kind == 'steps' }.stepsPerDay"))
                .isEqualTo(8000);
        // ...and the adherence API judges each previewed week against the targets the preview showed.
        JsonPath days = as(physio.token())
                .queryParam("from", weekStarts.get(0))
                .queryParam(
                        "to",
                        LocalDate.parse(weekStarts.get(weekStarts.size() - 1))
                                .plusDays(6)
                                .toString())
                .queryParam("by", "day")
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (int w = 0; w < weekStarts.size(); w++) {
            for (int d = 0; d < 7; d++) {
                String date = LocalDate.parse(weekStarts.get(w)).plusDays(d).toString();
                String day = "find { it.date == '" + date + "' }";
                assertThat(days.getInt(day + ".programVersion")).isEqualTo(2);
                assertThat(Browser.asDouble(days.get(day + ".components.find { it.kind == 'impacts' }.target")))
                        .as("impacts target on %s", date)
                        .isEqualTo(impacts.get(w));
                assertThat(Browser.asDouble(days.get(day + ".components.find { it.kind == 'steps' }.target")))
                        .as("steps target on %s", date)
                        .isEqualTo(steps.get(w));
            }
        }

        // The history: both versions, the new one's changes old → new.
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#versions tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-version")).containsExactly("2", "1");
        WebElement v2 = rows.get(0);
        assertThat(v2.findElement(By.cssSelector("td.reason")).getText()).isEqualTo("More impacts, and more steps");
        assertThat(v2.getAttribute("data-effective-from")).isEqualTo(program.getString("inForce.effectiveFrom"));
        List<String> changes = v2.findElements(By.cssSelector("ul.changes li")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(changes).containsExactly("steps: stepsPerDay 7000 → 8000", "impacts added");
        WebElement stepsChange = v2.findElement(By.cssSelector("li[data-field='stepsPerDay']"));
        assertThat(stepsChange.getAttribute("data-from")).isEqualTo("7000");
        assertThat(stepsChange.getAttribute("data-to"))
                .isEqualTo(
                        String.valueOf(program.getInt("inForce.components.find { it.kind == 'steps' }.stepsPerDay")));
        assertThat(rows.get(1).findElements(By.cssSelector("ul.changes li")))
                .extracting(WebElement::getText)
                .containsExactly("steps added");
        browser.screenshot("console-program-history");
        assertThat(browser.consoleErrors()).isEmpty();

        // Another physiotherapist's patient: the not-found page, as for an unknown id.
        browser.open(base, "/console/patients/" + theirs + "/program");
        awaitTitle("Patient not found");
        browser.open(base, "/console/patients/" + theirs + "/program/versions");
        awaitTitle("Patient not found");
        assertThat(browser.driver().getPageSource()).doesNotContain("Otto").doesNotContain("their program");
        // The browser reports each 404 answer itself, and nothing else.
        assertThat(browser.consoleErrors())
                .hasSize(2)
                .allMatch(m -> m.contains("/console/patients/" + theirs + "/program") && m.contains("404"));
    }

    @Test
    void aCheckInAddedInTheConsoleIsValidatedAtItsFieldsAndFallsDueForTheApp() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.open(base, "/console/patients/" + patient + "/program");
        awaitTitle("Program of");
        new Select(browser.driver().findElement(By.id("add-kind"))).selectByValue("checkin");
        click(By.cssSelector("button[value='add-component']"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.id("f-components-1-questionnaire"))
                        .isEmpty());
        assertThat(new Select(browser.driver().findElement(By.id("f-components-1-questionnaire"))).getOptions())
                .extracting(o -> o.getAttribute("value"))
                .containsExactly("", "phq-9", "phq-8", "phq-2");
        new Select(browser.driver().findElement(By.id("f-components-1-questionnaire"))).selectByValue("phq-8");
        type("f-reason", "Mood check-ins every two weeks");

        // No cadence, then too long a one: each time the API's message at the field, nothing saved.
        click(By.cssSelector("button[value='save']"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.id("f-components-1-everyDays-error"))
                        .isEmpty());
        assertThat(browser.driver()
                        .findElement(By.id("f-components-1-everyDays-error"))
                        .getText())
                .isEqualTo("give exactly one of everyDays (1 to 91) and everyWeeks (1 to 13)");
        type("f-components-1-everyWeeks", "20");
        click(By.cssSelector("button[value='save']"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.driver()
                        .findElements(By.id("f-components-1-everyWeeks-error"))
                        .isEmpty());
        String apiMessage = as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "components",
                        List.of(STEPS.get(0), Map.of("kind", "checkin", "questionnaire", "phq-8", "everyWeeks", 20)),
                        "reason",
                        "the same error"))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getString("errors.find { it.field == 'components[1].everyWeeks' }.message");
        assertThat(browser.driver()
                        .findElement(By.id("f-components-1-everyWeeks-error"))
                        .getText())
                .isEqualTo(apiMessage);
        assertThat(new Select(browser.driver().findElement(By.id("f-components-1-questionnaire")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("phq-8");
        assertThat(versionCount(patient)).isEqualTo(1);

        type("f-components-1-everyWeeks", "2");
        click(By.cssSelector("button[value='save']"));
        awaitTitle("Program versions");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#versions tbody tr"));
        assertThat(rows.get(0).findElements(By.cssSelector("ul.changes li")))
                .extracting(WebElement::getText)
                .containsExactly("checkin added");
        browser.screenshot("console-program-checkin");
        assertThat(browser.consoleErrors()).isEmpty();

        // The version the API answers, and the check-in it puts due for the patient's app today.
        JsonPath program = as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(program.getInt("inForce.version")).isEqualTo(2);
        assertThat(program.getMap("inForce.components.find { it.kind == 'checkin' }"))
                .isEqualTo(Map.of("kind", "checkin", "questionnaire", "phq-8", "everyWeeks", 2));
        JsonPath due = as(org.osteon.support.Tokens.patient(patient))
                .get("/api/v1/patients/" + patient + "/questionnaires/due")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(due.getList("due.questionnaire")).containsExactly("phq-8");

        // The editor shows the stored check-in as it was typed.
        browser.open(base, "/console/patients/" + patient + "/program");
        awaitTitle("Program of");
        assertThat(value("f-components-1-everyWeeks")).isEqualTo("2");
        assertThat(value("f-components-1-everyDays")).isEmpty();
    }

    @Test
    void anotherPhysiosPatientAndAFormWithoutItsTokenChangeNothing() {
        Response signIn = given().redirects().follow(false).get(Clinic.consoleSignInPath(physio));
        assertThat(signIn.statusCode()).isEqualTo(303);
        String session = signIn.getCookie(ConsoleAuthentication.COOKIE);

        Response editor =
                given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/patients/" + patient + "/program");
        assertThat(editor.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(editor.asString());
        assertThat(token.find()).isTrue();
        Map<String, String> save = Map.of(
                "action", "save",
                "components[0].kind", "steps",
                "components[0].stepsPerDay", "9000",
                "components[0].daysPerWeek", "6",
                "reason", "should not be saved");

        Response noToken = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParams(save)
                .post("/console/patients/" + patient + "/program");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(versionCount(patient)).isEqualTo(1);

        Response wrongToken = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParams(save)
                .formParam("csrf", "not-the-token")
                .post("/console/patients/" + patient + "/program");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(versionCount(patient)).isEqualTo(1);

        for (String path : List.of("/program", "/program/versions")) {
            Response theirPage =
                    given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/patients/" + theirs + path);
            Response unknownPage = given().cookie(ConsoleAuthentication.COOKIE, session)
                    .get("/console/patients/" + java.util.UUID.randomUUID() + path);
            assertThat(theirPage.statusCode()).isEqualTo(404);
            assertThat(unknownPage.statusCode()).isEqualTo(404);
            assertThat(theirPage.asString()).contains("Patient not found").doesNotContain("Otto");
            assertThat(unknownPage.asString()).contains("Patient not found");
        }
        Response theirPost = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParams(save)
                .formParam("csrf", token.group(1))
                .post("/console/patients/" + theirs + "/program");
        assertThat(theirPost.statusCode()).isEqualTo(404);
        assertThat(theirPost.asString()).contains("Patient not found");
        assertThat(as(other.token())
                        .get("/api/v1/patients/" + theirs + "/program/versions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("total"))
                .isEqualTo(1);

        // An error no input names goes at the top of the form, an effective date in the past at its
        // field, each with the API's message; nothing is saved.
        Response empty = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParam("csrf", token.group(1))
                .formParam("action", "save")
                .formParam("reason", "nothing left")
                .post("/console/patients/" + patient + "/program");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.asString())
                .containsPattern("id=\"form-errors\"[\\s\\S]*<li>components: must hold at least one component</li>");
        String yesterday = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of(ZONE)))
                .minusDays(1)
                .toString();
        Response past = given().cookie(ConsoleAuthentication.COOKIE, session)
                .formParams(save)
                .formParam("csrf", token.group(1))
                .formParam("effectiveFrom", yesterday)
                .post("/console/patients/" + patient + "/program");
        String apiMessage = as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("components", STEPS, "reason", "in the past", "effectiveFrom", yesterday))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getString("errors.find { it.field == 'effectiveFrom' }.message");
        Matcher error = Pattern.compile("<span class=\"error\" id=\"f-effectiveFrom-error\">([^<]+)</span>")
                .matcher(past.asString());
        assertThat(error.find()).isTrue();
        assertThat(unescaped(error.group(1))).isEqualTo(apiMessage);
        assertThat(past.asString()).contains("value=\"" + yesterday + "\" aria-describedby");
        assertThat(versionCount(patient)).isEqualTo(1);

        // The same form with its token saves, through the API: the control that the refusals above could fail.
        Response saved = given().cookie(ConsoleAuthentication.COOKIE, session)
                .redirects()
                .follow(false)
                .formParams(save)
                .formParam("csrf", token.group(1))
                .post("/console/patients/" + patient + "/program");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(versionCount(patient)).isEqualTo(2);
        assertThat(as(physio.token())
                        .get("/api/v1/patients/" + patient + "/program")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("inForce.components[0].stepsPerDay"))
                .isEqualTo(9000);
    }

    /** Text as Qute escaped it into the page, back to what it was. */
    private static String unescaped(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private int versionCount(String patientId) {
        return as(physio.token())
                .get("/api/v1/patients/" + patientId + "/program/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("total");
    }

    private static String cell(WebElement week, String kind) {
        return week.findElement(By.cssSelector("td[data-kind='" + kind + "']")).getAttribute("data-target");
    }

    private String value(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("value");
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void click(By by) {
        browser.driver().findElement(by).click();
    }

    private void awaitTitle(String prefix) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver().getTitle().startsWith(prefix));
    }
}
