package org.osteon.program;

import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;

@QuarkusTest
class ProgramResourceTest {
    static final Map<String, Object> STEPS = Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5);

    @Test
    void programCreatedFromATemplateIsInForceTodayWithTheTemplatesComponents() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        String location = Clinic.prescribe(
                physio,
                patient,
                Map.of("templateId", "liftmor", "reason", "osteopenia, cleared for high-intensity training"));
        as(physio.token())
                .get(location)
                .then()
                .statusCode(200)
                .body("version", is(1))
                .body("templateId", is("liftmor"))
                .body("components.kind", contains("resistance", "impacts"))
                .body("components[0].exercises.exercise", contains("deadlift", "squat", "overhead_press"));
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .body("inForce.version", is(1))
                .body("inForce.author.subject", is(physio.subject()))
                .body("targetsOnDate[0].exercises[0].minPercent1RM", is(80.0f))
                .body("upcoming", nullValue());
    }

    @Test
    void everyAdjustmentAddsAVersionAndThePastVersionsStayAsTheyWere() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        Clinic.prescribe(physio, patient, Map.of("templateId", "who-2020", "reason", "baseline"));
        Clinic.prescribe(
                physio,
                patient,
                Map.of("components", List.of(STEPS), "reason", "prefers walking", "effectiveFrom", "2031-01-06"));
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/program/versions")
                .then()
                .statusCode(200)
                .body("total", is(2))
                .body("items.version", contains(2, 1))
                .body("items[0].reason", is("prefers walking"))
                .body("items[0].effectiveFrom", is("2031-01-06"))
                .body("items[1].reason", is("baseline"))
                .body("items[1].components.kind", contains("mvpa", "resistance"))
                .body("items[1].author.role", is("physio"));
        // Today the first version is still in force; the second waits for its date.
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .body("inForce.version", is(1))
                .body("upcoming.version", is(2));
    }

    @Test
    void versionsArePaginated() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        for (int i = 0; i < 3; i++) {
            Clinic.prescribe(physio, patient, Map.of("components", List.of(STEPS), "reason", "step " + i));
        }
        as(physio.token())
                .queryParam("page", 1)
                .queryParam("size", 2)
                .get("/api/v1/patients/" + patient + "/program/versions")
                .then()
                .statusCode(200)
                .body("total", is(3))
                .body("page", is(1))
                .body("items.version", contains(1));
        as(physio.token())
                .queryParam("size", 0)
                .get("/api/v1/patients/" + patient + "/program/versions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void aChangeBackdatedBeforeTodayIsRefusedNamingEffectiveFrom() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Pacific/Kiritimati");
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("components", List.of(STEPS), "reason", "r", "effectiveFrom", "2020-01-01"))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("effectiveFrom"));
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/program/versions")
                .then()
                .body("total", is(0));
    }

    @Test
    void todayIsTheDateInThePatientsTimeZone() {
        // UTC+14: for ten hours of every UTC day, the patient is already a day ahead.
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Pacific/Kiritimati");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of("Pacific/Kiritimati")));
        Clinic.prescribe(physio, patient, Map.of("components", List.of(STEPS), "reason", "r"));
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .body("date", is(today.toString()))
                .body("inForce.effectiveFrom", is(today.toString()));
        // A second version may not reach back to the patient's yesterday.
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "components",
                        List.of(STEPS),
                        "reason",
                        "r",
                        "effectiveFrom",
                        today.minusDays(1).toString()))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("effectiveFrom"))
                .body("errors[0].message", containsString("past days keep their targets"));
    }

    @Test
    void aFirstProgramEnteredLateStartsUpTo28DaysBackAndNoLater() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(ZoneId.of("Europe/Vienna")));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "components",
                        List.of(STEPS),
                        "reason",
                        "r",
                        "effectiveFrom",
                        today.minusDays(29).toString()))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("effectiveFrom"))
                .body("errors[0].message", containsString("at most 28 days back, from " + today.minusDays(28)));
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "components",
                        List.of(STEPS),
                        "reason",
                        "given at the visit",
                        "effectiveFrom",
                        today.minusDays(14).toString()));
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .body("inForce.effectiveFrom", is(today.minusDays(14).toString()));
        // The past days it covers now have targets: the week two weeks ago is judged, not not_scheduled.
        as(physio.token())
                .queryParam("from", today.minusDays(14).toString())
                .queryParam("to", today.minusDays(14).toString())
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("[0].components[0].kind", is("steps"))
                .body("[0].components[0].status", is("no_data"));
    }

    @Test
    void invalidTargetsAreNamedByTheirPathInTheProgram() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(STEPS, Map.of("kind", "impacts", "minG", 0.4, "count", 20, "per", "day"))))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("components[1].minG"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(Map.of("kind", "mvpa", "minutesPerWeek", 150, "boutMinutes", 7))))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[0].boutMinutes"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "components", List.of(STEPS, STEPS)))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[1].kind"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "components", List.of(Map.of("kind", "yoga"))))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("detail", not(containsString("com.fasterxml")))
                .body("errors.field", contains("components[0].kind"))
                .body(
                        "detail",
                        containsString("is unknown; must be one of impacts, mvpa, steps, resistance, sedentary"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(Map.of(
                                "kind",
                                "impacts",
                                "minG",
                                4.2,
                                "count",
                                20,
                                "per",
                                "day",
                                "caps",
                                Map.of("aboveG", 6.0, "maxPerDay", 60)))))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[0].caps"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(Map.of(
                                "kind",
                                "sedentary",
                                "maxHoursPerDay",
                                8,
                                "progression",
                                Map.of("step", 1, "everyWeeks", 2, "ceiling", 10)))))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[0].progression"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("components", List.of(STEPS)))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("reason"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "templateId", "no-such-template"))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("templateId"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "templateId", "who-2020", "components", List.of(STEPS)))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components"));
    }

    @Test
    void progressionStaysWithinTheComponentsOwnBoundsAndCountsAreWhole() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        String path = "/api/v1/patients/" + patient + "/program";
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(Map.of(
                                "kind",
                                "impacts",
                                "minG",
                                2.1,
                                "count",
                                20,
                                "per",
                                "day",
                                "progression",
                                Map.of("step", 1e9, "everyWeeks", 1, "ceiling", 500)))))
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[0].progression.step"))
                .body(
                        "detail",
                        containsString("must be at most 1000, the largest count allowed for impacts components"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(Map.of(
                                "kind",
                                "mvpa",
                                "minutesPerWeek",
                                150,
                                "boutMinutes",
                                10,
                                "progression",
                                Map.of("step", 10, "everyWeeks", 1, "ceiling", 1e300)))))
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[0].progression.ceiling"))
                .body("detail", containsString("at most 3000"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"r\",\"components\":[{\"kind\":\"impacts\",\"minG\":2.1,\"count\":1.9,"
                        + "\"per\":\"day\"}]}")
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[0].count"))
                .body("detail", is("components[0].count: must be a whole number"));
    }

    @Test
    void aTargetUnderProgressionNeverPassesTheComponentsBoundEvenWithoutACeilingCheck() {
        Component.Steps steps = new Component.Steps(90_000, 5, new Component.Progression(5_000.0, 1, 1e300));
        LocalDate start = LocalDate.of(2030, 1, 7);
        Component later = ProgramRules.onDay(steps, start, start.plusWeeks(10));
        org.assertj.core.api.Assertions.assertThat(later.mainTarget()).isEqualTo(100_000.0);
    }

    @Test
    void patientWithoutAProgramIsNotFoundOnTheProgram() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void templateLibraryNamesTheSourceOfEachTemplate() {
        as(Clinic.newPhysio().token())
                .get("/api/v1/program-templates")
                .then()
                .statusCode(200)
                .body("id", hasItems("liftmor", "who-2020", "progressive-impact-osteoporosis"))
                .body("find { it.id == 'liftmor' }.source", containsString("Watson"))
                .body("find { it.id == 'who-2020' }.components.kind", contains("mvpa", "resistance"))
                .body("find { it.id == 'progressive-impact-osteoporosis' }.components[0].cap.maxPerDay", is(60))
                .body("source", everyItem(not(emptyOrNullString())));
    }

    @Test
    void anEditChangesOneComponentKeepsEverythingElseAndSaysWhatChanged() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        String path = "/api/v1/patients/" + patient + "/program";
        // Nothing to edit yet.
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "set", List.of(Map.of("kind", "impacts", "count", 30))))
                .patch(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("effectiveFrom"));
        Clinic.prescribe(physio, patient, Map.of("templateId", "progressive-impact-osteoporosis", "reason", "start"));

        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "tolerated well",
                        "set",
                        List.of(
                                Map.of("kind", "impacts", "count", 30),
                                Map.of("kind", "steps", "stepsPerDay", 6000, "daysPerWeek", 5))))
                .patch(path)
                .then()
                .statusCode(200)
                .header("Location", endsWith("/program/versions/2"))
                .body("version.version", is(2))
                .body("version.components.kind", contains("impacts", "steps"))
                // The template's cap and progression are kept: only the count changed.
                .body("version.components[0].count", is(30))
                .body("version.components[0].cap.aboveG", is(6.0f))
                .body("version.components[0].progression.ceiling", is(50.0f))
                .body("changes.size()", is(2))
                .body("changes[0].kind", is("impacts"))
                .body("changes[0].field", is("count"))
                .body("changes[0].from", is(20))
                .body("changes[0].to", is(30))
                .body("changes[1].kind", is("steps"))
                .body("changes[1].field", nullValue())
                .body("changes[1].to.stepsPerDay", is(6000));

        // null removes a field; remove drops a component; both said.
        Map<String, Object> noProgression = new java.util.HashMap<>();
        noProgression.put("kind", "impacts");
        noProgression.put("progression", null);
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "hold the dose", "set", List.of(noProgression), "remove", List.of("steps")))
                .patch(path)
                .then()
                .statusCode(200)
                .body("version.components.kind", contains("impacts"))
                .body("version.components[0]", not(hasKey("progression")))
                .body("version.components[0].count", is(30))
                .body("changes.field", containsInAnyOrder("progression", null))
                .body("changes.find { it.field == 'progression' }.to", nullValue());

        // Wrong edits are refused by name, and add no version.
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "set", List.of(Map.of("kind", "impacts", "count", 5000))))
                .patch(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("set[kind=impacts].count"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "remove", List.of("mvpa")))
                .patch(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("remove"))
                .body("errors[0].message", containsString("it has impacts"));
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "set", List.of(Map.of("count", 25))))
                .patch(path)
                .then()
                .statusCode(400)
                .body("errors.field", contains("set[0].kind"));
        as(physio.token()).get(path + "/versions").then().body("total", is(3));
        // Only physiotherapists change programs.
        as(org.osteon.support.Tokens.patient(patient))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "set", List.of(Map.of("kind", "impacts", "count", 99))))
                .patch(path)
                .then()
                .statusCode(403);
    }
}
