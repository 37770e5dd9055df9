package org.osteon.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.support.Tokens.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.Tokens;

/**
 * The cohort export over the real database: a physiotherapist's own patients under their ids, in
 * patient and date order, with the progress lines and the closing counts, another
 * physiotherapist's patient left out and every patient's read audited; the study role's every
 * patient under a stable pseudonym that is the HMAC of the id; the range checked, naming the field;
 * patients and admins refused.
 */
@QuarkusTest
class CohortResourceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The test profile's key (application.properties, %test.osteon.interop.cohort-pseudonym-key). */
    static final String KEY = "test-only-pseudonym-key";

    @Inject
    Jdbc jdbc;

    @Test
    void aPhysiotherapistExportsTheirPatientsDaysInPatientAndDateOrderWithProgressAndAnEndLine() throws Exception {
        Physio physio = Clinic.newPhysio();
        List<String> mine = new ArrayList<>(List.of(
                Clinic.newPatientOf(physio, "Europe/Vienna"),
                Clinic.newPatientOf(physio, "America/New_York"),
                Clinic.newPatientOf(physio, "Europe/Vienna")));
        mine.sort(null); // the export's order: by patient id
        new DayRows(jdbc, mine.get(0)).insert(new Day("2026-11-02", 14, 8123, 31.5, 40.0, Map.of("4.2", 7)));
        new DayRows(jdbc, mine.get(0)).insert(new Day("2026-11-01", 12, 6000, 10.0, 35.0, Map.of()));
        // Outside the range: not exported.
        new DayRows(jdbc, mine.get(0)).insert(new Day("2026-10-31", 12, 1, 1.0, 1.0, Map.of()));
        new DayRows(jdbc, mine.get(2)).insert(new Day("2026-11-03", 9, 4000, 5.0, 60.0, Map.of()));
        // mine.get(1) has no days in the range. Another physiotherapist's patient is not in scope.
        String theirs = Clinic.newPatientOf(Clinic.newPhysio(), "Europe/Vienna");
        new DayRows(jdbc, theirs).insert(new Day("2026-11-02", 14, 9999, 1.0, 1.0, Map.of()));

        String body = as(physio.token())
                .accept(CohortExport.MEDIA_TYPE)
                .get("/api/v1/cohort/days?from=2026-11-01&to=2026-11-03")
                .then()
                .statusCode(200)
                .contentType(CohortExport.MEDIA_TYPE)
                .extract()
                .asString();
        List<JsonNode> lines = lines(body);

        assertThat(lines)
                .extracting(l -> l.path("type").asText())
                .containsExactly("cohort", "patient", "day", "day", "patient", "day", "end");
        JsonNode head = lines.get(0);
        assertThat(head.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(head.path("to").asText()).isEqualTo("2026-11-03");
        assertThat(head.path("patients").asInt()).isEqualTo(3);
        assertThat(head.path("pseudonymous").asBoolean()).isFalse();
        // Progress: each patient's place among the three in scope; the one without days is skipped.
        assertThat(lines.get(1).path("patient").asText()).isEqualTo(mine.get(0));
        assertThat(lines.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(lines.get(1).path("of").asInt()).isEqualTo(3);
        assertThat(lines.get(4).path("patient").asText()).isEqualTo(mine.get(2));
        assertThat(lines.get(4).path("index").asInt()).isEqualTo(3);
        // Days as GET /days shows them, in date order, with the patient's id.
        JsonNode first = lines.get(2);
        assertThat(first.path("patient").asText()).isEqualTo(mine.get(0));
        assertThat(first.path("date").asText()).isEqualTo("2026-11-01");
        assertThat(first.path("steps").asInt()).isEqualTo(6000);
        JsonNode second = lines.get(3);
        assertThat(second.path("date").asText()).isEqualTo("2026-11-02");
        assertThat(second.path("wearHours").asDouble()).isEqualTo(14.0);
        assertThat(second.path("mvpaMinutes").asDouble()).isEqualTo(31.5);
        assertThat(second.path("impactsAtOrAbove").path("4.2").asInt()).isEqualTo(7);
        JsonNode days = JSON.readTree(as(physio.token())
                .get("/api/v1/patients/" + mine.get(0) + "/days?from=2026-11-02&to=2026-11-02")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode exported = second.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) exported).remove(List.of("type", "patient"));
        assertThat(exported).isEqualTo(days.get(0));
        assertThat(lines.get(5).path("date").asText()).isEqualTo("2026-11-03");
        assertThat(body).doesNotContain(theirs).doesNotContain("9999");
        JsonNode end = lines.get(6);
        assertThat(end.path("patientsWithDays").asInt()).isEqualTo(2);
        assertThat(end.path("days").asLong()).isEqualTo(3);
        // A physiotherapist's read of each patient in scope is audited, as for one patient's data.
        for (String p : mine) {
            assertThat(jdbc.count(
                            "select count(*) from audit_event where action = 'patient.read' and patient_id = ? "
                                    + "and detail->>'resource' = 'cohort'",
                            UUID.fromString(p)))
                    .isEqualTo(1);
        }
    }

    @Test
    void theStudyRoleExportsEveryPatientUnderAStablePseudonymThatIsTheHmacOfTheId() throws Exception {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        new DayRows(jdbc, patient).insert(new Day("2026-09-15", 14, 7777, 20.0, 40.0, Map.of()));
        long audits = jdbc.count("select count(*) from audit_event where action = 'cohort.exported'");
        String study = Tokens.token("study", "trial-data-manager");

        String body = as(study)
                .get("/api/v1/cohort/days?from=2026-09-15&to=2026-09-15")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<JsonNode> lines = lines(body);

        String pseudonym = hmac(patient);
        assertThat(pseudonym)
                .hasSize(32)
                .doesNotContain(patient.replace("-", "").substring(0, 8));
        assertThat(lines.get(0).path("pseudonymous").asBoolean()).isTrue();
        assertThat(lines.get(0).path("patients").asLong()).isEqualTo(jdbc.count("select count(*) from patient"));
        assertThat(body).doesNotContain(patient);
        JsonNode day = lines.stream()
                .filter(l -> l.path("type").asText().equals("day")
                        && l.path("patient").asText().equals(pseudonym))
                .findFirst()
                .orElseThrow();
        assertThat(day.path("steps").asInt()).isEqualTo(7777);
        assertThat(lines.get(lines.size() - 1).path("type").asText()).isEqualTo("end");
        // The same pseudonym in the next export, so a trial can join its exports.
        String again = as(study)
                .get("/api/v1/cohort/days?from=2026-09-15&to=2026-09-15")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(again).contains("\"patient\":\"" + pseudonym + "\"");
        // One audit row per export, naming no patient.
        assertThat(jdbc.count(
                        "select count(*) from audit_event where action = 'cohort.exported' and patient_id is null "
                                + "and actor_role = 'study' and detail->>'from' = '2026-09-15'"))
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.count("select count(*) from audit_event where action = 'cohort.exported'"))
                .isEqualTo(audits + 2);
        // The study role reads nothing else.
        as(study).get("/api/v1/patients/" + patient + "/days").then().statusCode(403);
    }

    @Test
    void theRangeIsCheckedNamingTheFieldAndOnlyPhysiotherapistsAndTheStudyRoleMayExport() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        as(physio.token())
                .get("/api/v1/cohort/days?from=2026-11-05&to=2026-11-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        as(physio.token())
                .get("/api/v1/cohort/days?from=2025-01-01&to=2026-11-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("366"));
        as(physio.token())
                .get("/api/v1/cohort/days?from=2026-13-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        as(Tokens.patient(patient)).get("/api/v1/cohort/days").then().statusCode(403);
        as(Tokens.admin()).get("/api/v1/cohort/days").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/cohort/days").then().statusCode(401);
    }

    private static List<JsonNode> lines(String body) throws Exception {
        assertThat(body).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The pseudonym as docs/interop.md defines it: HMAC-SHA256 of the id under the key, first 16 bytes in hex. */
    private static String hmac(String patientId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
