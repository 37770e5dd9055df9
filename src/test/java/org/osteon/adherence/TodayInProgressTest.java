package org.osteon.adherence;

import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.TestClock;

/**
 * Today is not over: its adherence, and its week's, say so with the amount so far, while the days
 * before keep their verdict; the roster shows the week so far, open alerts and a program that
 * started this week.
 */
@QuarkusTest
class TodayInProgressTest {
    static final String STEPS = "[{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":7}]";

    @Inject
    Jdbc jdbc;

    static final ZoneId ZONE = ZoneId.of("Europe/Vienna");

    LocalDate today() {
        return LocalDate.now(TestClock.CLOCK.withZone(ZONE));
    }

    void programSince(String patient, LocalDate from) {
        jdbc.update(
                "insert into program_version (patient_id, version, effective_from, components, author_role, "
                        + "author_subject, reason, created_at) values (?, 1, ?, ?::jsonb, 'physio', 'test', 'in force before "
                        + "today', now())",
                UUID.fromString(patient),
                from,
                STEPS);
    }

    @Test
    void todayShortOfItsTargetIsInProgressWithTheAmountSoFarAndYesterdayStaysMissed() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE.getId());
        LocalDate today = today();
        programSince(patient, today.minusDays(14));
        DayRows rows = new DayRows(jdbc, patient);
        rows.insert(new Day(today.minusDays(1).toString(), 14, 2000, 0.0, 30.0, Map.of()));
        rows.insert(new Day(today.toString(), 6, 3000, 0.0, 30.0, Map.of()));

        as(physio.token())
                .queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.toString())
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("[0].components[0].status", is("missed"))
                .body("[1].date", is(today.toString()))
                .body("[1].components[0].status", is("in_progress"))
                .body("[1].components[0].achieved", is(3000.0f))
                .body("[1].components[0].target", is(7000.0f));
        // The week that holds today is in progress, overall too; the week before is judged.
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        as(physio.token())
                .queryParam("by", "week")
                .queryParam("from", monday.minusWeeks(1).toString())
                .queryParam("to", today.toString())
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("weekStart", contains(monday.minusWeeks(1).toString(), monday.toString()))
                .body("[1].components[0].status", is("in_progress"))
                .body("[1].overallStatus", is("in_progress"))
                .body("[0].overallStatus", not("in_progress"));
    }

    @Test
    void aTargetReachedTodayIsMetAtOnce() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE.getId());
        LocalDate today = today();
        programSince(patient, today.minusDays(3));
        new DayRows(jdbc, patient).insert(new Day(today.toString(), 4, 9000, 0.0, 30.0, Map.of()));
        as(physio.token())
                .queryParam("from", today.toString())
                .queryParam("to", today.toString())
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("[0].components[0].status", is("met"));
    }

    @Test
    void theRosterShowsTheWeekSoFarOpenAlertsAndAProgramThatStartedThisWeek() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE.getId());
        LocalDate today = today();
        // Prescribed today: last week had no program, yet one is in force.
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 7)),
                        "reason",
                        "r"));
        new DayRows(jdbc, patient).insert(new Day(today.toString(), 14, 3500, 0.0, 30.0, Map.of()));
        jdbc.update(
                "insert into alert (id, patient_id, rule, episode, status, raised_at, message, details) values "
                        + "(?, ?, 'no_sync', 'e', 'open', now(), 'm', '{}'::jsonb)",
                UUID.randomUUID(),
                UUID.fromString(patient));

        as(physio.token())
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .statusCode(200)
                .body("items[0].flags", not(hasItem("no_program")))
                .body("items[0].flags", hasItem("open_alerts"))
                .body("items[0].openAlerts", is(1))
                .body(
                        "items[0].currentWeekStart",
                        is(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                .toString()))
                // Steps count days that reached 7000: none yet, so 0 so far, and the week not over.
                .body("items[0].currentWeekAdherence", is(0.0f))
                .body("items[0].currentWeekStatus", is("in_progress"));
        // Without any program, the flag is there.
        Physio other = Clinic.newPhysio();
        Clinic.newPatientOf(other, ZONE.getId());
        as(other.token())
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .statusCode(200)
                .body("items[0].flags", contains("no_program"))
                .body("items[0].openAlerts", is(0));
    }

    @Test
    void theDaysApiShowsEachNumberToItsStatedPrecision() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, ZONE.getId());
        LocalDate day = today().minusDays(2);
        new DayRows(jdbc, patient).insert(new Day(day.toString(), 14.0 + 1.0 / 3, 5000, 50.0 / 3, 45.0, Map.of()));
        as(physio.token())
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/api/v1/patients/" + patient + "/days")
                .then()
                .statusCode(200)
                .body("[0].wearHours", is(14.33f))
                .body("[0].mvpaBoutedMinutes.min10", is(16.67f))
                .body("[0].mvpaMinutes", is(16.67f))
                .body("[0].steps", is(5000));
    }
}
