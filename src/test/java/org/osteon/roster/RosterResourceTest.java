package org.osteon.roster;

import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * The roster judges the last complete week before today. The API refuses backdated programs, so
 * these tests write a version that took effect weeks ago straight into program_version.
 */
@QuarkusTest
class RosterResourceTest {
    static final String STEPS = "[{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":7}]";
    static final String IMPACTS = "[{\"kind\":\"impacts\",\"minG\":4.2,\"count\":10,\"per\":\"day\","
            + "\"cap\":{\"aboveG\":6.0,\"maxPerDay\":60}}]";

    @Inject
    Jdbc jdbc;

    final LocalDate lastWeek = LocalDate.now(TestClock.CLOCK.withZone(ZoneOffset.UTC))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusWeeks(1);

    void programSince(String patient, LocalDate from, String components) {
        jdbc.update(
                "insert into program_version (patient_id, version, effective_from, components, author_role, "
                        + "author_subject, reason, created_at) values (?, 1, ?, ?::jsonb, 'physio', 'test', 'in force before "
                        + "today', now())",
                UUID.fromString(patient),
                from,
                components);
    }

    void week(String patient, LocalDate monday, int steps, Map<String, Integer> impacts) {
        DayRows rows = new DayRows(jdbc, patient);
        for (int i = 0; i < 7; i++) {
            rows.insert(new Day(monday.plusDays(i).toString(), 14, steps, 30.0, 40.0, impacts));
        }
    }

    @Test
    void rosterIsSortedByLastWeeksAdherenceWithTrendFlagsAndLastSync() {
        Physio physio = Clinic.newPhysio();
        String improving = Clinic.newPatientOf(physio, "UTC", "B improving");
        String struggling = Clinic.newPatientOf(physio, "UTC", "C struggling");
        String noProgram = Clinic.newPatientOf(physio, "UTC", "A no program");
        String overCap = Clinic.newPatientOf(physio, "UTC", "D over cap");
        String someoneElses = Clinic.newPatientOf(Clinic.newPhysio(), "UTC");
        for (String p : new String[] {improving, struggling}) {
            programSince(p, lastWeek.minusWeeks(1), STEPS);
        }
        programSince(overCap, lastWeek.minusWeeks(1), IMPACTS);
        week(improving, lastWeek.minusWeeks(1), 4000, Map.of());
        week(improving, lastWeek, 8000, Map.of());
        week(struggling, lastWeek.minusWeeks(1), 8000, Map.of());
        week(struggling, lastWeek, 3000, Map.of());
        week(overCap, lastWeek, 0, Map.of("4.2", 90, "6.0", 80));
        String device = Registry.newDevice(improving, 16);
        jdbc.update(
                "insert into device_stream (device_id, stream, last_receipt_at) values (?, 'accel', ?)",
                device,
                Instant.parse("2030-01-02T03:04:05Z"));

        as(physio.token())
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .statusCode(200)
                .body("total", is(4))
                // Lowest first, ties (improving and overCap both at 1.0) in either order, no adherence last.
                .body("items[0].patientId", is(struggling))
                .body("items[1..2].patientId", containsInAnyOrder(improving, overCap))
                .body("items[3].patientId", is(noProgram))
                .body("items.patientId", not(hasItem(someoneElses)))
                .body("items[0].lastWeekStart", is(lastWeek.toString()))
                .body("items[0].lastWeekAdherence", is(0.0f))
                .body("items[0].previousWeekAdherence", is(1.0f))
                .body("items[0].trend", is(-1.0f))
                .body("items.find { it.patientId == '" + improving + "' }.trend", is(1.0f))
                .body("items.find { it.patientId == '" + improving + "' }.lastSyncAt", is("2030-01-02T03:04:05Z"))
                .body("items.find { it.patientId == '" + overCap + "' }.flags", contains("cap_exceeded"))
                .body("items[3].flags", contains("no_program"))
                .body("items[3].lastWeekAdherence", nullValue());
        as(physio.token())
                .queryParam("sort", "-adherence")
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .body("items.patientId", hasItems(improving, overCap))
                .body("items[2].patientId", is(struggling))
                .body("items[3].patientId", is(noProgram));
        as(physio.token())
                .queryParam("sort", "name")
                .queryParam("page", 1)
                .queryParam("size", 3)
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .body("total", is(4))
                .body("items.displayName", contains("D over cap"));
        as(physio.token())
                .queryParam("sort", "mood")
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .statusCode(400)
                .body("errors.field", contains("sort"));
    }

    static final String STEPS_AND_IMPACTS = "[{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":7},"
            + "{\"kind\":\"impacts\",\"minG\":4.2,\"count\":10,\"per\":\"day\"}]";

    void alert(String patient, String rule, String status) {
        jdbc.update(
                "insert into alert (id, patient_id, rule, episode, status, raised_at, message, details, "
                        + "acknowledged_by, acknowledged_at) values (?, ?, ?, ?, ?, now(), 'test', '{}'::jsonb, ?, ?)",
                UUID.randomUUID(),
                UUID.fromString(patient),
                rule,
                rule + "-" + UUID.randomUUID(),
                status,
                status.equals("acknowledged") ? "test" : null,
                status.equals("acknowledged") ? Instant.now(TestClock.CLOCK) : null);
    }

    @Test
    void eachEntryHasThisWeeksComponentsTheWorstOpenAlertAndTheDaysWithData() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC", "E components");
        String quiet = Clinic.newPatientOf(physio, "UTC", "F quiet");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(ZoneOffset.UTC));
        programSince(patient, lastWeek.minusWeeks(1), STEPS_AND_IMPACTS);
        DayRows rows = new DayRows(jdbc, patient);
        // In the window (the 30 days before today): 3 days of 14 hours, 1 of 9 (below the 10-hour
        // threshold); outside it: today and the 31st day back.
        for (int back : new int[] {1, 2, 3}) {
            rows.insert(new Day(today.minusDays(back).toString(), 14, 7000, 30.0, 40.0, Map.of("4.2", 20)));
        }
        rows.insert(new Day(today.minusDays(4).toString(), 9, 7000, 30.0, 40.0, Map.of()));
        rows.insert(new Day(today.toString(), 14, 7000, 30.0, 40.0, Map.of()));
        rows.insert(new Day(today.minusDays(31).toString(), 14, 7000, 30.0, 40.0, Map.of()));
        alert(patient, "non_adherence", "open");
        alert(patient, "safety_cap", "open");
        alert(patient, "no_sync", "acknowledged");
        long auditsBefore = jdbc.count(
                "select count(*) from audit_event where action = 'patient.read' and "
                        + "actor_subject = ? and patient_id in (?, ?)",
                physio.subject(),
                UUID.fromString(patient),
                UUID.fromString(quiet));

        var roster = as(physio.token())
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String self = "items.find { it.patientId == '" + patient + "' }.";
        org.assertj.core.api.Assertions.assertThat(roster.getInt(self + "openAlerts"))
                .isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(roster.getString(self + "worstOpenAlert"))
                .isEqualTo("safety_cap");
        org.assertj.core.api.Assertions.assertThat(roster.getInt(self + "daysWithDataLast30"))
                .isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(roster.getList(self + "currentWeekComponents.kind", String.class))
                .containsExactlyInAnyOrder("steps", "impacts");
        String other = "items.find { it.patientId == '" + quiet + "' }.";
        org.assertj.core.api.Assertions.assertThat(roster.getString(other + "worstOpenAlert"))
                .isNull();
        org.assertj.core.api.Assertions.assertThat(roster.getInt(other + "daysWithDataLast30"))
                .isZero();
        org.assertj.core.api.Assertions.assertThat(roster.getList(other + "currentWeekComponents"))
                .isEmpty();
        // Still one audit row per patient shown, written in one batch.
        org.assertj.core.api.Assertions.assertThat(jdbc.count(
                                "select count(*) from audit_event where action = 'patient.read' and "
                                        + "actor_subject = ? and patient_id in (?, ?)",
                                physio.subject(),
                                UUID.fromString(patient),
                                UUID.fromString(quiet))
                        - auditsBefore)
                .isEqualTo(2);
    }

    @Test
    void aPhysiotherapistNobodyRegisteredIsRefused() {
        as(Tokens.physio("nobody-" + UUID.randomUUID()))
                .get("/api/v1/physiotherapists/me/patients")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void endingAnAssignmentTakesThePatientOffTheRosterAndOutOfReach() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        asAdmin()
                .delete("/api/v1/physiotherapists/" + physio.id() + "/patients/" + patient)
                .then()
                .statusCode(204);
        as(physio.token()).get("/api/v1/physiotherapists/me/patients").then().body("total", is(0));
        as(physio.token()).get("/api/v1/patients/" + patient).then().statusCode(404);
        asAdmin()
                .put("/api/v1/physiotherapists/" + physio.id() + "/patients/" + patient)
                .then()
                .statusCode(204);
        as(physio.token()).get("/api/v1/patients/" + patient).then().statusCode(200);
        asAdmin()
                .delete("/api/v1/physiotherapists/" + physio.id() + "/patients/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
