package org.osteon.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.support.Registry;
import org.osteon.support.Tokens;

@QuarkusTest
class RegistryResourceTest {

    @Test
    void createdPatientIsReturnedWithItsLocation() {
        String location = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "OST-0042", "timeZone", "America/New_York"))
                .post("/api/v1/patients")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("timeZone", is("America/New_York"))
                .body("bodyMassKg", nullValue())
                .extract()
                .header("Location");
        asAdmin().get(location).then().statusCode(200).body("displayName", is("OST-0042"));
    }

    @Test
    void aPatientTokenReadsItsOwnRecordAtMeAndNoOtherRoleMay() {
        String id = Registry.newPatient();
        Tokens.as(Tokens.patient(id))
                .get("/api/v1/patients/me")
                .then()
                .statusCode(200)
                .body("id", is(id));
        Tokens.as(Tokens.patient(UUID.randomUUID().toString()))
                .get("/api/v1/patients/me")
                .then()
                .statusCode(404)
                .body("detail", containsString("does not exist"));
        Tokens.as(Tokens.physio("physio-" + UUID.randomUUID()))
                .get("/api/v1/patients/me")
                .then()
                .statusCode(403);
        asAdmin().get("/api/v1/patients/me").then().statusCode(403);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Etc/GMT+5", "SystemV/EST5", "EST", "GMT"})
    void aFixedOffsetZoneIsRefusedForItDoesNotFollowDaylightSaving(String zone) {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "OST-2", "timeZone", zone))
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"))
                .body("detail", containsString("fixed offsets such as Etc/GMT+5 do not follow daylight saving"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UTC", "Asia/Dubai", "America/Bogota"})
    void utcAndRegionsWithoutDaylightSavingAreAccepted(String zone) {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "OST-3", "timeZone", zone))
                .post("/api/v1/patients")
                .then()
                .statusCode(201);
    }

    @Test
    void aTakenDeviceIdAnswersAPatientAlikeWhoeverItBelongsTo() {
        String me = Registry.newPatient();
        String mine = Registry.newDevice(me, 8);
        String someoneElses = Registry.newDevice(Registry.newPatient(), 8);
        var ownAnswer = Tokens.as(Tokens.patient(me))
                .contentType(ContentType.JSON)
                .body(new java.util.HashMap<>(
                        Map.of("deviceId", mine, "placement", "wrist", "rangeG", 8, "model", "m")))
                .post("/api/v1/patients/" + me + "/devices")
                .then()
                .statusCode(409)
                .extract()
                .jsonPath();
        var otherAnswer = Tokens.as(Tokens.patient(me))
                .contentType(ContentType.JSON)
                .body(new java.util.HashMap<>(
                        Map.of("deviceId", someoneElses, "placement", "wrist", "rangeG", 8, "model", "m")))
                .post("/api/v1/patients/" + me + "/devices")
                .then()
                .statusCode(409)
                .extract()
                .jsonPath();
        // Nothing in the answer tells whose the id is: only the id the caller sent differs.
        org.assertj.core.api.Assertions.assertThat(
                        otherAnswer.getString("detail").replace(someoneElses, "ID"))
                .isEqualTo(ownAnswer.getString("detail").replace(mine, "ID"))
                .doesNotContain(me);
    }

    @Test
    void anUnknownPlacementIsRefusedNamingTheAllowedOnes() {
        String patient = Registry.newPatient();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "deviceId",
                        "dev-" + UUID.randomUUID().toString().substring(0, 8),
                        "placement",
                        "head",
                        "rangeG",
                        8))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(400)
                .body("errors.field", contains("placement"))
                .body("detail", is("placement: must be one of wrist, hip, waist, lower_back, ankle, thigh, insole"));
    }

    @Test
    void unknownTimeZoneIsRefusedNamingTheField() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "OST-1", "timeZone", "Mars/Olympus"))
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("errors.field", hasItem("timeZone"))
                .body("detail", containsString("timeZone"));
    }

    @Test
    void missingDisplayNameAndImplausibleMassAreBothNamed() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Europe/Vienna", "bodyMassKg", 0.2))
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("displayName", "bodyMassKg"));
    }

    @Test
    void malformedBodyIsAProblemWithoutInternals() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"displayName\": ")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void wronglyTypedFieldIsNamed() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"timeZone\":\"Europe/Vienna\",\"bodyMassKg\":\"heavy\"}")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("bodyMassKg"));
    }

    @Test
    void registeredDeviceIsToldItsTopics() {
        String patient = Registry.newPatient();
        String deviceId = "wrist-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId, "placement", "lower_back", "rangeG", 16, "model", "IMU-9"))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/devices/" + deviceId))
                .body("placement", is("lower_back"))
                .body("topics.accel", is(org.osteon.support.DeviceClient.ROOT + "/" + deviceId + "/accel"))
                .body("topics.load", is(org.osteon.support.DeviceClient.ROOT + "/" + deviceId + "/load"))
                .body("topics.receipts", is(org.osteon.support.DeviceClient.ROOT + "/" + deviceId + "/receipts"));
    }

    @Test
    void deviceIdAlreadyRegisteredIsAConflict() {
        String patient = Registry.newPatient();
        String deviceId = Registry.newDevice(patient, 8);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId, "placement", "hip", "rangeG", 8))
                .post("/api/v1/patients/" + Registry.newPatient() + "/devices")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("deviceId"));
    }

    @Test
    void deviceIdThatCannotBeATopicLevelIsRefused() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", "a/+/b", "placement", "hip", "rangeG", 8))
                .post("/api/v1/patients/" + Registry.newPatient() + "/devices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("deviceId"));
    }

    @Test
    void unknownPlacementIsNamed() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", "dev-placement-x", "placement", "elbow", "rangeG", 8))
                .post("/api/v1/patients/" + Registry.newPatient() + "/devices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("placement"));
    }

    @Test
    void unknownIdsAreNotFound() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", "dev-orphan-1", "placement", "hip", "rangeG", 8))
                .post("/api/v1/patients/" + UUID.randomUUID() + "/devices")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/patients/" + UUID.randomUUID()).then().statusCode(404);
        asAdmin().get("/api/v1/devices/no-such-device/sync-status").then().statusCode(404);
    }

    @Test
    void newDeviceHasEmptySyncStatusForBothStreams() {
        String deviceId = Registry.newDevice(Registry.newPatient(), 8);
        asAdmin()
                .get("/api/v1/devices/" + deviceId + "/sync-status")
                .then()
                .statusCode(200)
                .body("streams.stream", contains("accel", "load"))
                .body("streams[0].batchesAccepted", is(0))
                .body("streams[0].lastSeq", nullValue())
                .body("streams[0].lastReceiptAt", nullValue());
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/patients"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("osteon_ingest_queue_messages"));
    }
}
