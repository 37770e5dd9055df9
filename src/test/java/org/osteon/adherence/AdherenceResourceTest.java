package org.osteon.adherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.CsvRows;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;

/**
 * Adherence over HTTP against days written into day_summary and loading events, for weeks in the
 * future: programs may not be backdated, and these weeks lie ahead of any clock running the tests.
 */
@QuarkusTest
class AdherenceResourceTest {
    static final String VIENNA = "Europe/Vienna";

    /** The worked example of the closing note: a program of every kind. */
    static final List<Map<String, Object>> WORKED_PROGRAM = List.of(
            Map.of(
                    "kind",
                    "impacts",
                    "minG",
                    4.2,
                    "count",
                    20,
                    "per",
                    "day",
                    "cap",
                    Map.of("aboveG", 6.0, "maxPerDay", 60),
                    "progression",
                    Map.of("step", 5, "everyWeeks", 2, "ceiling", 50)),
            Map.of("kind", "mvpa", "minutesPerWeek", 150, "boutMinutes", 10),
            Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5),
            Map.of(
                    "kind",
                    "resistance",
                    "sessionsPerWeek",
                    2,
                    "days",
                    List.of("MONDAY", "THURSDAY"),
                    "exercises",
                    List.of(Map.of("exercise", "squat", "sets", 3, "reps", 8, "minPercent1RM", 70))),
            Map.of("kind", "sedentary", "maxLongestBoutMinutes", 60));

    @Inject
    Jdbc jdbc;

    @TestHTTPResource("/")
    URL base;

    /** Sets up the worked example: the program from Monday 2030-03-04 and its first week of data. */
    private Setup workedExample() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, VIENNA);
        String device = org.osteon.support.Registry.newDevice(patient, 16);
        Clinic.prescribe(
                physio,
                patient,
                Map.of("components", WORKED_PROGRAM, "reason", "osteopenia, low mood", "effectiveFrom", "2030-03-04"));
        DayRows rows = new DayRows(jdbc, patient);
        rows.insert(new Day("2030-03-04", 14, 8000, 30.0, 45.0, Map.of("4.2", 25, "6.0", 2)));
        rows.insert(new Day("2030-03-05", 13, 6500, 20.0, 70.0, Map.of("4.2", 18)));
        rows.insert(new Day("2030-03-06", 6, 2000, 5.0, 30.0, Map.of("4.2", 3)));
        rows.insert(new Day("2030-03-07", 15, 9000, 40.0, 50.0, Map.of("4.2", 30, "6.0", 70)));
        rows.insert(new Day("2030-03-08", 12, 7500, 25.0, 55.0, Map.of("4.2", 22, "6.0", 1)));
        rows.insert(new Day("2030-03-09", 11, 10000, 60.0, 90.0, Map.of("4.2", 40, "6.0", 3)));
        // Monday: 3 × 8 squats at 75 % of 1RM. Thursday: only 2 sets; a third at 50 % does not count.
        rows.resistanceSet(device, 1, Instant.parse("2030-03-04T17:00:00Z"), "squat", 3, 8, 60, 80);
        rows.resistanceSet(device, 2, Instant.parse("2030-03-07T17:00:00Z"), "squat", 2, 8, 60, 80);
        rows.resistanceSet(device, 3, Instant.parse("2030-03-07T17:20:00Z"), "squat", 1, 8, 40, 80);
        return new Setup(physio, patient, device);
    }

    record Setup(Physio physio, String patient, String device) {}

    @Test
    void workedExampleWeekGivesTheDocumentedAdherence() {
        Setup s = workedExample();
        as(s.physio().token())
                .queryParam("from", "2030-03-04")
                .queryParam("to", "2030-03-10")
                .queryParam("by", "week")
                .get("/api/v1/patients/" + s.patient() + "/adherence")
                .then()
                .statusCode(200)
                .body("size()", is(1))
                .body("[0].weekStart", is("2030-03-04"))
                .body("[0].weekEnd", is("2030-03-10"))
                .body("[0].components.kind", contains("impacts", "mvpa", "steps", "resistance", "sedentary"))
                // Impacts: 4 of the 5 days with data reached 20 peaks at or above 4.2 g.
                .body("[0].components[0].target", is(5.0f))
                .body("[0].components[0].achieved", is(4.0f))
                .body("[0].components[0].status", is("partial"))
                // MVPA: 150 min/week pro-rated to 5 valid days = 107.143; 175 min achieved.
                .body("[0].components[1].target", is(107.143f))
                .body("[0].components[1].achieved", is(175.0f))
                .body("[0].components[1].ratio", is(1.0f))
                .body("[0].components[1].rawRatio", is(1.633f))
                .body("[0].components[1].status", is("met"))
                // Steps: 5 of 7 days → 3.571 days owed in 5 valid days; 4 days ≥ 7000.
                .body("[0].components[2].target", is(3.571f))
                .body("[0].components[2].achieved", is(4.0f))
                .body("[0].components[2].status", is("met"))
                // Resistance: Monday and Thursday scheduled; Monday complete, Thursday 2 of 3 sets.
                .body("[0].components[3].target", is(2.0f))
                .body("[0].components[3].achieved", is(1.0f))
                .body("[0].components[3].status", is("partial"))
                // Sedentary: longest bout ≤ 60 min on 3 of 5 valid days.
                .body("[0].components[4].achieved", is(3.0f))
                .body("[0].components[4].ratio", is(0.6f))
                .body("[0].components.daysWithData", everyItem(is(5)))
                .body("[0].overall", is(0.78f))
                .body("[0].overallStatus", is("partial"))
                .body("[0].capExceededDays", contains("2030-03-07"));
    }

    @Test
    void daysWithTooLittleWearAreNoDataNotMissed() {
        Setup s = workedExample();
        as(s.patient() == null ? null : org.osteon.support.Tokens.patient(s.patient()))
                .queryParam("from", "2030-03-04")
                .queryParam("to", "2030-03-10")
                .get("/api/v1/patients/" + s.patient() + "/adherence")
                .then()
                .statusCode(200)
                .body("size()", is(7))
                .body("[0].components.status", everyItem(is("met")))
                .body("[1].components.find { it.kind == 'steps' }.status", is("partial"))
                .body("[1].components.find { it.kind == 'steps' }.rawRatio", is(0.929f))
                .body("[1].components.find { it.kind == 'resistance' }.status", is("not_scheduled"))
                // Wednesday: 6 h of wear, under the 10 h default.
                .body("[2].wearHours", is(6.0f))
                .body("[2].components.status", everyItem(is("no_data")))
                .body("[3].capExceeded.peaks", is(70))
                .body("[3].components.find { it.kind == 'resistance' }.achieved", is(0.667f))
                .body("[3].components.find { it.kind == 'resistance' }.status", is("partial"))
                .body("[5].components.find { it.kind == 'sedentary' }.status", is("partial"))
                // Sunday: nothing scored.
                .body("[6].wearHours", nullValue())
                .body("[6].components.status", everyItem(is("no_data")))
                .body("findAll { it.components.any { c -> c.status == 'missed' } }", empty());
    }

    @Test
    void withoutARangeDaysAndAdherenceAnswerTheCurrentWeekInThePatientsZone() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Pacific/Auckland");
        java.time.LocalDate today =
                java.time.LocalDate.now(TestClock.CLOCK.withZone(java.time.ZoneId.of("Pacific/Auckland")));
        java.time.LocalDate monday =
                today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body(
                        "date",
                        contains(monday.datesUntil(monday.plusDays(7))
                                .map(Object::toString)
                                .toArray()));
        as(physio.token())
                .queryParam("by", "week")
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("weekStart", contains(monday.toString()));
        as(physio.token())
                .queryParam("from", "2030-03-06")
                .get("/api/v1/patients/" + patient + "/days")
                .then()
                .statusCode(200);
    }

    @Test
    void datesOutsideWhatTheApiAnswersForAreRefusedNamingTheParameter() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        for (String path : List.of("/adherence", "/days")) {
            as(physio.token())
                    .queryParam("from", "+999999999-12-25")
                    .queryParam("to", "+999999999-12-25")
                    .get("/api/v1/patients/" + patient + path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", is("from"))
                    .body("detail", containsString("between 2000-01-01 and 2199-12-31"));
            as(physio.token())
                    .queryParam("from", "2030-01-01")
                    .queryParam("to", "-999999999-01-01")
                    .get("/api/v1/patients/" + patient + path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", is("to"));
        }
    }

    @Test
    void targetsRiseEveryNWeeksFromTheVersionsStartUpToTheCeiling() {
        Setup s = workedExample();
        as(s.physio().token())
                .queryParam("from", "2030-03-04")
                .queryParam("to", "2030-06-30")
                .get("/api/v1/patients/" + s.patient() + "/adherence")
                .then()
                .statusCode(200)
                .body("find { it.date == '2030-03-17' }.components[0].target", is(20.0f))
                .body("find { it.date == '2030-03-18' }.components[0].target", is(25.0f))
                .body("find { it.date == '2030-04-01' }.components[0].target", is(30.0f))
                .body("find { it.date == '2030-06-10' }.components[0].target", is(50.0f))
                .body("find { it.date == '2030-06-30' }.components[0].target", is(50.0f));
    }

    @Test
    void aChangeMidWeekLeavesEarlierDaysWithTheTargetsInForceOnThem() {
        Setup s = workedExample();
        Clinic.prescribe(
                s.physio(),
                s.patient(),
                Map.of(
                        "reason",
                        "walking well, raise steps",
                        "effectiveFrom",
                        "2030-03-13",
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 9000, "daysPerWeek", 5))));
        as(s.physio().token())
                .queryParam("from", "2030-03-04")
                .queryParam("to", "2030-03-14")
                .get("/api/v1/patients/" + s.patient() + "/adherence")
                .then()
                .statusCode(200)
                .body("programVersion", contains(1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2))
                .body("[0].components.find { it.kind == 'steps' }.target", is(7000.0f))
                .body("[8].components.find { it.kind == 'steps' }.target", is(7000.0f))
                .body("[9].components.kind", contains("steps"))
                .body("[9].components[0].target", is(9000.0f));
        // The week of the worked example is judged exactly as before the change.
        as(s.physio().token())
                .queryParam("from", "2030-03-04")
                .queryParam("to", "2030-03-04")
                .queryParam("by", "week")
                .get("/api/v1/patients/" + s.patient() + "/adherence")
                .then()
                .body("[0].overall", is(0.78f));
    }

    @Test
    void aProgramChangeReevaluatesAdherenceFromItsEffectiveDateOnlyAndTellsTheApps() throws Exception {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, VIENNA);
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "baseline",
                        "effectiveFrom",
                        "2030-04-01",
                        "components",
                        List.of(
                                Map.of("kind", "impacts", "minG", 4.2, "count", 20, "per", "day"),
                                Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5))));
        // Two weeks scored, Monday 1 to Sunday 14 April: 8000 steps and 25 peaks every day, met throughout.
        DayRows rows = new DayRows(jdbc, patient);
        for (int d = 1; d <= 14; d++) {
            rows.insert(new Day(String.format("2030-04-%02d", d), 12, 8000, 30.0, 40.0, Map.of("4.2", 25)));
        }
        String path = "/api/v1/patients/" + patient + "/adherence";
        List<Map<String, Object>> daysBefore = adherence(physio, path, "day");
        List<Map<String, Object>> weeksBefore = adherence(physio, path, "week");
        assertThat(daysBefore)
                .hasSize(14)
                .allSatisfy(d -> assertThat(d.get("programVersion")).isEqualTo(1));

        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "api/v1/patients/" + patient + "/events"))
                                .header("Authorization", "Bearer " + physio.token())
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        // Async: the response is already here, and reading its lines blocks until the stream ends.
        assertThat(stream.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stream.thenAcceptAsync(r -> r.body().forEach(events::add));

        // From Wednesday of the second week: more of both.
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "tolerating well",
                        "effectiveFrom",
                        "2030-04-10",
                        "components",
                        List.of(
                                Map.of("kind", "impacts", "minG", 4.2, "count", 30, "per", "day"),
                                Map.of("kind", "steps", "stepsPerDay", 10000, "daysPerWeek", 5))));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(events)
                        .anyMatch(l -> l.startsWith("data:")
                                && l.contains("\"kind\":\"program\"")
                                && l.contains("\"date\":\"2030-04-10\"")));
        List<Map<String, Object>> daysAfter = adherence(physio, path, "day");
        List<Map<String, Object>> weeksAfter = adherence(physio, path, "week");
        assertThat(daysAfter.subList(0, 9)).as("1 to 9 April").isEqualTo(daysBefore.subList(0, 9));
        assertThat(weeksAfter.get(0)).as("the first week").isEqualTo(weeksBefore.get(0));
        for (Map<String, Object> day : daysAfter.subList(9, 14)) {
            assertThat(day.get("programVersion")).as("%s", day.get("date")).isEqualTo(2);
            assertThat(day.get("components"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .extracting("kind", "target", "achieved", "status")
                    .containsExactly(
                            tuple("impacts", 30.0f, 25.0f, "partial"), tuple("steps", 10000.0f, 8000.0f, "partial"));
        }
        // The second week: Monday and Tuesday met the old targets, the five days from Wednesday not the new ones.
        assertThat(weeksAfter.get(1)).isNotEqualTo(weeksBefore.get(1));
        assertThat(weeksAfter.get(1).get("components"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .extracting("kind", "achieved")
                .containsExactly(tuple("impacts", 2.0f), tuple("steps", 2.0f));
        stream.get().body().close();
    }

    List<Map<String, Object>> adherence(Physio physio, String path, String by) {
        return as(physio.token())
                .queryParam("from", "2030-04-01")
                .queryParam("to", "2030-04-14")
                .queryParam("by", by)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void dayBoundariesFollowThePatientsClockAcrossBothDaylightSavingChanges() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, VIENNA);
        String device = org.osteon.support.Registry.newDevice(patient, 16);
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "r",
                        "effectiveFrom",
                        "2030-03-25",
                        "components",
                        List.of(Map.of("kind", "resistance", "sessionsPerWeek", 2))));
        DayRows rows = new DayRows(jdbc, patient);
        for (String d : List.of("2030-03-30", "2030-03-31", "2030-04-01", "2030-10-26", "2030-10-27", "2030-10-28")) {
            rows.insert(new Day(d, 12, 5000, 10.0, 40.0, Map.of()));
        }
        // Spring: 31 March has 23 hours. 00:30 CET on Sunday, and 00:30 CEST on Monday (22:30 UTC on Sunday).
        rows.resistanceSet(device, 1, Instant.parse("2030-03-30T23:30:00Z"), "squat", 1, 8, 40, 80);
        rows.resistanceSet(device, 2, Instant.parse("2030-03-31T22:30:00Z"), "squat", 1, 8, 40, 80);
        // Autumn: 27 October has 25 hours. 00:30 CEST on Sunday (22:30 UTC Saturday); 00:30 CET on Monday.
        rows.resistanceSet(device, 3, Instant.parse("2030-10-26T22:30:00Z"), "squat", 1, 8, 40, 80);
        rows.resistanceSet(device, 4, Instant.parse("2030-10-27T23:30:00Z"), "squat", 1, 8, 40, 80);
        as(physio.token())
                .queryParam("from", "2030-03-30")
                .queryParam("to", "2030-04-01")
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("date", contains("2030-03-30", "2030-03-31", "2030-04-01"))
                .body("components.collect { it[0].status }", contains("not_scheduled", "met", "met"));
        as(physio.token())
                .queryParam("from", "2030-10-26")
                .queryParam("to", "2030-10-28")
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("components.collect { it[0].status }", contains("not_scheduled", "met", "met"));
        // Weeks end at the local midnight after Sunday: the Monday set belongs to the next week.
        as(physio.token())
                .queryParam("from", "2030-03-31")
                .queryParam("to", "2030-04-01")
                .queryParam("by", "week")
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("weekStart", contains("2030-03-25", "2030-04-01"))
                .body("components.collect { it[0].achieved }", contains(1.0f, 1.0f));
    }

    @Test
    void scoredDaysAreServedWithEveryMetric() {
        Setup s = workedExample();
        as(s.physio().token())
                .queryParam("from", "2030-03-04")
                .queryParam("to", "2030-03-10")
                .get("/api/v1/patients/" + s.patient() + "/days")
                .then()
                .statusCode(200)
                .body(
                        "date",
                        contains("2030-03-04", "2030-03-05", "2030-03-06", "2030-03-07", "2030-03-08", "2030-03-09"))
                .body("[0].wearHours", is(14.0f))
                .body("[0].steps", is(8000))
                .body("[0].mvpaBoutedMinutes.min10", is(30.0f))
                .body("[0].impactsByBand.high", is(12))
                .body("[0].impactsAtOrAbove.'4.2'", is(25))
                .body("[0].osteogenicIndex", notNullValue())
                .body("[0].dailyStressStimulus", notNullValue())
                .body("[0].sedentaryMinutes", notNullValue())
                .body("[0].longestSedentaryBoutMinutes", is(45.0f))
                .body("[0].relativeAmplitude", is(0.84f))
                .body("[0].rolling7d.ra", is(0.87f))
                .body("[0].rolling7d.is", is(0.6f))
                .body("[0].rolling7d.iv", is(0.7f))
                .body("[0].provenance.cutPoints", is("hildebrand-wrist"));
    }

    @Test
    void rangeErrorsNameTheParameter() {
        Setup s = workedExample();
        String path = "/api/v1/patients/" + s.patient() + "/adherence";
        // Only one end given: the other is that day's week's Monday or Sunday.
        as(s.physio().token())
                .queryParam("to", "2030-03-10")
                .get(path)
                .then()
                .statusCode(200)
                .body(
                        "date",
                        contains(
                                "2030-03-04",
                                "2030-03-05",
                                "2030-03-06",
                                "2030-03-07",
                                "2030-03-08",
                                "2030-03-09",
                                "2030-03-10"));
        as(s.physio().token())
                .queryParam("from", "2030-03-10")
                .queryParam("to", "2030-03-01")
                .get(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"));
        as(s.physio().token())
                .queryParam("from", "2030-01-01")
                .queryParam("to", "2032-01-01")
                .get(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"));
        as(s.physio().token())
                .queryParam("from", "March")
                .queryParam("to", "2030-03-01")
                .get(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("from"));
        as(s.physio().token())
                .queryParam("from", "2030-03-01")
                .queryParam("to", "2030-03-01")
                .queryParam("by", "month")
                .get(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("by"));
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON answer to {@code path} with {@code params}, numbers as doubles (as the service wrote them). */
    static List<Map<String, Object>> json(String token, String path, Map<String, String> params) throws Exception {
        String body = as(token)
                .accept(ContentType.JSON)
                .queryParams(params)
                .get(path)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .asString();
        return JSON.readValue(body, new TypeReference<>() {});
    }

    /** The CSV answer, checked to be a CSV download. */
    static ExtractableResponse<?> csv(String token, String path, Map<String, String> params) {
        return as(token)
                .accept("text/csv")
                .queryParams(params)
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/csv;charset=UTF-8"))
                .header("Content-Disposition", startsWith("attachment; filename=\"osteon-"))
                .extract();
    }

    /** A CSV field holds the JSON value: empty for null, the same double for a number, the same text otherwise. */
    static void assertSame(String column, String field, Object json) {
        if (json == null) {
            assertThat(field).as(column).isEmpty();
        } else if (json instanceof Number n) {
            assertThat(Double.parseDouble(field)).as(column).isEqualTo(n.doubleValue());
        } else {
            assertThat(field).as(column).isEqualTo(json.toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void daysAsCsvAreOneRowPerDayWithTheNumbersOfTheJsonAnswer() throws Exception {
        Setup s = workedExample();
        // One day with its waking sedentary time and an estimated peak ground-reaction force.
        jdbc.update(
                "update day_summary set waking_sedentary_minutes = 310.5, waking_longest_sedentary_bout_minutes = 45,"
                        + " vigorous_minutes = 7.5,"
                        + " estimated_peak_grf = ?::jsonb where patient_id = ? and local_date = '2030-03-05'",
                "{\"estimated\":true,\"models\":[{\"model\":\"walking/running\",\"equation\":\"e\",\"peaks\":120,"
                        + "\"meanPeakG\":1.9,\"maxPeakG\":3.1,\"meanNewtons\":1500.0,\"maxNewtons\":2100.54,"
                        + "\"meanBodyWeights\":2.1,\"maxBodyWeights\":2.9}],\"provenance\":{\"algorithm\":\"g\"}}",
                java.util.UUID.fromString(s.patient()));
        String path = "/api/v1/patients/" + s.patient() + "/days";
        Map<String, String> range = Map.of("from", "2030-03-04", "to", "2030-03-10");
        List<Map<String, Object>> days = json(s.physio().token(), path, range);
        ExtractableResponse<?> answer = csv(s.physio().token(), path, range);
        assertThat(answer.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"osteon-" + s.patient() + "-days-2030-03-04-2030-03-10.csv\"");
        String text = answer.asString();

        List<List<String>> rows = CsvRows.parse(text);
        assertThat(rows.get(0))
                .containsExactly(
                        "date",
                        "wear_hours",
                        "enmo_mg",
                        "mvpa_minutes",
                        "vigorous_minutes",
                        "mvpa_bouted_1_minutes",
                        "mvpa_bouted_5_minutes",
                        "mvpa_bouted_10_minutes",
                        "steps",
                        "impacts_low",
                        "impacts_medium",
                        "impacts_high",
                        "impacts_at_or_above_4.2g",
                        "impacts_at_or_above_6.0g",
                        "osteogenic_index",
                        "daily_stress_stimulus",
                        "sedentary_minutes",
                        "longest_sedentary_bout_minutes",
                        "waking_sedentary_minutes",
                        "waking_longest_sedentary_bout_minutes",
                        "resistance_sessions",
                        "relative_amplitude",
                        "rolling7_ra",
                        "rolling7_is",
                        "rolling7_iv",
                        "grf_walking_running_peaks",
                        "grf_walking_running_mean_body_weights",
                        "grf_walking_running_max_body_weights",
                        "grf_walking_running_max_newtons",
                        "grf_provenance",
                        "provenance");
        List<Map<String, String>> records = CsvRows.records(text);
        assertThat(records)
                .extracting(r -> r.get("date"))
                .containsExactly("2030-03-04", "2030-03-05", "2030-03-06", "2030-03-07", "2030-03-08", "2030-03-09");
        for (int i = 0; i < days.size(); i++) {
            Map<String, Object> day = days.get(i);
            Map<String, String> row = records.get(i);
            Map<String, Object> bouted = (Map<String, Object>) day.get("mvpaBoutedMinutes");
            Map<String, Object> bands = (Map<String, Object>) day.get("impactsByBand");
            Map<String, Object> rolling = (Map<String, Object>) day.get("rolling7d");
            assertSame("date", row.get("date"), day.get("date"));
            assertSame("wear_hours", row.get("wear_hours"), day.get("wearHours"));
            assertSame("enmo_mg", row.get("enmo_mg"), day.get("enmoMg"));
            assertSame("mvpa_minutes", row.get("mvpa_minutes"), day.get("mvpaMinutes"));
            assertSame("vigorous_minutes", row.get("vigorous_minutes"), day.get("vigorousMinutes"));
            assertSame("mvpa_bouted_10_minutes", row.get("mvpa_bouted_10_minutes"), bouted.get("min10"));
            assertSame("steps", row.get("steps"), day.get("steps"));
            assertSame("impacts_low", row.get("impacts_low"), bands.get("low"));
            assertSame("impacts_high", row.get("impacts_high"), bands.get("high"));
            assertSame("osteogenic_index", row.get("osteogenic_index"), day.get("osteogenicIndex"));
            assertSame("daily_stress_stimulus", row.get("daily_stress_stimulus"), day.get("dailyStressStimulus"));
            assertSame(
                    "longest_sedentary_bout_minutes",
                    row.get("longest_sedentary_bout_minutes"),
                    day.get("longestSedentaryBoutMinutes"));
            assertSame("relative_amplitude", row.get("relative_amplitude"), day.get("relativeAmplitude"));
            assertSame("rolling7_iv", row.get("rolling7_iv"), rolling.get("iv"));
            assertSame(
                    "waking_sedentary_minutes", row.get("waking_sedentary_minutes"), day.get("wakingSedentaryMinutes"));
            assertSame(
                    "waking_longest_sedentary_bout_minutes",
                    row.get("waking_longest_sedentary_bout_minutes"),
                    day.get("wakingLongestSedentaryBoutMinutes"));
            Map<String, Object> grf = (Map<String, Object>) day.get("estimatedPeakGrf");
            Map<String, Object> model = grf == null ? null : ((List<Map<String, Object>>) grf.get("models")).get(0);
            assertSame(
                    "grf_walking_running_peaks",
                    row.get("grf_walking_running_peaks"),
                    model == null ? null : model.get("peaks"));
            assertSame(
                    "grf_walking_running_max_newtons",
                    row.get("grf_walking_running_max_newtons"),
                    model == null ? null : model.get("maxNewtons"));
            // Provenance keeps its nesting as JSON text: commas and quotes, so the field is quoted.
            assertThat(JSON.readValue(row.get("provenance"), Map.class)).isEqualTo(day.get("provenance"));
        }
        assertThat(records.get(1).get("waking_sedentary_minutes")).isEqualTo("310.5");
        assertThat(records.get(1).get("vigorous_minutes")).isEqualTo("7.5");
        assertThat(records.get(1).get("grf_walking_running_mean_body_weights")).isEqualTo("2.1");
        assertThat(records.get(1).get("grf_walking_running_max_newtons")).isEqualTo("2100.5");
        assertThat(JSON.readValue(records.get(1).get("grf_provenance"), Map.class))
                .isEqualTo(Map.of("algorithm", "g"));
        assertThat(records.get(0).get("grf_walking_running_peaks")).isEmpty();
        // The day with no peak at 6.0 g: none beyond its largest threshold, not an empty field.
        assertThat(records.get(1).get("impacts_at_or_above_4.2g")).isEqualTo("18");
        assertThat(records.get(1).get("impacts_at_or_above_6.0g")).isEqualTo("0");
        assertThat(records.get(3).get("impacts_at_or_above_6.0g")).isEqualTo("70");
        assertThat(text)
                .startsWith("date,wear_hours,")
                .endsWith("\r\n")
                .contains("2030-03-04,14.0,30.5,", ",\"{\"\"enmo\"\":\"\"van Hees 2014\"\",");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adherenceAsCsvIsOneRowPerDayOrWeekAndComponentWithTheNumbersOfTheJsonAnswer() throws Exception {
        Setup s = workedExample();
        String path = "/api/v1/patients/" + s.patient() + "/adherence";
        Map<String, String> range = Map.of("from", "2030-03-04", "to", "2030-03-10");
        String token = org.osteon.support.Tokens.patient(s.patient());

        List<Map<String, Object>> days = json(token, path, range);
        ExtractableResponse<?> byDay = csv(token, path, range);
        assertThat(byDay.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"osteon-" + s.patient()
                        + "-adherence-by-day-2030-03-04-2030-03-10.csv\"");
        assertThat(CsvRows.parse(byDay.asString()).get(0))
                .containsExactly(
                        "date",
                        "program_version",
                        "wear_hours",
                        "component",
                        "unit",
                        "target",
                        "achieved",
                        "ratio",
                        "raw_ratio",
                        "status",
                        "cap_above_g",
                        "cap_max_per_day",
                        "cap_peaks");
        List<Map<String, String>> rows = CsvRows.records(byDay.asString());
        assertThat(rows).hasSize(7 * 5);
        int i = 0;
        for (Map<String, Object> day : days) {
            Map<String, Object> cap = (Map<String, Object>) day.get("capExceeded");
            for (Map<String, Object> c : (List<Map<String, Object>>) day.get("components")) {
                Map<String, String> row = rows.get(i++);
                assertSame("date", row.get("date"), day.get("date"));
                assertSame("program_version", row.get("program_version"), day.get("programVersion"));
                assertSame("wear_hours", row.get("wear_hours"), day.get("wearHours"));
                for (String[] col : new String[][] {
                    {"component", "kind"},
                    {"unit", "unit"},
                    {"target", "target"},
                    {"achieved", "achieved"},
                    {"ratio", "ratio"},
                    {"raw_ratio", "rawRatio"},
                    {"status", "status"}
                }) {
                    assertSame(day.get("date") + " " + col[0], row.get(col[0]), c.get(col[1]));
                }
                assertSame("cap_peaks", row.get("cap_peaks"), cap == null ? null : cap.get("peaks"));
            }
        }
        // Thursday: 70 peaks above 6.0 g against a cap of 60; Sunday: nothing scored.
        assertThat(rows)
                .filteredOn(r -> r.get("date").equals("2030-03-07"))
                .allSatisfy(r -> assertThat(List.of(r.get("cap_above_g"), r.get("cap_max_per_day"), r.get("cap_peaks")))
                        .containsExactly("6.0", "60", "70"));
        assertThat(rows)
                .filteredOn(r -> r.get("date").equals("2030-03-10"))
                .allSatisfy(r -> assertThat(r.get("wear_hours")).isEmpty())
                .extracting(r -> r.get("status"))
                .containsOnly("no_data");

        Map<String, String> weekly = Map.of("from", "2030-03-04", "to", "2030-03-10", "by", "week");
        List<Map<String, Object>> weeks = json(token, path, weekly);
        ExtractableResponse<?> byWeek = csv(token, path, weekly);
        assertThat(byWeek.header("Content-Disposition")).contains("-adherence-by-week-2030-03-04-2030-03-10.csv");
        List<Map<String, String>> weekRows = CsvRows.records(byWeek.asString());
        assertThat(weekRows)
                .extracting(r -> r.get("component"))
                .containsExactly("impacts", "mvpa", "steps", "resistance", "sedentary");
        List<Map<String, Object>> components =
                (List<Map<String, Object>>) weeks.get(0).get("components");
        for (int c = 0; c < components.size(); c++) {
            Map<String, String> row = weekRows.get(c);
            assertThat(row.get("week_start")).isEqualTo("2030-03-04");
            assertThat(row.get("week_end")).isEqualTo("2030-03-10");
            assertSame("overall", row.get("overall"), weeks.get(0).get("overall"));
            assertThat(row.get("overall_status")).isEqualTo("partial");
            assertThat(row.get("cap_exceeded_days")).isEqualTo("2030-03-07");
            for (String[] col : new String[][] {
                {"unit", "unit"},
                {"target", "target"},
                {"achieved", "achieved"},
                {"ratio", "ratio"},
                {"raw_ratio", "rawRatio"},
                {"status", "status"},
                {"days_with_data", "daysWithData"}
            }) {
                assertSame(
                        row.get("component") + " " + col[0],
                        row.get(col[0]),
                        components.get(c).get(col[1]));
            }
        }
    }

    @Test
    void csvIsAnsweredOnlyToWhoMayReadTheJsonAndErrorsStayProblemJson() {
        Setup s = workedExample();
        Physio stranger = Clinic.newPhysio();
        String otherPatient = Clinic.newPatientOf(stranger, VIENNA);
        for (String path : List.of("/days", "/adherence")) {
            String url = "/api/v1/patients/" + s.patient() + path;
            String unknown = "/api/v1/patients/" + java.util.UUID.randomUUID() + path;
            for (String accept : List.of("text/csv", "application/json")) {
                String foreign = as(stranger.token())
                        .accept(accept)
                        .get(url)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .extract()
                        .asString();
                String missing = as(stranger.token())
                        .accept(accept)
                        .get(unknown)
                        .then()
                        .statusCode(404)
                        .extract()
                        .asString();
                assertThat(foreign.replace(s.patient(), "ID")).isEqualTo(missing.replaceAll("[0-9a-f-]{36}", "ID"));
                as(org.osteon.support.Tokens.patient(otherPatient))
                        .accept(accept)
                        .get(url)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json");
                org.osteon.support.Tokens.asAdmin()
                        .accept(accept)
                        .get(url)
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
                as(s.physio().token())
                        .accept(accept)
                        .queryParam("from", "2030-03-10")
                        .queryParam("to", "2030-03-01")
                        .get(url)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", contains("to"));
            }
            io.restassured.RestAssured.given()
                    .accept("text/csv")
                    .get(url)
                    .then()
                    .statusCode(401);
            // JSON stays the answer when the client does not say, or prefers it.
            as(s.physio().token()).get(url).then().statusCode(200).contentType(ContentType.JSON);
            as(s.physio().token()).accept("*/*").get(url).then().statusCode(200).contentType(ContentType.JSON);
            as(s.physio().token())
                    .accept("text/csv;q=0.5, application/json")
                    .get(url)
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON);
            as(s.physio().token())
                    .accept("application/json;q=0.5, text/csv")
                    .get(url)
                    .then()
                    .statusCode(200)
                    .contentType("text/csv");
            as(s.physio().token()).accept("application/xml").get(url).then().statusCode(406);
        }
    }
}
