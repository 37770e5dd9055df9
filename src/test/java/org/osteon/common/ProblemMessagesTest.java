package org.osteon.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;

/**
 * A body the API cannot read is answered with what to send instead: the media type it accepts,
 * where the JSON broke, or the field and the type or values it takes. Quoted input is escaped and
 * at most 64 characters long.
 */
@QuarkusTest
class ProblemMessagesTest {
    static final String PATIENT = "{\"displayName\":\"OST-0042\",\"timeZone\":\"Europe/Vienna\"}";

    @Test
    void aBodyThatIsNotJsonIs415SayingThatJsonIsAccepted() {
        asAdmin()
                .contentType(ContentType.TEXT)
                .body(PATIENT)
                .post("/api/v1/patients")
                .then()
                .statusCode(415)
                .contentType(ApiProblem.MEDIA_TYPE)
                .header("Accept", "application/json")
                .body("status", is(415))
                .body("title", is("Unsupported Media Type"))
                .body("instance", is("/api/v1/patients"))
                .body(
                        "detail",
                        allOf(
                                startsWith("Content-Type 'text/plain"),
                                containsString("is not accepted; send the body as application/json")));
        // What curl -d sends without -H 'Content-Type: application/json'.
        as(Clinic.newPhysio().token())
                .contentType(ContentType.URLENC)
                .formParam("displayName", "OST-0042")
                .post("/api/v1/patients")
                .then()
                .statusCode(415)
                .body(
                        "detail",
                        allOf(
                                startsWith("Content-Type 'application/x-www-form-urlencoded"),
                                containsString("send the body as application/json")));
    }

    @Test
    void aLongContentTypeIsQuotedShort() {
        String detail = asAdmin()
                .contentType("text/plain; x=" + "y".repeat(300))
                .body("x")
                .post("/api/v1/patients")
                .then()
                .statusCode(415)
                .extract()
                .path("detail");
        assertThat(detail)
                .startsWith("Content-Type 'text/plain; x=yyy")
                .doesNotContain("y".repeat(65))
                .contains("characters)' is not accepted");
    }

    /**
     * The 415 answer names application/json for every endpoint: it holds while every body is JSON
     * only, but for a recording's upload, which takes a file of any type and so never answers 415.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyRequestBodyButARecordingsUploadIsJsonOnly() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        int bodies = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                Map<String, Object> body = (Map<String, Object>) op.getValue().get("requestBody");
                if (body == null) {
                    continue;
                }
                bodies++;
                // A baseline recording's upload is the file itself (.gt3x or CSV), of whatever type the
                // client names it; every other body is JSON.
                boolean upload = path.getKey().equals("/api/v1/patients/{patientId}/recordings")
                        && op.getKey().equals("post");
                assertThat(((Map<String, Object>) body.get("content")).keySet())
                        .as(op.getKey() + " " + path.getKey())
                        .containsExactly(upload ? "*/*" : "application/json");
            }
        }
        assertThat(bodies).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSyntaxErrorIsPlacedByLineAndColumn() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"OST-0042\",\n\"timeZone\": Europe/Vienna}")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .contentType(ApiProblem.MEDIA_TYPE)
                .body(
                        "detail",
                        allOf(
                                startsWith("request body is not valid JSON at line 2, column 13: "),
                                containsString("unrecognized token 'Europe'"),
                                not(containsString("com.fasterxml"))))
                .body("errors", nullValue());
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"OST-0042\",}")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        allOf(
                                startsWith("request body is not valid JSON at line 1, column 27: "),
                                containsString("unexpected character ('}')")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"displayName\":")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        allOf(
                                startsWith("request body is not valid JSON at line 1, column 16: "),
                                containsString("end-of-input")));
        // Jackson's own switches are not the client's business.
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"bodyMassKg\":NaN}")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        allOf(
                                startsWith("request body is not valid JSON at line 1, column "),
                                containsString("'NaN'"),
                                not(containsString("`")),
                                not(containsString("Feature"))));
    }

    @Test
    void aSyntaxErrorInsideAValueNamesItsField() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Europe/Vienna\",\"displayName\":\"OST\u00070042\"}")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body("errors.field", contains("displayName"))
                .body("detail", startsWith("displayName: is not valid JSON at line 1, column "));
    }

    @Test
    void aLongBadTokenIsQuotedShort() {
        String detail = asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"displayName\":" + "x".repeat(500) + "}")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .extract()
                .path("detail");
        assertThat(detail)
                .startsWith("request body is not valid JSON at line 1, column 16: ")
                .contains("'" + "x".repeat(64))
                .doesNotContain("x".repeat(65));
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatItTakes() {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        String program = "/api/v1/patients/" + patient + "/program";

        fails(
                asAdmin(),
                "/api/v1/patients",
                "POST",
                "{\"displayName\":\"OST-0042\",\"timeZone\":\"Europe/Vienna\",\"bodyMassKg\":\"heavy\"}",
                "bodyMassKg",
                "must be a number; was 'heavy'");
        fails(
                asAdmin(),
                "/api/v1/patients",
                "POST",
                "{\"displayName\":\"OST-0042\",\"timeZone\":\"Europe/Vienna\",\"bodyMassKg\":true}",
                "bodyMassKg",
                "must be a number");
        fails(
                asAdmin(),
                "/api/v1/patients",
                "POST",
                "{\"displayName\":{\"first\":\"A\"},\"timeZone\":\"Europe/Vienna\"}",
                "displayName",
                "must be a string");
        fails(
                as(physio.token()),
                program,
                "PUT",
                "{\"reason\":\"r\",\"components\":[{\"kind\":\"impacts\",\"minG\":4.2,\"count\":\"twenty\",\"per\":\"day\"}]}",
                "components[0].count",
                "must be a whole number; was 'twenty'");
        fails(
                as(physio.token()),
                program,
                "PUT",
                "{\"reason\":\"r\",\"components\":[{\"kind\":\"steps\",\"stepsPerDay\":99999999999,\"daysPerWeek\":5}]}",
                "components[0].stepsPerDay",
                "must be a whole number from -2147483648 to 2147483647");
        fails(
                as(physio.token()),
                program,
                "PUT",
                "{\"reason\":\"r\",\"components\":\"steps\"}",
                "components",
                "must be an array");
        fails(
                as(physio.token()),
                program,
                "PUT",
                "{\"reason\":\"r\",\"templateId\":\"who-2020\",\"effectiveFrom\":\"next week\"}",
                "effectiveFrom",
                "must be a date as YYYY-MM-DD; was 'next week'");
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        Physio physio = Clinic.newPhysio();
        String program = "/api/v1/patients/" + Clinic.newPatientOf(physio, "Europe/Vienna") + "/program";
        fails(
                as(physio.token()),
                program,
                "PUT",
                "{\"reason\":\"r\",\"components\":[{\"kind\":\"impacts\",\"minG\":4.2,\"count\":20,\"per\":\"week\"}]}",
                "components[0].per",
                "must be one of day, session; was 'week'");
        fails(
                as(physio.token()),
                program,
                "PUT",
                "{\"reason\":\"r\",\"components\":[{\"kind\":\"resistance\",\"sessionsPerWeek\":2,\"days\":[\"MONDAY\",\"FUNDAY\"]}]}",
                "components[0].days[1]",
                "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY; was 'FUNDAY'");
        // What was sent is quoted escaped and cut to 64 characters.
        fails(
                as(physio.token()),
                program,
                "PUT",
                "{\"reason\":\"r\",\"components\":[{\"kind\":\"impacts\",\"minG\":4.2,\"count\":20,\"per\":\"da\\u0001y"
                        + "w".repeat(200) + "\"}]}",
                "components[0].per",
                "must be one of day, session; was 'da\\u0001y" + "w".repeat(55) + "… (204 characters)'");
    }

    @Test
    void aBodyOfTheWrongShapeSaysAnObjectIsNeeded() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("[" + PATIENT + "]")
                .post("/api/v1/patients")
                .then()
                .statusCode(400)
                .body("detail", is("request body must be an object"))
                .body("errors", nullValue());
    }

    private static void fails(
            RequestSpecification as, String path, String method, String body, String field, String message) {
        as.contentType(ContentType.JSON)
                .body(body)
                .request(method, path)
                .then()
                .statusCode(400)
                .contentType(ApiProblem.MEDIA_TYPE)
                .body("detail", is(field + ": " + message))
                .body("errors.field", contains(field))
                .body("errors.message", contains(message));
    }
}
