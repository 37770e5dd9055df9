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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.osteon.common.Jdbc;
import org.osteon.support.Browser;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;

/**
 * The patient page's measurements in Debian's Chromium: days seeded with known band counts, cap
 * exceedances, bouted MVPA, steps, rolling RA/IS/IV and worn epochs per clock hour; each chart's
 * data block and table read back and compared with the days, adherence and program APIs; the wear
 * heatmap against the stored epochs; a day's detail opened from the calendar by keyboard with the
 * adherence API's components and the day's provenance; another physiotherapist's day and a
 * malformed date refused with the unknown patient's 404. Screenshots:
 * target/screenshots/console-measures-*.png.
 */
@QuarkusTest
class ConsolePatientMeasuresTest {
    static final String ZONE = "Pacific/Kiritimati";
    static final int EPOCH_SECONDS = 5;
    static final String PROGRAM = "[{\"kind\":\"impacts\",\"minG\":3.0,\"count\":20,\"per\":\"day\","
            + "\"cap\":{\"aboveG\":6.0,\"maxPerDay\":5}},"
            + "{\"kind\":\"mvpa\",\"minutesPerWeek\":150,\"boutMinutes\":10},"
            + "{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":7}]";

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
    /** The worn epochs per clock hour seeded for each date. */
    final Map<String, int[]> hourEpochs = new HashMap<>();

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        patient = Clinic.newPatientOf(physio, ZONE, "Mira Measures");
        someoneElses = Clinic.newPatientOf(Clinic.newPhysio(), "UTC", "Olga Otherphysio");
        today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of(ZONE)));
        from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
        jdbc.update(
                "insert into program_version (patient_id, version, effective_from, components, author_role, "
                        + "author_subject, reason, created_at) values (?, 1, ?, ?::jsonb, 'physio', 'test', "
                        + "'in force before today', now())",
                UUID.fromString(patient),
                from,
                PROGRAM);
        // Ten days of the second and third weeks: every fourth over the cap (7 peaks above 6 g),
        // bouted MVPA differing by bout length, rolling values from the third day on (the first two
        // lack valid days), and a day whose hours are worn in every share step.
        LocalDate first = from.plusWeeks(1);
        for (int i = 0; i < 10; i++) {
            LocalDate d = first.plusDays(i);
            int[] epochs = new int[24];
            for (int h = 0; h < 24; h++) {
                epochs[h] = h < 7 ? 0 : h < 12 ? 720 : (h * 97 + i * 31) % 721;
            }
            hourEpochs.put(d.toString(), epochs);
            seed(d, i, epochs);
        }
        browser = new Browser();
        browser.driver().manage().window().setSize(new Dimension(1280, 5600));
    }

    /** A scored day as the engine writes one, with the circadian profile and a provenance of its shape. */
    private void seed(LocalDate d, int i, int[] epochs) {
        int worn = java.util.Arrays.stream(epochs).sum();
        String hours = java.util.Arrays.stream(epochs).mapToObj(String::valueOf).collect(Collectors.joining(","));
        String bins = "{" + String.join(",", java.util.Collections.nCopies(144, "0")) + "}";
        boolean over = i % 4 == 1;
        String atOrAbove = "{\"1.3\": " + (400 + i) + ", \"3.0\": " + (15 + i) + ", \"4.2\": " + (8 + i) + ", \"6.0\": "
                + (over ? 7 : 2) + "}";
        String bands = "{\"low\": " + (300 + 10 * i) + ", \"medium\": " + (40 + i) + ", \"high\": " + (8 + i) + "}";
        boolean rolling = i >= 2;
        String provenance = "{\"engine\": \"osteon-day-scoring\", \"engineVersion\": \"1\", \"placement\": \"waist\", "
                + "\"rateHz\": 50, \"activity\": {\"algorithm\": \"enmo-mad-cutpoints-bouts\", \"version\": \"1\", "
                + "\"parameters\": {\"epochSeconds\": " + EPOCH_SECONDS
                + ", \"cutPoints\": {\"name\": \"GGIR_DEFAULT\", "
                + "\"lightMg\": 40.0, \"moderateMg\": 100.0, \"vigorousMg\": 400.0}, \"bouts\": {\"mvpaMinutes\": [1, 5, 10], "
                + "\"mvpaCriterion\": 0.8, \"maxGapSeconds\": 60}}}, \"impacts\": {\"algorithm\": \"impact-peaks\", "
                + "\"version\": \"1\", \"parameters\": {\"epochSeconds\": " + EPOCH_SECONDS
                + ", \"peakThresholdG\": 1.3, \"gravityMode\": \"RESULTANT\", "
                + "\"impactBands\": {\"name\": \"DEERE_2012\", \"bands\": [{\"name\": \"low\", \"lowerG\": 0.5, \"upperG\": 2.1}, "
                + "{\"name\": \"medium\", \"lowerG\": 2.1, \"upperG\": 4.2}, {\"name\": \"high\", \"lowerG\": 4.2, "
                + "\"upperG\": \"Infinity\"}]}}}, \"circadianDay\": {\"algorithm\": \"circadian-day-profile-ra\", "
                + "\"version\": \"1\", \"parameters\": {\"epochSeconds\": " + EPOCH_SECONDS
                + ", \"minDayValidHours\": 16}}, "
                + "\"rolling7\": {\"algorithm\": \"circadian-rolling-is-iv-ra\", \"version\": \"1\", \"parameters\": "
                + "{\"epochSeconds\": " + EPOCH_SECONDS + ", \"minDays\": 3, \"windowDays\": 7}}}";
        jdbc.update(
                "insert into day_summary (patient_id, local_date, wear_minutes, enmo_mg, mvpa_minutes, "
                        + "mvpa_bouted_1_minutes, mvpa_bouted_5_minutes, mvpa_bouted_10_minutes, steps, impacts_by_band, "
                        + "impacts_at_or_above, osteogenic_index, daily_stress_stimulus, sedentary_minutes, "
                        + "longest_sedentary_bout_minutes, resistance_sessions, relative_amplitude, rolling7_ra, "
                        + "rolling7_is, rolling7_iv, circadian_hour_sums, circadian_hour_epochs, circadian_bin_sums, "
                        + "circadian_bin_epochs, provenance, computed_at) values (?, ?, ?, 30.5, ?, ?, ?, ?, ?, "
                        + "?::jsonb, ?::jsonb, 40.2, 11.8, 480, 45, 0, 0.8, ?, ?, ?, ?::float8[], ?::int4[], "
                        + "?::float8[], ?::int4[], ?::jsonb, ?)",
                UUID.fromString(patient),
                d,
                worn * EPOCH_SECONDS / 60.0,
                50.0 + i,
                40.0 + i,
                30.5 + i,
                12.25 + i,
                6000 + 300 * i,
                bands,
                atOrAbove,
                rolling ? 0.8 + i / 100.0 : null,
                rolling ? 0.5 + i / 100.0 : null,
                rolling ? 0.9 + i / 50.0 : null,
                "{" + hours + "}",
                "{" + hours + "}",
                bins,
                bins,
                provenance,
                TestClock.CLOCK.instant());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everyChartsNumbersAreTheApisAndTheHeatmapIsTheStoredWornEpochs() {
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.open(base, "/console/patients/" + patient);
        for (String chart :
                List.of("bone-chart", "cap-chart", "mvpa-chart", "steps-chart", "rhythm-chart", "wear-chart")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !browser.driver()
                            .findElements(By.cssSelector("#" + chart + " canvas"))
                            .isEmpty());
        }
        browser.screenshot("console-measures-page");

        String range = "from=" + from + "&to=" + today;
        Map<String, Map<String, Object>> api = byDate(as(physio.token())
                .get("/api/v1/patients/" + patient + "/days?" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList(""));
        Map<String, Map<String, Object>> adherence = byDate(as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence?by=day&" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList(""));
        JsonPath program = as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(api).hasSize(10);

        // Bone loading: impacts at the program's 3.0 g, the day's target, the bands, the cap.
        JsonPath bone = block("bone-series");
        List<String> dates = bone.getList("dates");
        assertThat(dates).hasSize((int) (today.toEpochDay() - from.toEpochDay() + 1));
        List<String> overCap = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Map<String, Object> day = api.get(dates.get(i));
            Map<String, Object> adh = adherence.get(dates.get(i));
            Object target = component(adh, "impacts", "target");
            assertThat(Browser.asDouble(bone.get("target[" + i + "]"))).isEqualTo(Browser.asDouble(target));
            if (day == null) {
                assertThat((Object) bone.get("impacts[" + i + "]")).isNull();
                assertThat((Object) bone.get("high[" + i + "]")).isNull();
                continue;
            }
            Map<String, Object> atOrAbove = (Map<String, Object>) day.get("impactsAtOrAbove");
            Map<String, Object> bands = (Map<String, Object>) day.get("impactsByBand");
            assertThat((Object) bone.get("impacts[" + i + "]")).isEqualTo(atOrAbove.get("3.0"));
            for (String band : List.of("low", "medium", "high")) {
                assertThat((Object) bone.get(band + "[" + i + "]")).isEqualTo(bands.get(band));
            }
            assertThat((Object) bone.get("capPeaks[" + i + "]")).isEqualTo(atOrAbove.get("6.0"));
            assertThat((Object) bone.get("capMax[" + i + "]")).isEqualTo(5);
            boolean over = adh.get("capExceeded") != null;
            assertThat((Boolean) bone.get("overCap[" + i + "]")).isEqualTo(over);
            if (over) {
                overCap.add(dates.get(i));
            }
        }
        assertThat(overCap).as("days over the cap").hasSize(3);
        for (String d : overCap) {
            WebElement row = browser.driver().findElement(By.cssSelector("#bone-table tr[data-date='" + d + "']"));
            assertThat(row.getAttribute("class")).contains("over-cap");
            assertThat(row.getAttribute("textContent")).contains("over cap");
        }
        assertThat(browser.driver().findElement(By.id("cap-caption")).getText()).contains(overCap.get(0));

        // Activity: weekly MVPA bouted as prescribed (10 min) against the program's weekly target,
        // steps against the day's target.
        Map<String, Object> mvpa = program.getList("targetsOnDate", Map.class).stream()
                .filter(c -> "mvpa".equals(c.get("kind")))
                .findFirst()
                .orElseThrow();
        int bout = (Integer) mvpa.get("boutMinutes");
        JsonPath weekly = block("mvpa-series");
        List<String> weeks = weekly.getList("weekStarts");
        assertThat(weeks).hasSize(4);
        for (int w = 0; w < weeks.size(); w++) {
            LocalDate start = LocalDate.parse(weeks.get(w));
            Double sum = null;
            for (int k = 0; k < 7; k++) {
                Map<String, Object> day = api.get(start.plusDays(k).toString());
                if (day != null) {
                    Object v = ((Map<String, Object>) day.get("mvpaBoutedMinutes")).get("min" + bout);
                    sum = (sum == null ? 0 : sum) + Browser.asDouble(v);
                }
            }
            assertThat(Browser.asDouble(weekly.get("boutedMinutes[" + w + "]")))
                    .as("week of " + start)
                    .isEqualTo(sum);
            assertThat((Object) weekly.get("target[" + w + "]")).isEqualTo(mvpa.get("minutesPerWeek"));
            WebElement row =
                    browser.driver().findElement(By.cssSelector("#mvpa-table tr[data-week-start='" + start + "']"));
            String shown = row.findElements(By.tagName("td")).get(0).getAttribute("textContent");
            assertThat(Browser.number(shown.equals("–") ? "" : shown)).isEqualTo(sum);
        }
        JsonPath activity = block("activity-series");
        JsonPath rhythm = block("rhythm-series");
        JsonPath wear = block("wear-series");
        for (int i = 0; i < dates.size(); i++) {
            Map<String, Object> day = api.get(dates.get(i));
            assertThat(Browser.asDouble(activity.get("stepsTarget[" + i + "]")))
                    .isEqualTo(Browser.asDouble(component(adherence.get(dates.get(i)), "steps", "target")));
            Map<String, Object> rolling = day == null ? null : (Map<String, Object>) day.get("rolling7d");
            for (String k : List.of("ra", "is", "iv")) {
                assertThat(Browser.asDouble(rhythm.get(k + "[" + i + "]")))
                        .as(k + " on " + dates.get(i))
                        .isEqualTo(rolling == null ? null : Browser.asDouble(rolling.get(k)));
            }
            assertThat((Object) activity.get("steps[" + i + "]")).isEqualTo(day == null ? null : day.get("steps"));
            assertThat(Browser.asDouble(wear.get("wearHours[" + i + "]")))
                    .isEqualTo(day == null ? null : Browser.asDouble(day.get("wearHours")));
        }
        assertThat(rhythm.getList("ra").stream().filter(v -> v != null).count())
                .as("days with rolling values")
                .isEqualTo(8);
        assertThat(browser.driver()
                        .findElement(By.id("rhythm-title"))
                        .findElement(By.xpath(".."))
                        .getText())
                .contains("fewer than 3 valid days");

        // The heatmap: each cell is the day's stored worn epochs over the epochs of an hour.
        int perHour = 3600 / EPOCH_SECONDS;
        for (Map.Entry<String, int[]> e : hourEpochs.entrySet()) {
            List<WebElement> cells = browser.driver()
                    .findElements(By.cssSelector("#heatmap tr[data-date='" + e.getKey() + "'] td[data-hour]"));
            assertThat(cells).hasSize(24);
            int i = dates.indexOf(e.getKey());
            for (int h = 0; h < 24; h++) {
                // To 3 decimals, half to even, as the API rounds its numbers.
                double share = java.math.BigDecimal.valueOf(e.getValue()[h])
                        .divide(java.math.BigDecimal.valueOf(perHour), 3, java.math.RoundingMode.HALF_EVEN)
                        .doubleValue();
                assertThat(Double.valueOf(cells.get(h).getAttribute("data-share")))
                        .as(e.getKey() + " hour " + h)
                        .isEqualTo(share);
                assertThat(cells.get(h).getAttribute("title"))
                        .endsWith(String.format(java.util.Locale.ROOT, "%.0f %%", share * 100));
                assertThat(Browser.asDouble(wear.get("hourShares[" + i + "][" + h + "]")))
                        .isEqualTo(share);
            }
            assertThat(cells.get(0).getAttribute("class")).isEqualTo("wear-0");
            assertThat(cells.get(8).getAttribute("class")).isEqualTo("wear-5");
        }
        assertThat(browser.driver().findElements(By.cssSelector("#heatmap tr[data-date='" + from + "'] td.wear-none")))
                .as("a day without data")
                .hasSize(24);
        browser.driver().manage().window().setSize(new Dimension(1280, 1100));
        browser.driver().executeScript("document.getElementById('wear-title').scrollIntoView()");
        browser.screenshot("console-measures-heatmap");

        // The page fetched again and <main> replaced, as live updates do: every chart drawn again,
        // once, from the new content.
        Object drawn = browser.driver()
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(location.href).then(r => r.text()).then(t => {"
                        + "const fresh = new DOMParser().parseFromString(t, 'text/html');"
                        + "document.getElementById('main').innerHTML = fresh.getElementById('main').innerHTML;"
                        + "document.dispatchEvent(new Event('osteon:page-updated'));"
                        + "done(document.querySelectorAll('#bone-chart .uplot').length + ','"
                        + " + document.querySelectorAll('.uplot').length); });");
        assertThat(drawn).isEqualTo("1,7");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDayOpensFromTheCalendarWithTheApisComponentsAndItsProvenance() {
        LocalDate day = from.plusWeeks(1).plusDays(1);
        // The day's estimated peak GRF as the engine stores it for a waist device: none, and why.
        jdbc.update(
                "update day_summary set estimated_peak_grf = ?::jsonb where patient_id = ? and local_date = ?",
                "{\"estimated\": false, \"reason\": \"no equation is published for the placement waist\", "
                        + "\"models\": [], \"provenance\": {\"algorithm\": \"veras-grf\", \"version\": \"1\", "
                        + "\"parameters\": {\"placement\": \"waist\", \"reason\": \"no equation is published for the "
                        + "placement waist\", \"peaks\": {\"minHeightG\": 1.3, \"minDistanceSeconds\": 0.4}}}}",
                UUID.fromString(patient),
                day);
        browser.open(base, Clinic.consoleSignInPath(physio));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getTitle().startsWith("Patients"));
        browser.open(base, "/console/patients/" + patient);
        WebElement link = browser.driver().findElement(By.cssSelector("#calendar td[data-date='" + day + "'] a"));
        link.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver().findElements(By.id("day-detail")).isEmpty());
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/patients/" + patient + "/days/" + day);

        Map<String, Object> adh = as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence?by=day&from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .get("[0]");
        List<Map<String, Object>> components = (List<Map<String, Object>>) adh.get("components");
        assertThat(components).hasSize(3);
        for (Map<String, Object> c : components) {
            WebElement row =
                    browser.driver().findElement(By.cssSelector("#components tr[data-kind='" + c.get("kind") + "']"));
            assertThat(Browser.number(
                            row.findElement(By.cssSelector("[data-target]")).getAttribute("data-target")))
                    .isEqualTo(Browser.asDouble(c.get("target")));
            assertThat(Browser.number(
                            row.findElement(By.cssSelector("[data-achieved]")).getAttribute("data-achieved")))
                    .isEqualTo(Browser.asDouble(c.get("achieved")));
            assertThat(Browser.number(
                            row.findElement(By.cssSelector("[data-ratio]")).getAttribute("data-ratio")))
                    .isEqualTo(Browser.asDouble(c.get("ratio")));
            assertThat(row.findElement(By.cssSelector("[data-status]")).getAttribute("data-status"))
                    .isEqualTo(c.get("status"));
        }
        assertThat(adh.get("capExceeded")).as("the seeded day is over the cap").isNotNull();
        assertThat(browser.driver().findElement(By.id("cap-exceeded")).getText())
                .contains("7 peaks above 6.0 g");

        Map<String, Object> provenance = as(physio.token())
                .get("/api/v1/patients/" + patient + "/days?from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .get("[0].provenance");
        for (String section : List.of("activity", "impacts", "circadianDay", "rolling7")) {
            Map<String, Object> s = (Map<String, Object>) provenance.get(section);
            WebElement table = browser.driver().findElement(By.cssSelector("table[data-section='" + section + "']"));
            assertThat(browser.driver()
                            .findElement(By.id("prov-" + section + "-title"))
                            .getText())
                    .contains((String) s.get("algorithm"));
            Map<String, Object> parameters = (Map<String, Object>) s.get("parameters");
            assertThat(value(table, "epochSeconds"))
                    .isEqualTo(parameters.get("epochSeconds").toString());
        }
        Map<String, Object> activity =
                (Map<String, Object>) ((Map<String, Object>) provenance.get("activity")).get("parameters");
        WebElement activityTable = browser.driver().findElement(By.cssSelector("table[data-section='activity']"));
        assertThat(Double.valueOf(value(activityTable, "cutPoints.moderateMg")))
                .isEqualTo(Browser.asDouble(((Map<String, Object>) activity.get("cutPoints")).get("moderateMg")));
        assertThat(value(activityTable, "bouts.mvpaMinutes"))
                .isEqualTo(((Map<String, Object>) activity.get("bouts"))
                        .get("mvpaMinutes")
                        .toString());
        WebElement impacts = browser.driver().findElement(By.cssSelector("table[data-section='impacts']"));
        assertThat(Double.valueOf(value(impacts, "impactBands.bands[1].lowerG")))
                .isEqualTo(2.1);
        assertThat(value(impacts, "impactBands.bands[2].upperG")).isEqualTo("Infinity");
        assertThat(value(impacts, "gravityMode")).isEqualTo("RESULTANT");
        assertThat(browser.driver().findElement(By.id("day-numbers")).getText())
                .contains("not estimated: no equation is published for the placement waist");
        WebElement grf = browser.driver().findElement(By.cssSelector("table[data-section='estimatedPeakGrf']"));
        assertThat(browser.driver()
                        .findElement(By.id("prov-estimatedPeakGrf-title"))
                        .getText())
                .contains("veras-grf");
        assertThat(value(grf, "peaks.minDistanceSeconds")).isEqualTo("0.4");
        browser.screenshot("console-measures-day");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anotherPhysiotherapistsDayAndAMalformedDateGetTheUnknownPatients404() {
        Response signIn = given().redirects().follow(false).get(Clinic.consoleSignInPath(physio));
        String session = signIn.getCookie(ConsoleAuthentication.COOKIE);
        String day = "/days/" + today;
        Response others =
                given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/patients/" + someoneElses + day);
        Response unknown = given().cookie(ConsoleAuthentication.COOKIE, session)
                .get("/console/patients/" + UUID.randomUUID() + day);
        Response malformed = given().cookie(ConsoleAuthentication.COOKIE, session)
                .get("/console/patients/" + patient + "/days/2026-02-30");
        Response notADate = given().cookie(ConsoleAuthentication.COOKIE, session)
                .get("/console/patients/" + patient + "/days/yesterday");
        Response unknownPage =
                given().cookie(ConsoleAuthentication.COOKIE, session).get("/console/patients/" + UUID.randomUUID());
        for (Response r : List.of(others, unknown, malformed, notADate)) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.asString()).isEqualTo(unknownPage.asString());
        }
        assertThat(others.asString()).doesNotContain("Olga").doesNotContain(someoneElses);
        given().cookie(ConsoleAuthentication.COOKIE, session)
                .get("/console/patients/" + patient + day)
                .then()
                .statusCode(200);
        given().get("/console/patients/" + patient + day).then().statusCode(401);
    }

    private JsonPath block(String id) {
        return JsonPath.from(browser.driver().findElement(By.id(id)).getAttribute("textContent"));
    }

    private static String value(WebElement table, String path) {
        return table.findElement(By.cssSelector("tr[data-path='" + path + "'] td"))
                .getAttribute("textContent");
    }

    private static Map<String, Map<String, Object>> byDate(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r.get("date"), r));
        return out;
    }

    private static Object component(Map<String, Object> day, String kind, String field) {
        if (day == null) {
            return null;
        }
        return ((List<Map<String, Object>>) day.get("components"))
                .stream()
                        .filter(c -> kind.equals(c.get("kind")))
                        .map(c -> c.get(field))
                        .findFirst()
                        .orElse(null);
    }
}
