package org.osteon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.engine.DayScored;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.Registry;
import org.osteon.support.Tokens;

/**
 * Alerts end to end against the database: days written into day_summary and batches into the
 * ingest ledger as the engine and ingest write them, evaluated at fixed instants (in 2030, since
 * programs cannot be backdated), then read and acknowledged over HTTP.
 */
@QuarkusTest
class AlertResourceTest {
    /** Steps every day and daily impacts with a safety cap: a day is met or missed by its numbers alone. */
    static final List<Map<String, Object>> PROGRAM = List.of(
            Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5),
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
                    Map.of("aboveG", 6.0, "maxPerDay", 60)));

    @Inject
    Jdbc jdbc;

    @Inject
    AlertService alerts;

    @Inject
    AlertTriggers triggers;

    record Setup(Physio physio, String patient, String device, DayRows rows) {}

    Setup patientWithProgramFrom(String effectiveFrom) {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna", "OST-" + physio.subject());
        String device = Registry.newDevice(patient, 16);
        Clinic.prescribe(
                physio, patient, Map.of("components", PROGRAM, "reason", "alerts", "effectiveFrom", effectiveFrom));
        return new Setup(physio, patient, device, new DayRows(jdbc, patient));
    }

    static Day met(String date) {
        return new Day(date, 14, 8000, 30.0, 45.0, Map.of("4.2", 25));
    }

    static Day missed(String date) {
        return new Day(date, 14, 1000, 30.0, 45.0, Map.of("4.2", 1));
    }

    /**
     * An accepted batch in the ingest ledger, received at {@code at}, and the day it holds data of,
     * as the engine would score it: the day of its receipt, unless that day was written already.
     */
    void batchReceived(Setup s, long seq, String at) {
        jdbc.update(
                "insert into ingest_batch (device_id, stream, seq, content_hash, samples, received_at) "
                        + "values (?, 'accel', ?, ?, 50, ?)",
                s.device(),
                seq,
                new byte[] {(byte) seq},
                Instant.parse(at));
        jdbc.update(
                "insert into day_summary (patient_id, local_date, wear_minutes, computed_at) values (?, ?, 60, now()) "
                        + "on conflict do nothing",
                UUID.fromString(s.patient()),
                LocalDate.ofInstant(Instant.parse(at), java.time.ZoneId.of("Europe/Vienna")));
    }

    List<AlertView> evaluate(Setup s, String now) {
        return alerts.evaluate(UUID.fromString(s.patient()), Instant.parse(now));
    }

    Response list(Physio physio, String path, String status) {
        return as(physio.token()).queryParam("status", status).get(path);
    }

    @Test
    void aStreakOfMissedDaysIsRaisedOnceListedToItsPhysioOnlyAndANewStreakRaisesAgain() {
        Setup s = patientWithProgramFrom("2030-05-06");
        s.rows().insert(met("2030-05-06"));
        s.rows().insert(met("2030-05-07"));
        s.rows().insert(missed("2030-05-08"));
        s.rows().insert(missed("2030-05-09"));
        s.rows().insert(missed("2030-05-10"));
        batchReceived(s, 1, "2030-05-11T06:00:00Z");

        List<AlertView> raised = evaluate(s, "2030-05-11T10:00:00Z");
        assertThat(raised).extracting(AlertView::rule).containsExactly("non_adherence");
        String id = raised.get(0).id().toString();

        list(s.physio(), "/api/v1/alerts", "open")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("items[0].id", is(id))
                .body("items[0].patientId", is(s.patient()))
                .body("items[0].patientDisplayName", is("OST-" + s.physio().subject()))
                .body("items[0].rule", is("non_adherence"))
                .body("items[0].status", is("open"))
                .body("items[0].raisedAt", is("2030-05-11T10:00:00Z"))
                .body("items[0].message", is("3 scheduled days in a row missed, 2030-05-08 to 2030-05-10; alert at 3."))
                .body("items[0].details.missedDays", contains("2030-05-08", "2030-05-09", "2030-05-10"))
                .body("items[0].details.parameters.days", is(3))
                .body("items[0].acknowledgedBy", nullValue());
        list(s.physio(), "/api/v1/patients/" + s.patient() + "/alerts", "all")
                .then()
                .statusCode(200)
                .body("items.id", contains(id));

        Physio other = Clinic.newPhysio();
        list(other, "/api/v1/alerts", "all").then().statusCode(200).body("total", is(0));
        as(other.token())
                .queryParam("patientId", s.patient())
                .get("/api/v1/alerts")
                .then()
                .statusCode(404);
        list(other, "/api/v1/patients/" + s.patient() + "/alerts", "all").then().statusCode(404);
        as(other.token()).post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(404);
        as(Tokens.patient(s.patient()))
                .get("/api/v1/patients/" + s.patient() + "/alerts")
                .then()
                .statusCode(403);

        as(s.physio().token())
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("status", is("acknowledged"))
                .body("acknowledgedBy", is(s.physio().subject()))
                .body("acknowledgedAt", notNullValue());
        String at = as(s.physio().token())
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", is("acknowledged"))
                .extract()
                .path("acknowledgedAt");
        assertThat(jdbc.count(
                        "select count(*) from audit_event where action = 'alert.acknowledged' and patient_id = ?",
                        UUID.fromString(s.patient())))
                .isEqualTo(1);
        assertThat(at).isNotNull();
        list(s.physio(), "/api/v1/alerts", "open").then().body("total", is(0));
        list(s.physio(), "/api/v1/alerts", "acknowledged").then().body("items.id", contains(id));

        // The streak goes on after the acknowledgement: the same episode, not raised again.
        assertThat(evaluate(s, "2030-05-11T10:00:00Z")).isEmpty();
        s.rows().insert(missed("2030-05-11"));
        batchReceived(s, 2, "2030-05-12T06:00:00Z");
        assertThat(evaluate(s, "2030-05-12T10:00:00Z")).isEmpty();

        // A met day ends it: the alert resolves.
        s.rows().insert(met("2030-05-12"));
        batchReceived(s, 3, "2030-05-13T06:00:00Z");
        assertThat(evaluate(s, "2030-05-13T10:00:00Z")).isEmpty();
        list(s.physio(), "/api/v1/alerts", "resolved")
                .then()
                .body("items.id", contains(id))
                .body("items[0].resolution", is("cleared"))
                .body("items[0].acknowledgedBy", is(s.physio().subject()));

        // A new streak is a new episode.
        s.rows().insert(missed("2030-05-13"));
        s.rows().insert(missed("2030-05-14"));
        s.rows().insert(missed("2030-05-15"));
        batchReceived(s, 4, "2030-05-16T06:00:00Z");
        List<AlertView> again = evaluate(s, "2030-05-16T10:00:00Z");
        assertThat(again).extracting(AlertView::rule).containsExactly("non_adherence");
        assertThat(again.get(0).details()).containsEntry("firstMissed", "2030-05-13");
        list(s.physio(), "/api/v1/alerts", "all").then().body("total", is(2));
    }

    @Test
    void daysWhoseDataHasNotArrivedAreNotCountedAsMissed() {
        Setup s = patientWithProgramFrom("2030-05-06");
        s.rows().insert(met("2030-05-06"));
        batchReceived(s, 1, "2030-05-07T06:00:00Z");
        // Four days without wear, but no sync after them: no_data that tells nothing yet.
        assertThat(evaluate(s, "2030-05-11T10:00:00Z"))
                .extracting(AlertView::rule)
                .containsExactly("no_sync");
        // A sync after them: now they are days without wear, which count as missed.
        batchReceived(s, 2, "2030-05-11T11:00:00Z");
        List<AlertView> raised = evaluate(s, "2030-05-11T12:00:00Z");
        assertThat(raised).extracting(AlertView::rule).containsExactly("non_adherence");
        assertThat(raised.get(0).details())
                .containsEntry("missedDays", List.of("2030-05-07", "2030-05-08", "2030-05-09", "2030-05-10"))
                .containsEntry("noDataDays", List.of("2030-05-07", "2030-05-08", "2030-05-09", "2030-05-10"));
        list(s.physio(), "/api/v1/patients/" + s.patient() + "/alerts", "resolved")
                .then()
                .body("items.rule", contains("no_sync"))
                .body("items[0].resolution", is("cleared"));
    }

    @Test
    void daysOfAReSyncStillBeingScoredAreNotJudgedYet() {
        Setup s = patientWithProgramFrom("2030-05-06");
        s.rows().insert(met("2030-05-06"));
        // A re-sync under way: its first hours arrived today, 2030-05-07 waits to be scored and the
        // days after it have not arrived. They are not a streak of days without data.
        batchReceived(s, 1, "2030-05-11T09:00:00Z");
        jdbc.update(
                "insert into day_dirty (patient_id, local_date, since, marked_at) values (?, ?, now(), now())",
                UUID.fromString(s.patient()),
                java.time.LocalDate.parse("2030-05-07"));
        assertThat(evaluate(s, "2030-05-11T10:00:00Z")).isEmpty();
        // Scored, with the rest arrived and missed: judged, each with its wear.
        jdbc.update("delete from day_dirty where patient_id = ?", UUID.fromString(s.patient()));
        for (String d : List.of("2030-05-07", "2030-05-08", "2030-05-09", "2030-05-10")) {
            s.rows().insert(missed(d));
        }
        List<AlertView> raised = evaluate(s, "2030-05-11T10:05:00Z");
        assertThat(raised).extracting(AlertView::rule).containsExactly("non_adherence");
        assertThat(raised.get(0).details()).containsEntry("noDataDays", List.of());
        assertThat(raised.get(0).message()).doesNotContain("without enough wear");
    }

    @Test
    void daysAfterTheNewestScoredDayOfAFirstUploadAreNotJudgedYet() {
        Setup s = patientWithProgramFrom("2030-05-06");
        s.rows().insert(met("2030-05-06"));
        s.rows().insert(missed("2030-05-07"));
        // An upload of earlier recordings under way: received today, scored through 05-07 so far.
        jdbc.update(
                "insert into ingest_batch (device_id, stream, seq, content_hash, samples, received_at) "
                        + "values (?, 'accel', 1, ?, 50, ?)",
                s.device(),
                new byte[] {1},
                Instant.parse("2030-05-11T09:00:00Z"));
        assertThat(evaluate(s, "2030-05-11T10:00:00Z")).isEmpty();
        // The rest arrived: judged, each day with its wear.
        for (String d : List.of("2030-05-08", "2030-05-09", "2030-05-10", "2030-05-11")) {
            s.rows().insert(missed(d));
        }
        List<AlertView> raised = evaluate(s, "2030-05-11T10:05:00Z");
        assertThat(raised).extracting(AlertView::rule).containsExactly("non_adherence");
        assertThat(raised.get(0).details())
                .containsEntry("missedDays", List.of("2030-05-07", "2030-05-08", "2030-05-09", "2030-05-10"))
                .containsEntry("noDataDays", List.of());
    }

    @Test
    void aSilentDeviceIsRaisedByTheSweepAndResolvesWhenItSyncsAgain() {
        Setup s = patientWithProgramFrom("2030-05-06");
        s.rows().insert(met("2030-05-06"));
        batchReceived(s, 1, "2030-05-06T20:00:00Z");
        assertThat(evaluate(s, "2030-05-08T19:59:00Z")).isEmpty();

        assertThat(triggers.sweep(Instant.parse("2030-05-08T21:00:00Z"))).isPositive();
        list(s.physio(), "/api/v1/alerts", "open")
                .then()
                .body("items.findAll { it.patientId == '" + s.patient() + "' }.rule", contains("no_sync"))
                .body(
                        "items.find { it.patientId == '" + s.patient() + "' }.message",
                        is(
                                "No data synced for 2.0 days: last accepted batch at 2030-05-06T20:00:00Z; alert after 2 days."))
                .body(
                        "items.find { it.patientId == '" + s.patient() + "' }.details.lastSyncAt",
                        is("2030-05-06T20:00:00Z"));
        // Evaluating again, by the sweep or after a scored day, raises nothing more.
        assertThat(evaluate(s, "2030-05-09T08:00:00Z")).isEmpty();

        batchReceived(s, 2, "2030-05-09T09:00:00Z");
        assertThat(evaluate(s, "2030-05-09T09:05:00Z")).isEmpty();
        list(s.physio(), "/api/v1/patients/" + s.patient() + "/alerts", "resolved")
                .then()
                .body("items.rule", contains("no_sync"))
                .body("items[0].resolution", is("cleared"));

        // Silent again: a new spell, a new alert.
        assertThat(evaluate(s, "2030-05-11T10:00:00Z"))
                .extracting(AlertView::rule)
                .contains("no_sync");
    }

    @Test
    void aLaterSafetyCapDaySupersedesTheOpenOneAndNoDayIsRaisedTwice() {
        Setup s = patientWithProgramFrom("2030-05-06");
        s.rows().insert(new Day("2030-05-06", 14, 8000, 30.0, 45.0, Map.of("4.2", 80, "6.0", 70)));
        s.rows().insert(met("2030-05-07"));
        batchReceived(s, 1, "2030-05-08T06:00:00Z");
        List<AlertView> first = evaluate(s, "2030-05-08T07:00:00Z");
        assertThat(first)
                .extracting(AlertView::message)
                .containsExactly("Safety cap exceeded on 2030-05-06: 70 impact peaks at or above 6.0 g, cap 60 a day.");

        s.rows().insert(new Day("2030-05-08", 14, 8000, 30.0, 45.0, Map.of("4.2", 90, "6.0", 61)));
        List<AlertView> second = evaluate(s, "2030-05-08T20:00:00Z");
        assertThat(second).extracting(a -> a.details().get("date")).containsExactly("2030-05-08");
        assertThat(evaluate(s, "2030-05-08T21:00:00Z")).isEmpty();

        list(s.physio(), "/api/v1/patients/" + s.patient() + "/alerts", "open")
                .then()
                .body("items.details.date", contains("2030-05-08"));
        list(s.physio(), "/api/v1/patients/" + s.patient() + "/alerts", "resolved")
                .then()
                .body("items.details.date", contains("2030-05-06"))
                .body("items[0].resolution", is("superseded"));
    }

    @Test
    void aDeclineOfBoutedMvpaAgainstTheOwnBaselineIsRaisedWithItsNumbersOnce() {
        Setup s = patientWithProgramFrom("2030-05-06");
        LocalDate start = LocalDate.parse("2030-05-06");
        for (int i = 0; i < 21; i++) {
            double mvpa = i < 14 ? 32.0 : 18.5;
            s.rows().insert(new Day(start.plusDays(i).toString(), 14, 8000, mvpa, 45.0, Map.of("4.2", 25)));
        }
        batchReceived(s, 1, "2030-05-27T06:00:00Z");
        List<AlertView> raised = evaluate(s, "2030-05-27T08:00:00Z");
        assertThat(raised)
                .extracting(AlertView::rule, AlertView::metric)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mood_decline", "mvpa_bouted_10"));
        AlertView a = raised.get(0);
        assertThat(a.message())
                .isEqualTo("Bouted MVPA (bouts of 10 min or more) fell from a mean of 32.0 to 18.5 "
                        + "min/day (−42 %): 2030-05-20 to 2030-05-26 (7 valid days) against 2030-05-06 to 2030-05-19 "
                        + "(14 valid days); alert below −30 %.");
        assertThat(a.details())
                .containsEntry("baselineMean", 32.0)
                .containsEntry("recentMean", 18.5)
                .containsEntry("change", -0.4219);

        // The decline goes on the next day: the same episode, not a new alert.
        s.rows().insert(new Day("2030-05-27", 14, 8000, 18.5, 45.0, Map.of("4.2", 25)));
        batchReceived(s, 2, "2030-05-28T06:00:00Z");
        assertThat(evaluate(s, "2030-05-28T08:00:00Z")).isEmpty();
        list(s.physio(), "/api/v1/patients/" + s.patient() + "/alerts", "all")
                .then()
                .body("total", is(1));
    }

    @Test
    void anotherPhysiosAlertAnswersExactlyLikeAnUnknownOne() {
        Setup s = patientWithProgramFrom("2030-05-06");
        batchReceived(s, 1, "2030-05-06T06:00:00Z");
        String id = evaluate(s, "2030-05-10T06:00:00Z").get(0).id().toString();
        String unknown = UUID.randomUUID().toString();
        Physio other = Clinic.newPhysio();
        Response theirs = as(other.token()).post("/api/v1/alerts/" + id + "/acknowledge");
        Response missing = as(other.token()).post("/api/v1/alerts/" + unknown + "/acknowledge");
        assertThat(theirs.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(theirs.asString().replace(id, "ID"))
                .isEqualTo(missing.asString().replace(unknown, "ID"));
        list(s.physio(), "/api/v1/alerts", "open")
                .then()
                .body("items.find { it.id == '" + id + "' }.status", is("open"));
    }

    @Test
    void aScoredDayIsEvaluatedSoonAfterTheEngineAnnouncesIt() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        Clinic.prescribe(physio, patient, Map.of("components", PROGRAM, "reason", "alerts"));
        // The program starts today in the patient's zone; the engine would have scored today so far.
        String today = as(physio.token())
                .get("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(200)
                .extract()
                .path("inForce.effectiveFrom");
        new DayRows(jdbc, patient).insert(new Day(today, 3, 500, 0.0, 45.0, Map.of("4.2", 90, "6.0", 75)));

        triggers.onDayScored(new DayScored(UUID.fromString(patient), LocalDate.parse(today)));

        // Evaluated off the scoring thread, soon after.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> list(physio, "/api/v1/patients/" + patient + "/alerts", "open")
                        .then()
                        .statusCode(200)
                        .body("items.rule", contains("safety_cap")));
        list(physio, "/api/v1/patients/" + patient + "/alerts", "open")
                .then()
                .statusCode(200)
                .body("items.rule", contains("safety_cap"))
                .body("items[0].details.date", is(today))
                .body("items[0].details.peaks", is(75));
    }

    @Test
    void anUnknownStatusIsABadRequestNamingIt() {
        Physio physio = Clinic.newPhysio();
        list(physio, "/api/v1/alerts", "closed")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("status"));
    }

    /** An open no-sync alert of a new patient, its id. */
    String openAlert(Setup s) {
        batchReceived(s, 1, "2030-05-06T06:00:00Z");
        List<AlertView> raised = evaluate(s, "2030-05-10T06:00:00Z");
        assertThat(raised).extracting(AlertView::rule).containsExactly("no_sync");
        return raised.get(0).id().toString();
    }

    @Test
    void aNoteWithTheAcknowledgementIsStoredAnsweredAndKeptOnARepeat() {
        Setup s = patientWithProgramFrom("2030-05-06");
        String id = openAlert(s);
        String note = "Called her: the watch was charging at her daughter's.\n\tWill check again on Friday.";

        as(s.physio().token())
                .contentType("application/json")
                .body(Map.of("note", note))
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", is("acknowledged"))
                .body("acknowledgementNote", is(note));
        assertThat(jdbc.one(
                        "select acknowledgement_note from alert where id = ?",
                        rs -> rs.getString(1),
                        UUID.fromString(id)))
                .contains(note);
        // A repeat answers the alert as it is: the first note stays.
        as(s.physio().token())
                .contentType("application/json")
                .body(Map.of("note", "another"))
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("acknowledgementNote", is(note));
        list(s.physio(), "/api/v1/patients/" + s.patient() + "/alerts", "acknowledged")
                .then()
                .body("items[0].acknowledgementNote", is(note));
        // It follows the alert into the patient's data export.
        as(s.physio().token())
                .get("/api/v1/patients/" + s.patient() + "/export/readable")
                .then()
                .statusCode(200)
                .body("alerts.find { it.id == '" + id + "' }.acknowledgementNote", is(note));
        // The note is clinical free text: the audit says one was given, never what it says.
        assertThat(jdbc.one(
                        "select detail::text from audit_event where action = 'alert.acknowledged' and patient_id = ?",
                        rs -> rs.getString(1),
                        UUID.fromString(s.patient())))
                .hasValueSatisfying(
                        d -> assertThat(d).contains("\"note\": true").doesNotContain("charging"));
    }

    @Test
    void withoutABodyAnAlertIsAcknowledgedWithoutANote() {
        Setup s = patientWithProgramFrom("2030-05-06");
        String id = openAlert(s);
        as(s.physio().token())
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", is("acknowledged"))
                .body("acknowledgementNote", nullValue());
    }

    @Test
    void aTooLongNoteOrOneWithANulIsRefusedNamingTheFieldAndAcknowledgesNothing() {
        Setup s = patientWithProgramFrom("2030-05-06");
        String id = openAlert(s);
        as(s.physio().token())
                .contentType("application/json")
                .body(Map.of("note", "é".repeat(AlertNote.MAX_CHARS + 1)))
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("note"))
                .body("errors[0].message", is("must be at most 1000 characters; this one has 1001"));
        as(s.physio().token())
                .contentType("application/json")
                .body("{\"note\":\"seen\\u0000\"}")
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("note"))
                .body("errors[0].message", containsString("U+0000"));
        // Exactly at the limit is accepted: the bound is the documented one, not one less.
        assertThat(alerts.find(UUID.fromString(id))).map(AlertView::status).contains("open");
        as(s.physio().token())
                .contentType("application/json")
                .body(Map.of("note", "é".repeat(AlertNote.MAX_CHARS)))
                .post("/api/v1/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("acknowledgementNote", hasLength(AlertNote.MAX_CHARS));
    }
}
