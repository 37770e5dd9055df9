package org.osteon.adherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osteon.support.Tokens.as;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.engine.DayNotices;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;

/**
 * An app asking for the same week again is answered from what was kept, and never with an answer
 * a committed change made wrong: a day scored or a program changed on this instance shows in the
 * next request, and a change on another instance as soon as its notification is heard. Weeks in
 * 2030, ahead of any clock running the tests (programs may not be backdated).
 */
@QuarkusTest
class KeptAnswersTest {
    static final List<Map<String, Object>> STEPS =
            List.of(Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5));

    @Inject
    Jdbc jdbc;

    @Inject
    MeterRegistry registry;

    record Setup(Physio physio, String patient, DayRows rows) {}

    Setup patientWithAWeek(String monday) {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        Clinic.prescribe(
                physio, patient, Map.of("components", STEPS, "reason", "bone loading", "effectiveFrom", monday));
        DayRows rows = new DayRows(jdbc, patient);
        LocalDate m = LocalDate.parse(monday);
        for (int i = 0; i < 5; i++) {
            rows.insert(new Day(m.plusDays(i).toString(), 14, 8000, 20.0, 40.0, Map.of()));
        }
        return new Setup(physio, patient, rows);
    }

    String week(Setup s, String monday) {
        return as(s.physio().token())
                .queryParam("from", monday)
                .queryParam("by", "week")
                .get("/api/v1/patients/" + s.patient() + "/adherence")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static float steps(String body) {
        return JsonPath.from(body).getFloat("[0].components[0].achieved");
    }

    double hits() {
        return registry.counter("osteon_adherence_answers", "outcome", "hit").count();
    }

    @Test
    void theSameWeekAskedAgainIsTheKeptAnswerUntilADayIsScoredAgain() {
        Setup s = patientWithAWeek("2030-04-01");
        String first = week(s, "2030-04-01");
        assertThat(steps(first)).isEqualTo(5.0f);

        double before = hits();
        assertThat(week(s, "2030-04-01")).isEqualTo(first);
        assertThat(hits()).isEqualTo(before + 1);

        // Scored again with fewer steps: the very next request says so.
        s.rows().insert(new Day("2030-04-03", 14, 3000, 20.0, 40.0, Map.of()));
        assertThat(steps(week(s, "2030-04-01"))).isEqualTo(4.0f);
    }

    @Test
    void aDayScoredInAnotherWeekLeavesTheWeekKept() {
        Setup s = patientWithAWeek("2030-04-22");
        String first = week(s, "2030-04-22");
        // Tuesday of the next week: its scoring reaches Monday and Wednesday, not this week's Sunday.
        s.rows().insert(new Day("2030-04-30", 14, 9000, 20.0, 40.0, Map.of()));
        double before = hits();
        assertThat(week(s, "2030-04-22")).isEqualTo(first);
        assertThat(hits()).isEqualTo(before + 1);
    }

    @Test
    void aNewProgramVersionShowsInTheNextRequest() {
        Setup s = patientWithAWeek("2030-04-08");
        assertThat(JsonPath.from(week(s, "2030-04-08")).getFloat("[0].components[0].target"))
                .isEqualTo(3.571f);
        Clinic.prescribe(
                s.physio(),
                s.patient(),
                Map.of(
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 7)),
                        "reason",
                        "more days",
                        "effectiveFrom",
                        "2030-04-08"));
        assertThat(JsonPath.from(week(s, "2030-04-08")).getFloat("[0].components[0].target"))
                .isEqualTo(5.0f);
    }

    @Test
    void aDayScoredOnAnotherInstanceShowsWhenItsNotificationIsHeard() {
        Setup s = patientWithAWeek("2030-04-15");
        assertThat(steps(week(s, "2030-04-15"))).isEqualTo(5.0f);
        double before = hits();
        week(s, "2030-04-15");
        assertThat(hits()).as("kept").isEqualTo(before + 1);

        // As another instance's engine: the row and its notification in one transaction, and no
        // word to this instance but the notification.
        jdbc.one(
                "with changed as (update day_summary set steps = 100 where patient_id = ? and local_date = ? "
                        + "returning 1) select pg_notify(?, ?) from changed",
                rs -> rs.getString(1),
                UUID.fromString(s.patient()),
                LocalDate.parse("2030-04-16"),
                DayNotices.CHANNEL,
                s.patient() + " " + DayNotices.DAY + " 2030-04-16");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(steps(week(s, "2030-04-15"))).isEqualTo(4.0f));
    }
}
