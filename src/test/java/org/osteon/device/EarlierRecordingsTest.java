package org.osteon.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * A clinician may accept a device's recordings from before its registration, explicitly, within
 * bounds and audited; nobody else, and never from after it.
 */
@QuarkusTest
class EarlierRecordingsTest {
    @Inject
    Jdbc jdbc;

    static Map<String, Object> device(String id, Object recordingsFrom) {
        Map<String, Object> body = new HashMap<>(Map.of("deviceId", id, "placement", "wrist", "rangeG", 8));
        body.put("recordingsFrom", recordingsFrom);
        return body;
    }

    static String newId() {
        return "early-" + UUID.randomUUID().toString().substring(0, 10);
    }

    @Test
    void aStatedEarlierStartLetsThoseRecordingsInAndIsAudited() throws Exception {
        String patient = Registry.newPatient();
        String id = newId();
        Instant from = TestClock.CLOCK.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(device(id, from.toString()))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201)
                .body("recordingsFrom", is(from.toString()));
        try (DeviceClient d = new DeviceClient("tcp://127.0.0.1:1883", id)) {
            float[][] axes = Batches.stillAxes(3, 50);
            // A day after the stated start, two days before the registration: accepted.
            d.publishAccel(Batches.accelJson(0, from.plus(Duration.ofDays(1)), 50, axes[0], axes[1], axes[2]));
            // A second before the stated start: refused, naming the stated start.
            d.publishAccel(Batches.accelJson(1, from.minusSeconds(1), 50, axes[0], axes[1], axes[2]));
            JsonNode ok = await().atMost(Duration.ofSeconds(20)).until(() -> d.receipt("accel", 0), r -> r != null);
            JsonNode refused =
                    await().atMost(Duration.ofSeconds(20)).until(() -> d.receipt("accel", 1), r -> r != null);
            assertThat(ok.path("status").asText()).isEqualTo("accepted");
            assertThat(refused.path("status").asText()).isEqualTo("rejected");
            assertThat(refused.path("reason").asText())
                    .contains("is before " + from + ", the earliest recording its registration accepted");
        }
        Long audited = jdbc.one(
                        "select count(*) from audit_event where action = 'device.earlier_recordings_accepted' "
                                + "and patient_id = ?::uuid and detail->>'deviceId' = ?",
                        rs -> rs.getLong(1),
                        patient,
                        id)
                .orElseThrow();
        assertThat(audited).isEqualTo(1L);
    }

    @Test
    void withoutAStatementSamplesStillStartAtTheRegistration() {
        String patient = Registry.newPatient();
        String id = newId();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(device(id, null))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201);
        asAdmin()
                .get("/api/v1/devices/" + id)
                .then()
                .statusCode(200)
                .body(
                        "recordingsFrom",
                        is(asAdmin()
                                .get("/api/v1/devices/" + id)
                                .path("registeredAt")
                                .toString()));
    }

    @Test
    void aPatientsAppCannotReachBackNorAnyoneBeyond28DaysOrAfterTheRegistration() {
        String patient = Registry.newPatient();
        Instant now = TestClock.CLOCK.instant();
        as(Tokens.patient(patient))
                .contentType(ContentType.JSON)
                .body(device(newId(), now.minus(Duration.ofDays(1)).toString()))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(400)
                .body("errors.field", contains("recordingsFrom"))
                .body("errors[0].message", containsString("only a physiotherapist or an admin"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(device(newId(), now.minus(Duration.ofDays(29)).toString()))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(400)
                .body("errors.field", contains("recordingsFrom"))
                .body("errors[0].message", containsString("at most 28 days before the registration"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(device(newId(), now.plus(Duration.ofHours(1)).toString()))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(400)
                .body("errors.field", contains("recordingsFrom"))
                .body("errors[0].message", containsString("must not be after the registration"));
        // Nothing was half-registered.
        asAdmin()
                .get("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(200)
                .body("size()", is(0));
    }
}
