package org.osteon.rtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
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
import org.osteon.support.Tokens;

/**
 * RTM evidence over HTTP against the database: scored days written as the engine writes them,
 * an episode started 40 days before the tests' today (so that its first period is complete and
 * its second runs), time logged and deleted, read as JSON and CSV by whoever may.
 */
@QuarkusTest
class RtmResourceTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    @Inject
    Jdbc jdbc;

    record Setup(Physio physio, String patient, LocalDate today, LocalDate start) {
        String path() {
            return "/api/v1/patients/" + patient + "/rtm";
        }
    }

    Setup enrolled() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(VIENNA));
        LocalDate start = today.minusDays(40);
        Setup s = new Setup(physio, patient, today, start);
        as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("start", start.toString()))
                .post(s.path() + "/episodes")
                .then()
                .statusCode(201)
                .header("Location", endsWith(s.path() + "?from=" + start))
                .body("start", is(start.toString()))
                .body("end", nullValue());
        return s;
    }

    static Day worn(LocalDate date, double hours) {
        return new Day(date.toString(), hours, 5000, 10.0, 60.0, Map.of());
    }

    /** Local time {@code hh:mm} on {@code date} in Vienna, as an instant. */
    static String at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(VIENNA).toInstant().toString();
    }

    static Map<String, Object> entry(String start, String end, String activity, Boolean interactive) {
        Map<String, Object> body = new HashMap<>();
        body.put("start", start);
        body.put("end", end);
        body.put("activity", activity);
        body.put("interactive", interactive);
        return body;
    }

    Response log(Physio physio, Setup s, Map<String, Object> body) {
        return as(physio.token()).contentType(ContentType.JSON).body(body).post(s.path() + "/time");
    }

    Response read(String token, Setup s) {
        return as(token)
                .queryParam("from", s.start().toString())
                .queryParam("to", s.today().toString())
                .get(s.path());
    }

    @Test
    void periodsCountDatesWithWearAndMonthsCountLoggedMinutesUntilAnEntryIsDeleted() {
        Setup s = enrolled();
        DayRows rows = new DayRows(jdbc, s.patient());
        // Period 1 (days 1-30): 16 days with wear, day 30 included; a day before the episode is not counted.
        rows.insert(worn(s.start().minusDays(1), 10));
        for (int i = 0; i < 15; i++) {
            rows.insert(worn(s.start().plusDays(i), 10));
        }
        rows.insert(worn(s.start().plusDays(29), 1));
        // Period 2 (day 31 on, running): 2 days with wear, and one scored day without any.
        rows.insert(worn(s.start().plusDays(30), 3));
        rows.insert(worn(s.start().plusDays(35), 3));
        rows.insert(worn(s.start().plusDays(33), 0));

        LocalDate day = s.today().minusDays(20);
        String live = log(
                        s.physio(),
                        s,
                        entry(at(day, "09:00"), at(day, "09:25"), "Called the patient, \"week 3\"", true))
                .then()
                .statusCode(201)
                .header("Location", containsString(s.path() + "/time/"))
                .body("seconds", is(1500))
                .body("interactive", is(true))
                .body("physiotherapistId", is(s.physio().id()))
                .extract()
                .path("id");
        log(s.physio(), s, entry(at(day, "10:00"), at(day, "10:20"), "  Reviewed impact data  ", false))
                .then()
                .statusCode(201)
                .body("activity", is("Reviewed impact data"));

        String month = YearMonth.from(day).toString();
        read(s.physio().token(), s)
                .then()
                .statusCode(200)
                .body("today", is(s.today().toString()))
                .body("episodes", hasSize(1))
                .body("episodes[0].setUp.code", is("98975"))
                .body("episodes[0].setUp.eligible", is(true))
                .body("episodes[0].setUp.firstPeriodDaysWithData", is(16))
                .body("episodes[0].periods.number", contains(1, 2))
                .body("episodes[0].periods[0].start", is(s.start().toString()))
                .body("episodes[0].periods[0].end", is(s.start().plusDays(29).toString()))
                .body("episodes[0].periods[0].status", is("complete"))
                .body("episodes[0].periods[0].daysWithData", is(16))
                .body(
                        "episodes[0].periods[0].datesWithData",
                        not(hasItem(s.start().minusDays(1).toString())))
                .body("episodes[0].periods[0].code", is("98977"))
                .body("episodes[0].periods[1].start", is(s.start().plusDays(30).toString()))
                .body("episodes[0].periods[1].status", is("running"))
                .body(
                        "episodes[0].periods[1].datesWithData",
                        contains(
                                s.start().plusDays(30).toString(),
                                s.start().plusDays(35).toString()))
                .body("episodes[0].periods[1].verdict", is("2_to_15_days"))
                .body("episodes[0].periods[1].code", is("98985"))
                .body("months.find { it.month == '" + month + "' }.minutes", is(45))
                .body("months.find { it.month == '" + month + "' }.liveInteraction", is(true))
                .body("months.find { it.month == '" + month + "' }.codes.code", contains("98980", "98981"))
                .body("months.find { it.month == '" + month + "' }.codes.units", contains(1, 1))
                .body("months.find { it.month == '" + month + "' }.entries", hasSize(2))
                .body("months.find { it.month == '" + YearMonth.from(s.today()) + "' }.status", is("running"))
                .body("parameters.source", is(RtmRules.SOURCE))
                .body("parameters.fullDeviceDays", is(16));

        String csv = as(s.physio().token())
                .accept("text/csv")
                .queryParam("from", s.start().toString())
                .queryParam("to", s.today().toString())
                .get(s.path())
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("rtm-" + s.start()))
                .extract()
                .asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(RtmCsv.HEADER);
        assertThat(lines)
                .contains("set_up," + s.start() + ",," + s.start() + ","
                        + s.start().plusDays(29) + ",,16,,,,98975,,,");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("period," + s.start() + ",1," + s.start() + ","
                                + s.start().plusDays(29) + ",complete,16,")
                        && l.endsWith(",98977,,,"));
        assertThat(lines)
                .contains("month,,," + YearMonth.from(day).atDay(1) + ","
                        + YearMonth.from(day).atEndOfMonth()
                        + "," + (YearMonth.from(day).equals(YearMonth.from(s.today())) ? "running" : "complete")
                        + ",,,45,true,98980x1 98981x1,,,");
        // A quote in the activity is doubled and the field quoted (RFC 4180).
        assertThat(lines)
                .anyMatch(l -> l.startsWith("time_entry,") && l.endsWith(",\"Called the patient, \"\"week 3\"\"\""));

        as(s.physio().token()).delete(s.path() + "/time/" + live).then().statusCode(204);
        as(s.physio().token()).delete(s.path() + "/time/" + live).then().statusCode(404);
        assertThat(jdbc.count(
                        "select count(*) from audit_event where action = 'rtm.time_entry_deleted' and patient_id = ? "
                                + "and detail ->> 'entryId' = ? and detail ->> 'activity' is null",
                        UUID.fromString(s.patient()),
                        live))
                .isEqualTo(1);
        read(s.physio().token(), s)
                .then()
                .statusCode(200)
                .body("months.find { it.month == '" + month + "' }.minutes", is(20))
                .body("months.find { it.month == '" + month + "' }.liveInteraction", is(false))
                .body("months.find { it.month == '" + month + "' }.verdict", is("no_live_interaction"))
                .body("months.find { it.month == '" + month + "' }.codes", empty());

        // Erasing the patient takes the episode and the entries with it.
        asAdmin().delete("/api/v1/patients/" + s.patient()).then().statusCode(204);
        assertThat(jdbc.count("select count(*) from rtm_time_entry where patient_id = ?", UUID.fromString(s.patient())))
                .isZero();
    }

    @Test
    void aBadEntryIsRefusedNamingItsFieldAndNothingIsStored() {
        Setup s = enrolled();
        LocalDate day = s.today().minusDays(5);
        Instant now = TestClock.CLOCK.instant();
        Map<String, List<Map<String, Object>>> bad = Map.of(
                "end",
                List.of(
                        entry(at(day, "10:00"), at(day, "10:00"), "x", true),
                        entry(at(day, "09:00"), at(day, "08:00"), "x", true),
                        entry(at(day, "06:00"), at(day, "18:01"), "x", true),
                        entry(
                                now.minusSeconds(600).toString(),
                                now.plusSeconds(3600).toString(),
                                "x",
                                true),
                        entry(at(day, "06:00"), null, "x", true)),
                "start",
                List.of(
                        entry(at(s.start().minusDays(1), "10:00"), at(s.start().minusDays(1), "10:30"), "x", true),
                        entry(null, at(day, "10:00"), "x", true)),
                "activity",
                List.of(
                        entry(at(day, "10:00"), at(day, "10:20"), "beep\u0007", true),
                        entry(at(day, "10:00"), at(day, "10:20"), "two\nlines", true),
                        entry(at(day, "10:00"), at(day, "10:20"), "a".repeat(201), true),
                        entry(at(day, "10:00"), at(day, "10:20"), "  ", true)),
                "interactive",
                List.of(entry(at(day, "10:00"), at(day, "10:20"), "x", null)));
        bad.forEach((field, bodies) -> bodies.forEach(body -> log(s.physio(), s, body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is(field))));
        log(s.physio(), s, entry(at(day, "10:00"), at(day, "10:20"), "a".repeat(200), true))
                .then()
                .statusCode(201);
        assertThat(jdbc.count("select count(*) from rtm_time_entry where patient_id = ?", UUID.fromString(s.patient())))
                .isEqualTo(1);

        as(s.physio().token())
                .queryParam("from", "2026-13-01")
                .get(s.path())
                .then()
                .statusCode(400)
                .body("errors[0].field", is("from"));
        as(s.physio().token())
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01")
                .get(s.path())
                .then()
                .statusCode(400)
                .body("errors[0].field", is("to"));
        as(s.physio().token())
                .contentType(ContentType.JSON)
                .body(Map.of("start", s.today().minusDays(3).toString()))
                .post(s.path() + "/episodes")
                .then()
                .statusCode(409)
                .body("errors[0].field", is("start"));
        as(s.physio().token())
                .contentType(ContentType.JSON)
                .body(Map.of("start", s.today().plusDays(1).toString()))
                .post(s.path() + "/episodes")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("start"));
    }

    @Test
    void theAssignedPhysioWritesItsPatientAndAdminReadWhileAnotherPhysioFindsNothing() {
        Setup s = enrolled();
        LocalDate day = s.today().minusDays(5);
        Physio other = Clinic.newPhysio();
        read(other.token(), s).then().statusCode(404);
        log(other, s, entry(at(day, "10:00"), at(day, "10:20"), "x", true))
                .then()
                .statusCode(404);
        as(other.token())
                .contentType(ContentType.JSON)
                .body(Map.of("start", s.today().toString()))
                .post(s.path() + "/episodes")
                .then()
                .statusCode(404);

        read(Tokens.admin(), s).then().statusCode(200).body("episodes", hasSize(1));
        read(Tokens.patient(s.patient()), s).then().statusCode(200).body("episodes", hasSize(1));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(entry(at(day, "10:00"), at(day, "10:20"), "x", true))
                .post(s.path() + "/time")
                .then()
                .statusCode(403);
        as(Tokens.patient(s.patient()))
                .contentType(ContentType.JSON)
                .body(entry(at(day, "10:00"), at(day, "10:20"), "x", true))
                .post(s.path() + "/time")
                .then()
                .statusCode(403);
        // Without from and to: the current month, with the episode in it.
        as(s.physio().token())
                .get(s.path())
                .then()
                .statusCode(200)
                .body("from", is(YearMonth.from(s.today()).atDay(1).toString()))
                .body("to", is(YearMonth.from(s.today()).atEndOfMonth().toString()))
                .body("months.month", contains(YearMonth.from(s.today()).toString()));
    }

    private Response end(Physio physio, Setup s, String episodeId, Object end) {
        Map<String, Object> body = new HashMap<>();
        body.put("end", end);
        return as(physio.token())
                .contentType(ContentType.JSON)
                .body(body)
                .post(s.path() + "/episodes/" + episodeId + "/end");
    }

    @Test
    void anEpisodeIsEndedOnceOnItsLastDayCuttingItsLastPeriodShortAndAudited() {
        Setup s = enrolled();
        String id = read(s.physio().token(), s).then().extract().path("episodes[0].id");
        LocalDate last = s.today().minusDays(5);
        // Time logged after the intended end would lie outside the episode: refused until it is deleted.
        String entryId = log(
                        s.physio(), s, entry(at(last.plusDays(1), "10:00"), at(last.plusDays(1), "10:20"), "x", true))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        end(s.physio(), s, id, last.toString()).then().statusCode(409).body("errors[0].field", is("end"));
        as(s.physio().token()).delete(s.path() + "/time/" + entryId).then().statusCode(204);

        // Bounds: required, not before the start, not after today; another physio's patient 404, admins 403.
        end(s.physio(), s, id, null).then().statusCode(400).body("errors[0].field", is("end"));
        end(s.physio(), s, id, s.start().minusDays(1).toString())
                .then()
                .statusCode(400)
                .body("errors[0].field", is("end"));
        end(s.physio(), s, id, s.today().plusDays(1).toString())
                .then()
                .statusCode(400)
                .body("errors[0].field", is("end"));
        end(s.physio(), s, java.util.UUID.randomUUID().toString(), last.toString())
                .then()
                .statusCode(404);
        end(Clinic.newPhysio(), s, id, last.toString()).then().statusCode(404);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("end", last.toString()))
                .post(s.path() + "/episodes/" + id + "/end")
                .then()
                .statusCode(403);

        long audits = jdbc.count(
                "select count(*) from audit_event where action = 'rtm.episode_ended' and patient_id = ?",
                java.util.UUID.fromString(s.patient()));
        end(s.physio(), s, id, last.toString())
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("end", is(last.toString()));
        assertThat(jdbc.count(
                        "select count(*) from audit_event where action = 'rtm.episode_ended' and patient_id = ? "
                                + "and detail->>'end' = ?",
                        java.util.UUID.fromString(s.patient()),
                        last.toString()))
                .isEqualTo(audits + 1);
        // The second period (days 31..) now ends on the last day, cut short.
        read(s.physio().token(), s)
                .then()
                .statusCode(200)
                .body("episodes[0].end", is(last.toString()))
                .body("episodes[0].periods[1].end", is(last.toString()))
                .body("episodes[0].periods[1].status", is("cut_short"));
        // Once ended, not again; and no time can be logged after its end.
        end(s.physio(), s, id, last.toString()).then().statusCode(409).body("errors[0].field", is("end"));
        log(s.physio(), s, entry(at(last.plusDays(1), "10:00"), at(last.plusDays(1), "10:20"), "x", true))
                .then()
                .statusCode(400);
    }
}
