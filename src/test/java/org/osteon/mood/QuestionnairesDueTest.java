package org.osteon.mood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * Check-ins through the API on a real database, at the tests' clock in the patient's time zone:
 * the check-in component is validated with its field named, falls due window by window from the
 * version's effective date, is answered by a response in its window and no other; a positive
 * PHQ-2 puts the PHQ-9 due until it is answered; adherence counts each window's check-in once
 * however often a submission is retried.
 */
@QuarkusTest
class QuestionnairesDueTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final Map<String, Object> STEPS = Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5);

    Physio physio;
    String patient;
    String token;
    LocalDate today;

    @BeforeEach
    void clinic() {
        physio = Clinic.newPhysio();
        patient = Clinic.newPatientOf(physio, VIENNA.getId());
        token = Tokens.patient(patient);
        today = LocalDate.now(TestClock.CLOCK.withZone(VIENNA));
    }

    @Test
    void aCheckInIsRefusedWithItsFieldAndTheAllowedValuesNamed() {
        refused(Map.of("kind", "checkin", "questionnaire", "phq-8"), "components[1].everyDays", "give exactly one");
        refused(
                Map.of("kind", "checkin", "questionnaire", "phq-8", "everyDays", 0),
                "components[1].everyDays",
                "must be greater than or equal to 1");
        refused(
                Map.of("kind", "checkin", "questionnaire", "phq-8", "everyWeeks", 14),
                "components[1].everyWeeks",
                "must be less than or equal to 13");
        refused(
                Map.of("kind", "checkin", "questionnaire", "gad-7", "everyWeeks", 2),
                "components[1].questionnaire",
                "must be one of phq-9, phq-8, phq-2, was 'gad-7'");
        refused(
                Map.of("kind", "checkin", "questionnaire", "phq-8", "everyWeeks", 2, "every", 2),
                "components[1].every",
                "");
    }

    @Test
    void aCheckInFallsDueWindowByWindowAndOnlyAnAnswerInsideTheWindowCompletesIt() {
        // Every 10 days from 25 days back: windows from day -25, -15 and -5 (the one open today).
        prescribe(Map.of("kind", "checkin", "questionnaire", "phq-8", "everyDays", 10), today.minusDays(25));
        Instant opens = today.minusDays(5).atStartOfDay(VIENNA).toInstant();
        JsonPath due = due(token);
        assertThat(due.getString("date")).isEqualTo(today.toString());
        assertThat(due.getList("due.questionnaire")).containsExactly("phq-8");
        assertThat(due.getString("due[0].reason")).isEqualTo("checkin");
        assertThat(due.getInt("due[0].version")).isEqualTo(1);
        assertThat(Instant.parse(due.getString("due[0].dueSince"))).isEqualTo(opens);
        assertThat(Instant.parse(due.getString("due[0].dueUntil")))
                .isEqualTo(today.plusDays(5).atStartOfDay(VIENNA).toInstant());
        // The physiotherapist reads it too; another one does not find the patient.
        assertThat(due(physio.token()).getList("due.questionnaire")).containsExactly("phq-8");
        as(Clinic.newPhysio().token())
                .get("/api/v1/patients/" + patient + "/questionnaires/due")
                .then()
                .statusCode(404);

        // A minute before the window opened belongs to the window before: still due.
        submit("phq-8", List.of(0, 1, 0, 0, 1, 0, 0, 0), opens.minus(Duration.ofMinutes(1)));
        assertThat(due(token).getList("due.questionnaire")).containsExactly("phq-8");
        // Another questionnaire does not complete it either.
        submit("phq-2", List.of(0, 1), opens.plus(Duration.ofMinutes(1)));
        assertThat(due(token).getList("due.questionnaire")).containsExactly("phq-8");
        // A minute after it opened does.
        submit("phq-8", List.of(0, 1, 0, 0, 1, 0, 0, 0), opens.plus(Duration.ofMinutes(1)));
        assertThat(due(token).getList("due")).isEmpty();
    }

    @Test
    void aPositivePhq2PutsThePhq9DueUntilItIsAnsweredListedOnceWithACheckIn() {
        // Every 2 weeks from yesterday: the window holds the last hours, whatever the hour now.
        prescribe(Map.of("kind", "checkin", "questionnaire", "phq-9", "everyWeeks", 2), today.minusDays(1));
        JsonPath due = due(token);
        assertThat(due.getList("due.questionnaire")).containsExactly("phq-9");
        assertThat(due.getString("due[0].reason")).isEqualTo("checkin");

        Instant now = TestClock.CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant screened = now.minus(Duration.ofHours(2));
        String screen = submit("phq-2", List.of(1, 2), screened);
        due = due(token);
        // Due twice over, listed once: the follow-up, which answers the check-in as well.
        assertThat(due.getList("due.questionnaire")).containsExactly("phq-9");
        assertThat(due.getString("due[0].reason")).isEqualTo("follow_up");
        assertThat(due.getString("due[0].after")).isEqualTo(screen);
        assertThat(Instant.parse(due.getString("due[0].dueSince"))).isEqualTo(screened);
        assertThat(Instant.parse(due.getString("due[0].dueUntil"))).isEqualTo(screened.plus(Duration.ofDays(14)));

        submit("phq-9", List.of(1, 2, 1, 0, 0, 1, 0, 0, 0), now.minus(Duration.ofHours(1)));
        assertThat(due(token).getList("due")).isEmpty();

        // A PHQ-9 answered before a screen does not answer its follow-up; a negative screen after it ends it.
        submit("phq-2", List.of(2, 2), now.minus(Duration.ofMinutes(30)));
        assertThat(due(token).getList("due.reason")).containsExactly("follow_up");
        submit("phq-2", List.of(0, 1), now.minus(Duration.ofMinutes(20)));
        assertThat(due(token).getList("due")).isEmpty();
    }

    @Test
    void withoutACheckInNothingIsDueAndAnAdminIsRefused() {
        assertThat(due(token).getList("due")).isEmpty();
        as(Tokens.admin())
                .get("/api/v1/patients/" + patient + "/questionnaires/due")
                .then()
                .statusCode(403);
    }

    @Test
    void adherenceCountsEachWindowsCheckInOnceHoweverOftenTheAppRetries() {
        // Every 7 days from 20 days back: windows from day -20 (never answered), -13 and -6 (closing today).
        prescribe(Map.of("kind", "checkin", "questionnaire", "phq-8", "everyDays", 7), today.minusDays(20));
        Instant dayMinus10 = today.minusDays(10).atTime(12, 0).atZone(VIENNA).toInstant();
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of(
                "questionnaire",
                "phq-8",
                "answers",
                List.of(0, 1, 0, 0, 1, 0, 0, 0),
                "answeredAt",
                dayMinus10.toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            as(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + id)
                    .then()
                    .statusCode(attempt == 0 ? 201 : 200);
        }
        // A second response in the same window adds nothing either.
        submit("phq-8", List.of(0, 0, 0, 0, 0, 0, 0, 0), dayMinus10.plus(Duration.ofDays(1)));

        JsonPath days = adherence("day");
        Map<String, String> byDate = new java.util.HashMap<>();
        for (int i = 0; i < days.getList("$").size(); i++) {
            byDate.put(
                    days.getString("[" + i + "].date"),
                    days.getString("[" + i + "].components.find { it.kind == 'checkin' }.status"));
        }
        assertThat(byDate.get(today.minusDays(14).toString())).isEqualTo("missed");
        assertThat(byDate.get(today.minusDays(10).toString())).isEqualTo("met");
        assertThat(byDate.get(today.minusDays(9).toString())).isEqualTo("not_scheduled");
        assertThat(byDate.get(today.minusDays(7).toString())).isEqualTo("not_scheduled");
        // Today closes a window without an answer: open until the day is over.
        assertThat(byDate.get(today.toString())).isEqualTo("in_progress");

        JsonPath weeks = adherence("week");
        double target = 0, achieved = 0;
        for (int i = 0; i < weeks.getList("$").size(); i++) {
            Float t = weeks.get("[" + i + "].components.find { it.kind == 'checkin' }.target");
            Float a = weeks.get("[" + i + "].components.find { it.kind == 'checkin' }.achieved");
            target += t == null ? 0 : t;
            achieved += a == null ? 0 : a;
        }
        assertThat(achieved).isEqualTo(1.0);
        assertThat(target).isEqualTo(3.0);
    }

    @Test
    void aCheckInAnsweredShowsInTheNextReadOfItsAdherence() {
        prescribe(Map.of("kind", "checkin", "questionnaire", "phq-8", "everyDays", 7), today.minusDays(20));
        String dayMinus10 = today.minusDays(10).toString();
        assertThat(adherence("day")
                        .getString("find { it.date == '" + dayMinus10 + "' }.components.find { it.kind == "
                                + "'checkin' }.status"))
                .isEqualTo("not_scheduled");

        // Answers send no notification: an answer that counted check-ins is never kept, so this
        // read is computed afresh.
        submit(
                "phq-8",
                List.of(0, 0, 0, 0, 0, 0, 0, 0),
                today.minusDays(10).atTime(12, 0).atZone(VIENNA).toInstant());
        assertThat(adherence("day")
                        .getString("find { it.date == '" + dayMinus10 + "' }.components.find { it.kind == "
                                + "'checkin' }.status"))
                .isEqualTo("met");
    }

    private void refused(Map<String, Object> checkin, String field, String message) {
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "components", List.of(STEPS, checkin)))
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors.field", contains(field))
                .body("detail", containsString(message));
    }

    private void prescribe(Map<String, Object> checkin, LocalDate effectiveFrom) {
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "mood check-ins",
                        "components",
                        List.of(STEPS, checkin),
                        "effectiveFrom",
                        effectiveFrom.toString()));
    }

    private JsonPath due(String reader) {
        return as(reader)
                .get("/api/v1/patients/" + patient + "/questionnaires/due")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath adherence(String by) {
        return as(physio.token())
                .queryParam("from", today.minusDays(21).toString())
                .queryParam("to", today.toString())
                .queryParam("by", by)
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Submits a response as the patient; returns its id. */
    private String submit(String questionnaire, List<Integer> answers, Instant answeredAt) {
        String id = UUID.randomUUID().toString();
        as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("questionnaire", questionnaire, "answers", answers, "answeredAt", answeredAt.toString()))
                .put("/api/v1/patients/" + patient + "/questionnaire-responses/" + id)
                .then()
                .statusCode(201);
        return id;
    }
}
