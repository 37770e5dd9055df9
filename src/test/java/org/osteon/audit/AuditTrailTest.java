package org.osteon.audit;

import static org.hamcrest.Matchers.*;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.Tokens;

@QuarkusTest
class AuditTrailTest {

    @Test
    void programChangesAreRecordedWithWhoWhenAndWhy() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        Clinic.prescribe(physio, patient, Map.of("templateId", "who-2020", "reason", "first consultation"));
        asAdmin()
                .queryParam("patientId", patient)
                .queryParam("action", "program.changed")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("items[0].actorRole", is("physio"))
                .body("items[0].actorSubject", is(physio.subject()))
                .body("items[0].reason", is("first consultation"))
                .body("items[0].at", notNullValue())
                .body("items[0].detail.version", is(1))
                .body("items[0].detail.templateId", is("who-2020"));
    }

    @Test
    void physiotherapistsReadsAreRecordedButPatientsOwnReadsAreNot() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        as(physio.token())
                .queryParam("from", "2030-01-01")
                .queryParam("to", "2030-01-07")
                .get("/api/v1/patients/" + patient + "/days")
                .then()
                .statusCode(200);
        as(physio.token()).get("/api/v1/patients/" + patient).then().statusCode(200);
        as(Tokens.patient(patient))
                .queryParam("from", "2030-01-01")
                .queryParam("to", "2030-01-07")
                .get("/api/v1/patients/" + patient + "/adherence")
                .then()
                .statusCode(200);
        asAdmin()
                .queryParam("patientId", patient)
                .queryParam("action", "patient.read")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.actorSubject", everyItem(is(physio.subject())))
                .body("items.detail.resource", containsInAnyOrder("days", "patient"));
    }

    @Test
    void onlyAdminsListTheTrail() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "UTC");
        as(physio.token()).get("/api/v1/audit-events").then().statusCode(403);
        as(Tokens.patient(patient)).get("/api/v1/audit-events").then().statusCode(403);
        asAdmin()
                .queryParam("size", 500)
                .get("/api/v1/audit-events")
                .then()
                .statusCode(400)
                .body("errors.field", contains("size"));
        asAdmin()
                .queryParam("size", 1)
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("total", greaterThanOrEqualTo(1));
    }
}
