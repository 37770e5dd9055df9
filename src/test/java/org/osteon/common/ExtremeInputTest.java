package org.osteon.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;

/** Values at the ends of their types are refused by name, never answered with a 500. */
@QuarkusTest
class ExtremeInputTest {

    @Test
    void theLargestPageNumberIsRefusedNamingPage() {
        Physio physio = Clinic.newPhysio();
        for (String path : new String[] {"/api/v1/physiotherapists", "/api/v1/audit-events"}) {
            asAdmin()
                    .queryParam("page", Integer.MAX_VALUE)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", is("page"))
                    .body("detail", containsString("between 0 and 1000000"));
        }
        for (String path : new String[] {"/api/v1/alerts", "/api/v1/physiotherapists/me/patients"}) {
            as(physio.token())
                    .queryParam("page", Integer.MAX_VALUE)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", is("page"));
        }
    }

    @Test
    void anEffectiveDateFarAheadIsRefusedNamingIt() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        for (String date : new String[] {"+999999999-12-25", "2199-01-01"}) {
            as(physio.token())
                    .contentType(ContentType.JSON)
                    .body("{\"templateId\":\"who-2020\",\"reason\":\"plan\",\"effectiveFrom\":\"" + date + "\"}")
                    .put("/api/v1/patients/" + patient + "/program")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", is("effectiveFrom"))
                    .body("detail", containsString("at most 10 years after today"));
        }
    }
}
