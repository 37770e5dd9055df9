package org.osteon.mood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * A deployment with no clinician on call to act on PHQ-9 item 9: a PHQ-9 check-in is refused with
 * the questionnaires offered named, and after a positive PHQ-2 the app is told to offer the PHQ-8,
 * never the PHQ-9 it could not submit.
 */
@QuarkusTest
@TestProfile(NoClinicianOnCallTest.NoClinician.class)
class NoClinicianOnCallTest {
    public static class NoClinician implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("osteon.mood.clinician-on-call", "false");
        }
    }

    static final Map<String, Object> STEPS = Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5);

    @Test
    void aPhq9CheckInIsRefusedAndThePhq8IsOfferedInItsPlace() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(STEPS, Map.of("kind", "checkin", "questionnaire", "phq-9", "everyWeeks", 2))))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[1].questionnaire"))
                .body("detail", containsString("no clinician is on call"))
                .body("detail", containsString("use one of phq-8, phq-2"));
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "r",
                        "components",
                        List.of(STEPS, Map.of("kind", "checkin", "questionnaire", "phq-2", "everyWeeks", 2)),
                        // From yesterday, so that the answer below lies in the window whatever the hour.
                        "effectiveFrom",
                        java.time.LocalDate.now(TestClock.CLOCK.withZone(java.time.ZoneId.of("Europe/Vienna")))
                                .minusDays(1)
                                .toString()));

        String token = Tokens.patient(patient);
        JsonPath submitted = as(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "questionnaire",
                        "phq-2",
                        "answers",
                        List.of(2, 2),
                        "answeredAt",
                        TestClock.CLOCK.instant().minus(Duration.ofMinutes(5)).toString()))
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + UUID.randomUUID())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(submitted.getString("offer")).isEqualTo("phq-8");
        JsonPath due = as(token)
                .get("/api/v1/patients/" + patient + "/questionnaires/due")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(due.getList("due.questionnaire")).containsExactly("phq-8");
        // The PHQ-2 answered the check-in; what is left is its follow-up.
        assertThat(due.getList("due.reason")).containsExactly("follow_up");
    }
}
