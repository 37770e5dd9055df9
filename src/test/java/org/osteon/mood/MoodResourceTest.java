package org.osteon.mood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * Questionnaire responses through the API on a real database: scored as the definitions say,
 * stored once however often an app retries, refused whole with the item named when an answer is
 * wrong; a PHQ-9 item 9 answer above 0 alerts the physiotherapist at once, tells the app what to
 * show, and its alert is acknowledged and audited; a worsening total alerts too.
 */
@QuarkusTest
class MoodResourceTest {
    @Inject
    Jdbc jdbc;

    Physio physio;
    String patient;
    String token;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        token = Tokens.patient(patient);
    }

    @Test
    void theQuestionnairesAreOfferedAsDataWithTheirSources() {
        JsonPath all = as(token)
                .get("/api/v1/questionnaires")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getList("id")).containsExactly("phq-9", "phq-8", "phq-2");
        assertThat(all.getList("[0].items")).hasSize(9);
        assertThat(all.getString("[0].items[8].loinc")).isEqualTo("44260-8");
        assertThat(all.getString("[0].loinc.total")).isEqualTo("44261-6");
        assertThat(all.getString("[0].source")).startsWith("Kroenke K, Spitzer RL, Williams JBW. The PHQ-9");
    }

    @Test
    void aResponseIsScoredStoredOnceAndReadByPatientAndPhysio() {
        String id = UUID.randomUUID().toString();
        // Nanoseconds, which PostgreSQL rounds to microseconds: the retry below must still be the same answer.
        String answeredAt = TestClock.CLOCK
                .instant()
                .minus(Duration.ofHours(2))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusNanos(123_456_789)
                .toString();
        Map<String, Object> body = phq9(List.of(1, 2, 1, 3, 0, 1, 2, 1, 0), answeredAt);
        Response first = put(id, body);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        JsonPath r = first.jsonPath();
        assertThat(r.getInt("response.total")).isEqualTo(11);
        assertThat(r.getString("response.band")).isEqualTo("moderate");
        assertThat(r.getString("response.definition.loincTotal")).isEqualTo("44261-6");
        assertThat(r.getString("offer")).isNull();
        assertThat(r.getString("safety")).isNull();

        // A retry (the app did not hear the answer) answers the same and stores nothing more.
        Response retry = put(id, body);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.jsonPath().getMap("response")).isEqualTo(r.getMap("response"));
        assertThat(r.getString("response.answeredAt")).endsWith(".123456Z");
        assertThat(put(id, phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), ago(2))).statusCode())
                .isEqualTo(409);
        assertThat(jdbc.count(
                        "select count(*) from questionnaire_response where patient_id = ?", UUID.fromString(patient)))
                .isEqualTo(1);

        for (String reader : List.of(token, physio.token())) {
            JsonPath h = as(reader)
                    .get("/api/v1/patients/" + patient + "/questionnaire-responses")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(h.getList("id")).containsExactly(id);
            assertThat(h.getList("[0].answers", Integer.class)).containsExactly(1, 2, 1, 3, 0, 1, 2, 1, 0);
        }
        // Another physiotherapist does not find the patient; a physiotherapist does not answer for them.
        as(Clinic.newPhysio().token())
                .get("/api/v1/patients/" + patient + "/questionnaire-responses")
                .then()
                .statusCode(404);
        as(physio.token())
                .contentType("application/json")
                .body(body)
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void aPositivePhq2OffersThePhq9() {
        Response r = put(
                UUID.randomUUID().toString(),
                Map.of("questionnaire", "phq-2", "answers", List.of(1, 2), "answeredAt", ago(1)));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.jsonPath().getBoolean("response.positiveScreen")).isTrue();
        assertThat(r.jsonPath().getString("offer")).isEqualTo("phq-9");
    }

    @Test
    void aWrongResponseIsRefusedWholeNamingTheFieldAndNothingIsStored() {
        assertError(phq9(List.of(0, 1, 2, 3, 0, 1, 2, 3), ago(1)), "answers", "phq-9 has 9 items");
        assertError(
                phq9(List.of(0, 1, 2, 4, 0, 1, 2, 3, 0), ago(1)), "answers[3]", "item 4 must be one of 0 (Not at all)");
        assertError(
                Map.of("questionnaire", "beck", "answers", List.of(0), "answeredAt", ago(1)),
                "questionnaire",
                "must be one of phq-9, phq-8, phq-2");
        assertError(
                phq9(
                        List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                        TestClock.CLOCK.instant().plus(Duration.ofHours(1)).toString()),
                "answeredAt",
                "lies in the future");
        assertError(phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), ago(24 * 20)), "answeredAt", "older than 14 days");
        assertThat(jdbc.count(
                        "select count(*) from questionnaire_response where patient_id = ?", UUID.fromString(patient)))
                .isZero();
    }

    @Test
    void anItem9AnswerAlertsThePhysioAtOnceTellsTheAppWhatToShowAndIsAcknowledgedAndAudited() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = phq9(List.of(0, 1, 0, 0, 0, 0, 0, 0, 1), ago(1));
        Response r = put(id, body);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.jsonPath().getString("response.band")).isEqualTo("minimal");
        assertThat(r.jsonPath().getString("safety.reason")).isEqualTo("item 9 answered above 0");
        assertThat(r.jsonPath().getString("safety.text")).contains("call your local emergency number");

        List<Map<String, Object>> open = openAlerts();
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("rule", "phq9_item9");
        assertThat((String) open.get(0).get("message"))
                .isEqualTo("Patient Health Questionnaire-9 (PHQ-9) item 9 answered 1 (Several days): thoughts of death "
                        + "or self-harm. Contact the patient today.");

        // The app retries: the same answer comes back, safety included, and no second alert.
        Response retry = put(id, body);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.jsonPath().getString("safety.reason")).isEqualTo("item 9 answered above 0");
        assertThat(openAlerts()).hasSize(1);

        // On the roster it is the patient's worst open alert, above anything else.
        assertThat(as(physio.token())
                        .get("/api/v1/physiotherapists/me/patients")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("items.find { it.patientId == '" + patient + "' }.worstOpenAlert"))
                .isEqualTo("phq9_item9");

        // Another such answer is another alert, open beside the first: neither hides the other.
        assertThat(put(UUID.randomUUID().toString(), phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), ago(0)))
                        .statusCode())
                .isEqualTo(201);
        List<Map<String, Object>> both = openAlerts();
        assertThat(both).hasSize(2).allSatisfy(a -> assertThat(a).containsEntry("rule", "phq9_item9"));

        // Acknowledged only with a note of what was done, which the audit records as given, never its text.
        String alertId = (String) both.get(0).get("id");
        as(physio.token())
                .post("/api/v1/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("note"));
        assertThat(openAlerts()).hasSize(2);
        as(physio.token())
                .contentType("application/json")
                .body(Map.of("note", "Called her at once: safe, seeing her GP today."))
                .post("/api/v1/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(200)
                .body(
                        "acknowledgementNote",
                        org.hamcrest.Matchers.equalTo("Called her at once: safe, seeing her GP today."));
        assertThat(openAlerts()).hasSize(1);
        assertThat(jdbc.count(
                        "select count(*) from audit_event where action = 'alert.acknowledged' and patient_id = ? "
                                + "and detail ->> 'note' = 'true' and detail::text not like '%GP today%'",
                        UUID.fromString(patient)))
                .isEqualTo(1);
    }

    @Test
    void aTotalFivePointsAboveTheBaselineOrEnteringTheSevereBandsAlerts() {
        put(UUID.randomUUID().toString(), phq9(List.of(1, 1, 1, 1, 1, 1, 0, 0, 0), ago(48)));
        assertThat(openAlerts()).isEmpty();
        // 6 → 10: four points, and moderate is not severe: nothing.
        put(UUID.randomUUID().toString(), phq9(List.of(2, 2, 1, 1, 1, 1, 1, 1, 0), ago(24)));
        assertThat(openAlerts()).isEmpty();
        // 6 → 11: five above the baseline.
        put(UUID.randomUUID().toString(), phq9(List.of(2, 2, 2, 1, 1, 1, 1, 1, 0), ago(1)));
        List<Map<String, Object>> open = openAlerts();
        assertThat(open).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("rule", "phq_worsening");
            assertThat((String) a.get("message"))
                    .isEqualTo("Patient Health Questionnaire-9 (PHQ-9) total 11 (moderate): 5 points above the "
                            + "baseline of 6");
        });
    }

    private Response put(String id, Map<String, Object> body) {
        return as(token)
                .contentType("application/json")
                .body(body)
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + id);
    }

    private void assertError(Map<String, Object> body, String field, String message) {
        Response r = put(UUID.randomUUID().toString(), body);
        assertThat(r.statusCode()).as(field + ": " + r.asString()).isEqualTo(400);
        assertThat(r.jsonPath().getString("errors[0].field")).isEqualTo(field);
        assertThat(r.jsonPath().getString("errors[0].message")).contains(message);
    }

    private List<Map<String, Object>> openAlerts() {
        return as(physio.token())
                .get("/api/v1/patients/" + patient + "/alerts?status=open")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static Map<String, Object> phq9(List<Integer> answers, String answeredAt) {
        return Map.of("questionnaire", "phq-9", "answers", answers, "answeredAt", answeredAt);
    }

    private static String ago(int hours) {
        return TestClock.CLOCK.instant().minus(Duration.ofHours(hours)).toString();
    }
}
