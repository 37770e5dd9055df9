package org.osteon.physio;

import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;

@QuarkusTest
class PhysiotherapistResourceTest {

    @Test
    void registeredPhysiotherapistIsReadableWithItsLocation() {
        String subject = "pt-" + UUID.randomUUID();
        String location = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "displayName", " A. Weber "))
                .post("/api/v1/physiotherapists")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        asAdmin()
                .get(location)
                .then()
                .statusCode(200)
                .body("subject", is(subject))
                .body("displayName", is("A. Weber"));
    }

    @Test
    void aSubjectIsRegisteredOnlyOnce() {
        Physio physio = Clinic.newPhysio();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("subject", physio.subject(), "displayName", "twin"))
                .post("/api/v1/physiotherapists")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", contains("subject"));
    }

    @Test
    void missingFieldsAreNamed() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/physiotherapists")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("displayName", "subject"));
    }

    @Test
    void listIsPaginated() {
        Clinic.newPhysio();
        Clinic.newPhysio();
        asAdmin()
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/physiotherapists")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("page", is(1))
                .body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void assigningAnUnknownPatientOrToAnUnknownPhysiotherapistIsNotFound() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(Clinic.newPhysio(), "UTC");
        asAdmin()
                .put("/api/v1/physiotherapists/" + physio.id() + "/patients/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        asAdmin()
                .put("/api/v1/physiotherapists/" + UUID.randomUUID() + "/patients/" + patient)
                .then()
                .statusCode(404);
        asAdmin().get("/api/v1/physiotherapists/" + UUID.randomUUID()).then().statusCode(404);
        // A second assignment of the same patient is not an error, and a patient may have several.
        asAdmin()
                .put("/api/v1/physiotherapists/" + physio.id() + "/patients/" + patient)
                .then()
                .statusCode(204);
        asAdmin()
                .put("/api/v1/physiotherapists/" + physio.id() + "/patients/" + patient)
                .then()
                .statusCode(204);
        as(physio.token()).get("/api/v1/patients/" + patient).then().statusCode(200);
    }

    @Test
    void anAdminAssignsByTheSubjectAsWellAsByTheIdAndIsToldWhichIdIsWrong() {
        Physio physio = Clinic.newPhysio();
        String patient = org.osteon.support.Registry.newPatient();
        asAdmin()
                .get("/api/v1/physiotherapists/" + physio.subject())
                .then()
                .statusCode(200)
                .body("id", is(physio.id()));
        asAdmin()
                .put("/api/v1/physiotherapists/" + physio.subject() + "/patients/" + patient)
                .then()
                .statusCode(204);
        as(physio.token()).get("/api/v1/patients/" + patient).then().statusCode(200);
        asAdmin()
                .put("/api/v1/physiotherapists/nobody-" + UUID.randomUUID() + "/patients/" + patient)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("no physiotherapist has the id or subject 'nobody-"));
        asAdmin()
                .put("/api/v1/physiotherapists/" + physio.subject() + "/patients/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("detail", containsString("patient '"));
        asAdmin()
                .delete("/api/v1/physiotherapists/" + physio.subject() + "/patients/" + patient)
                .then()
                .statusCode(204);
        as(physio.token()).get("/api/v1/patients/" + patient).then().statusCode(404);
    }
}
