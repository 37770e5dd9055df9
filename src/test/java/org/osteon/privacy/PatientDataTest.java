package org.osteon.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.OwnBrokerResource;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/** A patient's data can be exported whole and erased whole; other patients are untouched. */
@QuarkusTest
@QuarkusTestResource(value = OwnBrokerResource.class, restrictToAnnotatedClass = true)
class PatientDataTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    record Subject(String patientId, String name, String deviceId) {}

    @Test
    void exportHoldsEveryTableOfThePatientAndNothingOfOthers() throws Exception {
        Subject a = subjectWithData();
        Subject b = subjectWithData();

        byte[] body = Tokens.asAdmin()
                .get("/api/v1/patients/" + a.patientId() + "/export")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract()
                .asByteArray();
        JsonNode export = JSON.readTree(body);
        JsonNode tables = export.path("tables");

        assertThat(export.path("patientId").asText()).isEqualTo(a.patientId());
        assertThat(tables.path("patient")).hasSize(1);
        assertThat(tables.at("/patient/0/display_name").asText()).isEqualTo(a.name());
        assertThat(tables.path("device")).hasSize(1);
        assertThat(tables.path("accel_batch")).hasSize(1);
        assertThat(tables.at("/accel_batch/0/data").asText()).startsWith("\\x");
        assertThat(tables.path("load_event")).hasSize(2);
        assertThat(tables.path("ingest_batch")).hasSize(2);
        assertThat(tables.path("ingest_rejection")).hasSize(1);
        assertThat(tables.path("device_stream")).hasSize(2);
        assertThat(tables.path("alert")).hasSize(1);
        assertThat(tables.at("/alert/0/rule").asText()).isEqualTo("no_sync");
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(b.patientId(), b.deviceId(), b.name());
    }

    @Test
    void erasureLeavesNothingOfThePatientInAnyTable() throws Exception {
        Subject a = subjectWithData();
        Subject b = subjectWithData();
        Map<String, Long> traceOfB = traces(b);
        assertThat(traces(a).values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(9);

        Tokens.asAdmin().delete("/api/v1/patients/" + a.patientId()).then().statusCode(204);

        assertThat(traces(a))
                .as("columns still holding patient A's id, device id or name")
                .isEmpty();
        assertThat(traces(b)).isEqualTo(traceOfB);
        Tokens.asAdmin().get("/api/v1/patients/" + a.patientId()).then().statusCode(404);
        Tokens.asAdmin().get("/api/v1/devices/" + a.deviceId()).then().statusCode(404);
        Tokens.asAdmin()
                .get("/api/v1/patients/" + a.patientId() + "/export")
                .then()
                .statusCode(404);
        Tokens.asAdmin().delete("/api/v1/patients/" + a.patientId()).then().statusCode(404);
    }

    /** A patient with a device that has sent accelerometer data, loading events and a rejected batch. */
    private Subject subjectWithData() throws Exception {
        String name = "Erika Example " + UUID.randomUUID();
        String patientId = Tokens.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", name, "timeZone", "Europe/Vienna", "bodyMassKg", 61.0))
                .post("/api/v1/patients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String deviceId = "dev-" + UUID.randomUUID().toString().substring(0, 12);
        Tokens.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId, "placement", "wrist", "rangeG", 8))
                .post("/api/v1/patients/" + patientId + "/devices")
                .then()
                .statusCode(201);
        try (DeviceClient device = new DeviceClient(OwnBrokerResource.uri(), deviceId)) {
            Instant start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
            device.publishAccel(Batches.accelJson(0, start, 50, 100));
            device.publishLoad(Batches.loadJson(0, TestClock.CLOCK.instant().truncatedTo(ChronoUnit.MILLIS)));
            device.publishAccel("{\"seq\": 1, \"start\": \"not a time\"}".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> device.hasReceipt("accel", 0)
                            && device.hasReceipt("load", 0)
                            && device.hasReceipt("accel", 1));
        }
        // Its day scored, so that no table of this patient changes while the test looks at others.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from day_dirty where patient_id = ?::uuid", patientId) == 0
                        && count("select count(*) from day_summary where patient_id = ?::uuid", patientId) > 0);
        // An alert about the patient, as the rules raise it.
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into alert (id, "
                        + "patient_id, rule, episode, raised_at, message, details) values (?, ?, 'no_sync', 'erasure', now(), "
                        + "'No data synced for 2.0 days', '{\"daysSilent\": 2.0}'::jsonb)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, UUID.fromString(patientId));
            ps.executeUpdate();
        }
        return new Subject(patientId, name, deviceId);
    }

    private long count(String sql, String patientId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Every column of every table (partitions included) that could hold an identifier or a name,
     * with the number of rows in which one of the subject's appears.
     */
    private Map<String, Long> traces(Subject s) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps =
                            c.prepareStatement("select c.table_name, c.column_name from information_schema.columns c "
                                    + "join information_schema.tables t using (table_schema, table_name) "
                                    + "where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' "
                                    + "and c.data_type in ('text', 'character varying', 'uuid', 'json', 'jsonb', 'ARRAY') "
                                    + "order by 1, 2");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from \"" + col[0] + "\" where \""
                        + col[1] + "\"::text like any(array[?, ?, ?])")) {
                    ps.setString(1, "%" + s.patientId() + "%");
                    ps.setString(2, "%" + s.deviceId() + "%");
                    ps.setString(3, "%" + s.name() + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.put(col[0] + "." + col[1], rs.getLong(1));
                        }
                    }
                }
            }
        }
        return found;
    }
}
