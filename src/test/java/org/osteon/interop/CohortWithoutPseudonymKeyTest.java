package org.osteon.interop;

import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Tokens;

/**
 * A deployment that set no pseudonym key: the study role is refused, naming the key, rather than
 * given ids anyone could recompute; a physiotherapist's export, under ids, still works.
 */
@QuarkusTest
@TestProfile(CohortWithoutPseudonymKeyTest.NoKey.class)
class CohortWithoutPseudonymKeyTest {
    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("osteon.interop.cohort-pseudonym-key", "");
        }
    }

    @Test
    void theStudyRoleIsRefusedNamingTheKeyWhileNoneIsSet() {
        as(Tokens.token("study", "trial-data-manager"))
                .get("/api/v1/cohort/days?from=2026-11-01&to=2026-11-02")
                .then()
                .statusCode(409)
                .body("errors[0].field", Matchers.equalTo("osteon.interop.cohort-pseudonym-key"));
        Clinic.Physio physio = Clinic.newPhysio();
        Clinic.newPatientOf(physio, "Europe/Vienna");
        as(physio.token())
                .get("/api/v1/cohort/days?from=2026-11-01&to=2026-11-02")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("\"type\":\"end\""));
    }
}
