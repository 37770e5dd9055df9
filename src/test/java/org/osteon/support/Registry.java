package org.osteon.support;

import static org.osteon.support.Tokens.asAdmin;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Registers patients and devices over the REST API, as an admin would. */
public final class Registry {
    private Registry() {}

    public static String newPatient() {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName",
                        "P-" + UUID.randomUUID().toString().substring(0, 8),
                        "timeZone",
                        "Europe/Vienna",
                        "bodyMassKg",
                        64.5))
                .post("/api/v1/patients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String newDevice(String patientId, double rangeG) {
        String deviceId = "dev-" + UUID.randomUUID().toString().substring(0, 12);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId, "placement", "hip", "rangeG", rangeG, "model", "test-imu"))
                .post("/api/v1/patients/" + patientId + "/devices")
                .then()
                .statusCode(201);
        return deviceId;
    }
}
