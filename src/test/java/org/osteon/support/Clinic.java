package org.osteon.support;

import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Sets up physiotherapists and their patients over the REST API, as an admin and a physiotherapist would. */
public final class Clinic {
    private Clinic() {}

    /** A registered physiotherapist: the id admins use and the subject of their tokens. */
    public record Physio(String id, String subject) {
        public String token() {
            return Tokens.physio(subject);
        }
    }

    public static Physio newPhysio() {
        String subject = "physio-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "displayName", "PT " + subject))
                .post("/api/v1/physiotherapists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Physio(id, subject);
    }

    /** A patient registered by {@code physio}, and so assigned to them. */
    public static String newPatientOf(Physio physio, String timeZone) {
        return newPatientOf(
                physio, timeZone, "P-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static String newPatientOf(Physio physio, String timeZone, String displayName) {
        return as(physio.token())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", displayName, "timeZone", timeZone))
                .post("/api/v1/patients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A one-time console sign-in path for {@code physio}, as the API hands it out. */
    public static String consoleSignInPath(Physio physio) {
        return as(physio.token())
                .post("/api/v1/console/sign-in-links")
                .then()
                .statusCode(200)
                .extract()
                .path("path");
    }

    /** Prescribes {@code body} (a program change) as {@code physio}; returns the new version's Location. */
    public static String prescribe(Physio physio, String patientId, Object body) {
        return as(physio.token())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/patients/" + patientId + "/program")
                .then()
                .statusCode(204)
                .extract()
                .header("Location");
    }
}
