package org.osteon.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.osteon.support.Tokens.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.CsvRows;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/** A patient reads their own data, section by section, as JSON or as a zip of CSV files; nobody else's. */
@QuarkusTest
class ReadableExportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SECTIONS = List.of(
            "patientId", "exportedAt", "profile", "devices", "days", "weeklyAdherence", "programVersions", "alerts");

    @Inject
    Jdbc jdbc;

    record Subject(Physio physio, String patient, String name, String device) {}

    /** A patient with a device, two program versions, two scored days and an alert. */
    Subject subject() {
        Physio physio = Clinic.newPhysio();
        String name = "Erika, \"Rika\" " + UUID.randomUUID().toString().substring(0, 8);
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna", name);
        String device = Registry.newDevice(patient, 16);
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "osteopenia, after a wrist fracture",
                        "effectiveFrom",
                        "2030-03-04",
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 7000, "daysPerWeek", 5))));
        Clinic.prescribe(
                physio,
                patient,
                Map.of(
                        "reason",
                        "walking well\nraise steps",
                        "effectiveFrom",
                        "2030-03-13",
                        "components",
                        List.of(Map.of("kind", "steps", "stepsPerDay", 9000, "daysPerWeek", 5))));
        DayRows rows = new DayRows(jdbc, patient);
        rows.insert(new Day("2030-03-04", 14, 8000, 30.0, 45.0, Map.of("4.2", 25, "6.0", 2)));
        rows.insert(new Day("2030-03-14", 12, 9500, 20.0, 50.0, Map.of("4.2", 5)));
        jdbc.update(
                "insert into alert (id, patient_id, rule, episode, raised_at, message, details) values "
                        + "(?, ?, 'no_sync', 'export', ?, 'No data synced for 2.0 days', '{\"daysSilent\": 2.0}'::jsonb)",
                UUID.randomUUID(),
                UUID.fromString(patient),
                TestClock.CLOCK.instant());
        return new Subject(physio, patient, name, device);
    }

    @Test
    void aPatientGetsEverySectionOfTheirOwnDataAndNoRawSamples() throws Exception {
        Subject s = subject();
        Subject other = subject();
        String body = as(Tokens.patient(s.patient()))
                .get("/api/v1/patients/me/export")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header(
                        "Content-Disposition",
                        org.hamcrest.Matchers.matchesPattern("attachment; filename=\"osteon-" + s.patient()
                                + "-export-\\d{4}-\\d{2}-\\d{2}\\.json\""))
                .extract()
                .asString();
        JsonNode export = JSON.readTree(body);

        List<String> fields = new ArrayList<>();
        export.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(SECTIONS);
        assertThat(export.path("patientId").asText()).isEqualTo(s.patient());
        assertThat(export.at("/profile/displayName").asText()).isEqualTo(s.name());
        assertThat(export.at("/profile/timeZone").asText()).isEqualTo("Europe/Vienna");
        assertThat(export.path("devices")).hasSize(1);
        assertThat(export.at("/devices/0/deviceId").asText()).isEqualTo(s.device());
        assertThat(export.path("days").findValuesAsText("date")).containsExactly("2030-03-04", "2030-03-14");
        assertThat(export.at("/days/0/steps").asInt()).isEqualTo(8000);
        // Weeks from the first program version's Monday to the week of the last scored day.
        assertThat(export.path("weeklyAdherence").findValuesAsText("weekStart"))
                .containsExactly("2030-03-04", "2030-03-11");
        assertThat(export.at("/weeklyAdherence/1/components/0/kind").asText()).isEqualTo("steps");
        assertThat(export.path("programVersions")).hasSize(2);
        assertThat(export.at("/programVersions/0/version").asInt()).isEqualTo(1);
        assertThat(export.at("/programVersions/0/reason").asText()).isEqualTo("osteopenia, after a wrist fracture");
        assertThat(export.at("/programVersions/0/effectiveFrom").asText()).isEqualTo("2030-03-04");
        assertThat(export.at("/programVersions/1/effectiveFrom").asText()).isEqualTo("2030-03-13");
        assertThat(export.at("/programVersions/1/createdAt").asText()).isNotEmpty();
        assertThat(export.at("/programVersions/1/components/0/stepsPerDay").asInt())
                .isEqualTo(9000);
        assertThat(export.path("alerts")).hasSize(1);
        assertThat(export.at("/alerts/0/rule").asText()).isEqualTo("no_sync");
        assertThat(export.at("/alerts/0/message").asText()).isEqualTo("No data synced for 2.0 days");
        assertThat(body).doesNotContain("accel_batch", "\\\\x", "tables");
        assertThat(body).doesNotContain(other.patient(), other.name(), other.device());

        // The same document for the patient by id, for their physiotherapist and for an admin.
        for (String token : List.of(Tokens.patient(s.patient()), s.physio().token(), Tokens.admin())) {
            String byId = as(token)
                    .get("/api/v1/patients/" + s.patient() + "/export/readable")
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .extract()
                    .asString();
            assertThat(withoutExportTime(byId)).isEqualTo(withoutExportTime(body));
        }
    }

    @Test
    void aPhysiotherapistsExportIsAuditedAndThePatientsOwnIsNot() {
        Subject s = subject();
        as(Tokens.patient(s.patient())).get("/api/v1/patients/me/export").then().statusCode(200);
        as(Tokens.patient(s.patient()))
                .get("/api/v1/patients/" + s.patient() + "/export/readable")
                .then()
                .statusCode(200);
        Tokens.asAdmin()
                .queryParam("patientId", s.patient())
                .queryParam("action", "patient.read")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("total", is(0));
        as(s.physio().token())
                .queryParam("format", "csv")
                .get("/api/v1/patients/" + s.patient() + "/export/readable")
                .then()
                .statusCode(200);
        Tokens.asAdmin()
                .queryParam("patientId", s.patient())
                .queryParam("action", "patient.read")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.actorSubject", contains(s.physio().subject()))
                .body("items.detail.resource", contains("export"));
    }

    @Test
    void nobodyElseGetsAPatientsExport() {
        Subject s = subject();
        Subject other = subject();
        String path = "/api/v1/patients/" + s.patient() + "/export/readable";
        String unknown = "/api/v1/patients/" + UUID.randomUUID() + "/export/readable";
        for (String token :
                List.of(Tokens.patient(other.patient()), other.physio().token())) {
            for (String format : List.of("json", "csv")) {
                String foreign = as(token)
                        .queryParam("format", format)
                        .get(path)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .extract()
                        .asString();
                String missing = as(token)
                        .queryParam("format", format)
                        .get(unknown)
                        .then()
                        .statusCode(404)
                        .extract()
                        .asString();
                assertThat(foreign.replace(s.patient(), "ID")).isEqualTo(missing.replaceAll("[0-9a-f-]{36}", "ID"));
                assertThat(foreign).doesNotContain(s.name());
            }
        }
        // Another patient's own export is theirs alone.
        String theirs = as(Tokens.patient(other.patient()))
                .get("/api/v1/patients/me/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(theirs).contains(other.patient()).doesNotContain(s.patient(), s.name(), s.device());
        // /me is a patient's; a physiotherapist or an admin has none.
        as(s.physio().token()).get("/api/v1/patients/me/export").then().statusCode(403);
        Tokens.asAdmin().get("/api/v1/patients/me/export").then().statusCode(403);
        io.restassured.RestAssured.given()
                .get("/api/v1/patients/me/export")
                .then()
                .statusCode(401);
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
        // A token of a patient that does not exist (any more).
        as(Tokens.patient(UUID.randomUUID().toString()))
                .get("/api/v1/patients/me/export")
                .then()
                .statusCode(404);
        as(Tokens.patient(s.patient()))
                .queryParam("format", "xml")
                .get("/api/v1/patients/me/export")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("format"));
    }

    @Test
    void asCsvItIsAZipOfOneCsvFilePerSection() throws Exception {
        Subject s = subject();
        byte[] zip = as(Tokens.patient(s.patient()))
                .queryParam("format", "csv")
                .get("/api/v1/patients/me/export")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .header(
                        "Content-Disposition",
                        org.hamcrest.Matchers.matchesPattern("attachment; filename=\"osteon-" + s.patient()
                                + "-export-\\d{4}-\\d{2}-\\d{2}\\.zip\""))
                .extract()
                .asByteArray();
        Map<String, String> files = unzip(zip);
        assertThat(files.keySet())
                .containsExactly(
                        "README.txt",
                        "profile.csv",
                        "devices.csv",
                        "days.csv",
                        "weekly_adherence.csv",
                        "program_versions.csv",
                        "alerts.csv");
        assertThat(files.get("README.txt")).contains(s.patient(), "days.csv", "program_versions.csv");

        List<Map<String, String>> profile = CsvRows.records(files.get("profile.csv"));
        assertThat(CsvRows.parse(files.get("profile.csv")).get(0))
                .containsExactly("patient_id", "display_name", "time_zone", "body_mass_kg", "created_at");
        assertThat(profile).hasSize(1);
        // The name holds a comma and quotes: quoted, and read back whole.
        assertThat(profile.get(0).get("display_name")).isEqualTo(s.name());
        assertThat(files.get("profile.csv")).contains("\"Erika, \"\"Rika\"\" ");

        assertThat(CsvRows.parse(files.get("devices.csv")).get(0))
                .containsExactly("device_id", "placement", "range_g", "model", "registered_at", "revoked_at");
        assertThat(CsvRows.records(files.get("devices.csv")))
                .singleElement()
                .satisfies(d -> assertThat(
                                List.of(d.get("device_id"), d.get("placement"), d.get("range_g"), d.get("revoked_at")))
                        .containsExactly(s.device(), "hip", "16.0", ""));

        assertThat(CsvRows.parse(files.get("days.csv")).get(0))
                .startsWith("date", "wear_hours", "enmo_mg")
                .contains("impacts_at_or_above_4.2g", "impacts_at_or_above_6.0g")
                .endsWith("provenance");
        assertThat(CsvRows.records(files.get("days.csv")))
                .extracting(r -> r.get("date") + " " + r.get("steps"))
                .containsExactly("2030-03-04 8000", "2030-03-14 9500");

        assertThat(CsvRows.parse(files.get("weekly_adherence.csv")).get(0))
                .containsExactly(
                        "week_start",
                        "week_end",
                        "overall",
                        "overall_status",
                        "cap_exceeded_days",
                        "component",
                        "unit",
                        "target",
                        "achieved",
                        "ratio",
                        "raw_ratio",
                        "status",
                        "days_with_data");
        assertThat(CsvRows.records(files.get("weekly_adherence.csv")))
                .extracting(r -> r.get("week_start"))
                .containsExactly("2030-03-04", "2030-03-11");

        assertThat(CsvRows.parse(files.get("program_versions.csv")).get(0))
                .containsExactly(
                        "version",
                        "effective_from",
                        "created_at",
                        "author_role",
                        "author_subject",
                        "template_id",
                        "reason",
                        "components");
        List<Map<String, String>> versions = CsvRows.records(files.get("program_versions.csv"));
        assertThat(versions)
                .extracting(v -> v.get("version") + " " + v.get("effective_from") + " " + v.get("reason"))
                .containsExactly(
                        "1 2030-03-04 osteopenia, after a wrist fracture", "2 2030-03-13 walking well\nraise steps");
        assertThat(versions.get(0).get("author_subject")).isEqualTo(s.physio().subject());
        assertThat(JSON.readTree(versions.get(1).get("components"))
                        .at("/0/stepsPerDay")
                        .asInt())
                .isEqualTo(9000);

        assertThat(CsvRows.parse(files.get("alerts.csv")).get(0))
                .containsExactly(
                        "raised_at",
                        "rule",
                        "metric",
                        "status",
                        "message",
                        "acknowledged_by",
                        "acknowledged_at",
                        "acknowledgement_note",
                        "resolved_at",
                        "resolution",
                        "details");
        assertThat(CsvRows.records(files.get("alerts.csv"))).singleElement().satisfies(a -> {
            assertThat(a.get("rule")).isEqualTo("no_sync");
            assertThat(JSON.readTree(a.get("details")).path("daysSilent").asDouble())
                    .isEqualTo(2.0);
        });

        // The physiotherapist's download by id is the same zip, file for file.
        byte[] byId = as(s.physio().token())
                .queryParam("format", "csv")
                .get("/api/v1/patients/" + s.patient() + "/export/readable")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        Map<String, String> theirs = unzip(byId);
        theirs.remove("README.txt");
        files.remove("README.txt");
        assertThat(theirs).isEqualTo(files);
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static String withoutExportTime(String json) {
        return json.replaceAll("\"exportedAt\":\"[^\"]*\"", "");
    }
}
