package org.osteon.common;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.Registry;
import org.osteon.support.Tokens;

/** A control character anywhere in a request is a 400 naming where it was, never a 500. */
@QuarkusTest
class RequestTextTest {

    @Test
    void aNulInABodyFieldIsNamed() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"OST\\u00000042\",\"timeZone\":\"Europe/Vienna\"}")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("displayName"))
                .body("detail", containsString("displayName: holds U+0000 at position 3"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"subject\":\"physio\\u0001x\",\"displayName\":\"A. Weber\"}")
                .post("/api/v1/physiotherapists")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("subject"))
                .body("detail", containsString("holds U+0001"));
    }

    @Test
    void aNestedFieldIsNamedByItsPathAndALineBreakInANoteIsFine() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        Tokens.as(Tokens.physio(physio.subject()))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"who-2020\",\"reason\":\"first\\u0000programme\"}")
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("reason"));
        Tokens.as(Tokens.physio(physio.subject()))
                .contentType(ContentType.JSON)
                .body("{\"templateId\":\"who-2020\",\"reason\":\"first programme\\nafter the assessment\"}")
                .put("/api/v1/patients/" + patient + "/program")
                .then()
                .statusCode(is(not(400)));
    }

    @Test
    void aNulInAPathOrQueryParameterIsNamed() {
        String device = Registry.newDevice(Registry.newPatient(), 8);
        asAdmin()
                .urlEncodingEnabled(false)
                .get("/api/v1/devices/" + device + "%00/sync-status")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("deviceId"));
        asAdmin()
                .urlEncodingEnabled(false)
                .get("/api/v1/patients/" + UUID.randomUUID() + "%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("patientId"))
                .body("instance", allOf(containsString("\\u0000"), not(containsString("\u0000"))));
        Physio physio = Clinic.newPhysio();
        Tokens.as(Tokens.physio(physio.subject()))
                .urlEncodingEnabled(false)
                .get("/api/v1/alerts?status=open%00")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("status"));
    }
}
