package org.osteon.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * Every endpoint × every kind of caller, against one patient ("own" to the patient themself and
 * to their physiotherapist, "other" to another patient and another physiotherapist): the status
 * as designed, and never a byte of the patient's data in an answer to someone who may not see it
 * (OWASP API1, broken object-level authorisation).
 *
 * <p>Design: 401 without a valid token; 403 when the caller's role may never do this (a patient
 * changing a program, an admin reading clinical data, anyone but an admin on admin endpoints);
 * 404 when the role may, but not for this patient: exactly what an unknown id gets.
 */
@QuarkusTest
class AccessMatrixTest {

    enum Caller {
        NONE,
        PATIENT_SELF,
        PATIENT_OTHER,
        PHYSIO_ASSIGNED,
        PHYSIO_OTHER,
        ADMIN
    }

    /**
     * One endpoint, its request, and the status each caller gets. A server-sent-event stream
     * ({@code streamPath}) answers 200 with a body that never ends: those calls are made with a
     * client that checks the status and content type and closes the stream without reading it.
     */
    record Endpoint(String name, Function<RequestSpecification, Response> call, int[] expected, String streamPath) {
        Endpoint(String name, Function<RequestSpecification, Response> call, int[] expected) {
            this(name, call, expected, null);
        }

        static Endpoint stream(String name, String path, int[] expected) {
            return new Endpoint(name, r -> r.get(path), expected, path);
        }
    }

    @TestHTTPResource("/")
    URL base;

    static int[] statuses(int none, int self, int otherPatient, int physio, int otherPhysio, int admin) {
        return new int[] {none, self, otherPatient, physio, otherPhysio, admin};
    }

    String patient;
    String patientName;
    String physioId;
    String device;
    String alert;
    Map<Caller, String> tokens;

    @Inject
    Jdbc jdbc;

    void setUp() {
        Physio physio = Clinic.newPhysio();
        Physio otherPhysio = Clinic.newPhysio();
        patientName = "BOLA-" + UUID.randomUUID().toString().substring(0, 8);
        patient = Clinic.newPatientOf(physio, "Europe/Vienna", patientName);
        String otherPatient = Clinic.newPatientOf(otherPhysio, "Europe/Vienna");
        device = Registry.newDevice(patient, 16);
        physioId = physio.id();
        Clinic.prescribe(physio, patient, Map.of("templateId", "who-2020", "reason", "matrix"));
        alert = UUID.randomUUID().toString();
        jdbc.update(
                "insert into alert (id, patient_id, rule, episode, raised_at, message, details) values "
                        + "(?, ?, 'no_sync', 'matrix', ?, 'No data synced for 2.0 days', '{}'::jsonb)",
                UUID.fromString(alert),
                UUID.fromString(patient),
                TestClock.CLOCK.instant());
        tokens = new LinkedHashMap<>();
        tokens.put(Caller.NONE, null);
        tokens.put(Caller.PATIENT_SELF, Tokens.patient(patient));
        tokens.put(Caller.PATIENT_OTHER, Tokens.patient(otherPatient));
        tokens.put(Caller.PHYSIO_ASSIGNED, physio.token());
        tokens.put(Caller.PHYSIO_OTHER, otherPhysio.token());
        tokens.put(Caller.ADMIN, Tokens.admin());
    }

    List<Endpoint> endpoints() {
        String p = "/api/v1/patients/" + patient;
        Map<String, Object> range = Map.of("from", "2030-01-01", "to", "2030-01-07");
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint(
                "POST /patients",
                r -> r.contentType(ContentType.JSON)
                        .body(Map.of("displayName", "new", "timeZone", "UTC"))
                        .post("/api/v1/patients"),
                statuses(401, 403, 403, 201, 201, 201)));
        e.add(new Endpoint("GET /patients/{id}", r -> r.get(p), statuses(401, 200, 404, 200, 404, 200)));
        e.add(new Endpoint(
                "POST /patients/{id}/devices",
                r -> r.contentType(ContentType.JSON)
                        .body(Map.of(
                                "deviceId",
                                "m-" + UUID.randomUUID().toString().substring(0, 12),
                                "placement",
                                "hip",
                                "rangeG",
                                8))
                        .post(p + "/devices"),
                statuses(401, 201, 404, 201, 404, 201)));
        e.add(new Endpoint(
                "GET /patients/{id}/devices", r -> r.get(p + "/devices"), statuses(401, 200, 404, 200, 404, 200)));
        e.add(new Endpoint(
                "GET /devices/{id}", r -> r.get("/api/v1/devices/" + device), statuses(401, 200, 404, 200, 404, 200)));
        e.add(new Endpoint(
                "GET /devices/{id}/sync-status",
                r -> r.get("/api/v1/devices/" + device + "/sync-status"),
                statuses(401, 200, 404, 200, 404, 200)));
        e.add(new Endpoint(
                "GET /patients/{id}/program", r -> r.get(p + "/program"), statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "PUT /patients/{id}/program",
                r -> r.contentType(ContentType.JSON)
                        .body(Map.of("templateId", "who-2020", "reason", "matrix", "effectiveFrom", "2031-01-01"))
                        .put(p + "/program"),
                statuses(401, 403, 403, 204, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/program/versions",
                r -> r.get(p + "/program/versions"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/program/versions/1",
                r -> r.get(p + "/program/versions/1"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/days",
                r -> r.queryParams(range).get(p + "/days"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/adherence",
                r -> r.queryParams(range).get(p + "/adherence"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/adherence?by=week",
                r -> r.queryParams(range).queryParam("by", "week").get(p + "/adherence"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/days as CSV",
                r -> r.accept("text/csv").queryParams(range).get(p + "/days"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/adherence?by=week as CSV",
                r -> r.accept("text/csv")
                        .queryParams(range)
                        .queryParam("by", "week")
                        .get(p + "/adherence"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/questionnaires/due",
                r -> r.get(p + "/questionnaires/due"),
                statuses(401, 200, 404, 200, 404, 403)));
        e.add(Endpoint.stream("GET /patients/{id}/events", p + "/events", statuses(401, 200, 404, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /program-templates",
                r -> r.get("/api/v1/program-templates"),
                statuses(401, 200, 200, 200, 200, 200)));
        e.add(new Endpoint(
                "GET /physiotherapists/me/patients",
                r -> r.get("/api/v1/physiotherapists/me/patients"),
                statuses(401, 403, 403, 200, 200, 403)));
        e.add(new Endpoint(
                "POST /physiotherapists",
                r -> r.contentType(ContentType.JSON)
                        .body(Map.of("subject", "s-" + UUID.randomUUID(), "displayName", "x"))
                        .post("/api/v1/physiotherapists"),
                statuses(401, 403, 403, 403, 403, 201)));
        e.add(new Endpoint(
                "GET /physiotherapists",
                r -> r.get("/api/v1/physiotherapists"),
                statuses(401, 403, 403, 403, 403, 200)));
        e.add(new Endpoint(
                "GET /physiotherapists/{id}",
                r -> r.get("/api/v1/physiotherapists/" + physioId),
                statuses(401, 403, 403, 403, 403, 200)));
        e.add(new Endpoint(
                "PUT /physiotherapists/{id}/patients/{id}",
                r -> r.put("/api/v1/physiotherapists/" + physioId + "/patients/" + patient),
                statuses(401, 403, 403, 403, 403, 204)));
        e.add(new Endpoint(
                "DELETE /physiotherapists/{id}/patients/{id}",
                r -> r.delete("/api/v1/physiotherapists/" + UUID.randomUUID() + "/patients/" + patient),
                statuses(401, 403, 403, 403, 403, 404)));
        e.add(new Endpoint(
                "GET /patients/{id}/export", r -> r.get(p + "/export"), statuses(401, 403, 403, 403, 403, 200)));
        e.add(new Endpoint(
                "GET /patients/{id}/export/readable",
                r -> r.get(p + "/export/readable"),
                statuses(401, 200, 404, 200, 404, 200)));
        e.add(new Endpoint(
                "GET /patients/{id}/export/readable?format=csv",
                r -> r.queryParam("format", "csv").get(p + "/export/readable"),
                statuses(401, 200, 404, 200, 404, 200)));
        // The caller's own: another patient gets theirs, which must not hold this patient's name.
        e.add(new Endpoint(
                "GET /patients/me/export",
                r -> r.get("/api/v1/patients/me/export"),
                statuses(401, 200, 200, 403, 403, 403)));
        e.add(new Endpoint(
                "POST /devices/{id}/revoke",
                r -> r.post("/api/v1/devices/" + device + "/revoke"),
                statuses(401, 200, 404, 200, 404, 200)));
        // Erasure is tried on a patient of its own: the admin's call really erases it.
        String disposable = "/api/v1/patients/" + Registry.newPatient();
        e.add(new Endpoint("DELETE /patients/{id}", r -> r.delete(disposable), statuses(401, 403, 403, 403, 403, 204)));
        e.add(new Endpoint(
                "GET /audit-events",
                r -> r.queryParam("patientId", patient).get("/api/v1/audit-events"),
                statuses(401, 403, 403, 403, 403, 200)));
        e.add(new Endpoint("GET /alerts", r -> r.get("/api/v1/alerts"), statuses(401, 403, 403, 200, 200, 403)));
        e.add(new Endpoint(
                "GET /alerts?patientId={id}",
                r -> r.queryParam("patientId", patient).get("/api/v1/alerts"),
                statuses(401, 403, 403, 200, 404, 403)));
        e.add(new Endpoint(
                "GET /patients/{id}/alerts", r -> r.get(p + "/alerts"), statuses(401, 403, 403, 200, 404, 403)));
        e.add(new Endpoint(
                "POST /alerts/{id}/acknowledge",
                r -> r.post("/api/v1/alerts/" + alert + "/acknowledge"),
                statuses(401, 403, 403, 200, 404, 403)));
        return e;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsDesignedAndLeaksNothing() {
        setUp();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                int expected = endpoint.expected()[caller.ordinal()];
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + caller + " → " + expected, () -> {
                    String token = tokens.get(caller);
                    if (endpoint.streamPath() != null && expected == 200) {
                        assertStreamOpens(endpoint.streamPath(), token);
                        return;
                    }
                    RequestSpecification request =
                            token == null ? given() : given().auth().oauth2(token);
                    Response response = endpoint.call().apply(request);
                    assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
                    if (expected >= 400) {
                        // An error may echo what the caller sent, never what it did not: the name, or
                        // whose device this is.
                        assertThat(response.contentType()).startsWith("application/problem+json");
                        assertThat(response.asString()).doesNotContain(patientName);
                        if (!endpoint.name().contains("/patients/")
                                && !endpoint.name().contains("patientId")) {
                            assertThat(response.asString()).doesNotContain(patient);
                        }
                    }
                    if (expected == 401) {
                        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
                    }
                    boolean maySee =
                            caller == Caller.PATIENT_SELF || caller == Caller.PHYSIO_ASSIGNED || caller == Caller.ADMIN;
                    if (!maySee) {
                        assertThat(response.asString()).doesNotContain(patientName);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Opens the event stream, checks that it is one, and closes it without waiting for an event. */
    void assertStreamOpens(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        }
    }

    @TestFactory
    Stream<DynamicTest> anotherPatientsIdAnswersExactlyLikeAnUnknownOne() {
        setUp();
        String unknown = UUID.randomUUID().toString();
        return Stream.of("", "/devices", "/program", "/program/versions", "/alerts", "/events", "/export/readable")
                .map(suffix -> DynamicTest.dynamicTest("GET /patients/{id}" + suffix, () -> {
                    Response other = given().auth()
                            .oauth2(tokens.get(Caller.PHYSIO_OTHER))
                            .get("/api/v1/patients/" + patient + suffix);
                    Response missing = given().auth()
                            .oauth2(tokens.get(Caller.PHYSIO_OTHER))
                            .get("/api/v1/patients/" + unknown + suffix);
                    assertThat(other.statusCode())
                            .isEqualTo(missing.statusCode())
                            .isEqualTo(404);
                    assertThat(other.asString().replace(patient, "ID"))
                            .isEqualTo(missing.asString().replace(unknown, "ID"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> anotherPatientsDeviceAnswersExactlyLikeAnUnknownOne() {
        setUp();
        String unknown = "no-such-" + UUID.randomUUID().toString().substring(0, 8);
        return Stream.of("", "/sync-status")
                .map(suffix -> DynamicTest.dynamicTest("GET /devices/{id}" + suffix, () -> {
                    Response other = given().auth()
                            .oauth2(tokens.get(Caller.PATIENT_OTHER))
                            .get("/api/v1/devices/" + device + suffix);
                    Response missing = given().auth()
                            .oauth2(tokens.get(Caller.PATIENT_OTHER))
                            .get("/api/v1/devices/" + unknown + suffix);
                    assertThat(other.statusCode())
                            .isEqualTo(missing.statusCode())
                            .isEqualTo(404);
                    assertThat(other.asString().replace(device, "ID"))
                            .isEqualTo(missing.asString().replace(unknown, "ID"));
                }));
    }
}
