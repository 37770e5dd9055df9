package org.osteon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.support.Tokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.Registry;
import org.osteon.support.Tokens;

/**
 * Generated hostile requests (control characters in paths, queries and bodies, extreme dates and
 * numbers, malformed and mistyped bodies, wrong media types) against the API's endpoints with valid
 * tokens of every role: none is answered with a 5xx. Seeded: {@code -Dosteon.fuzz.seed=N}.
 */
@QuarkusTest
class HostileRequestFuzzTest {
    static final long SEED = Long.getLong("osteon.fuzz.seed", 20261204L);
    static final int REQUESTS = Integer.getInteger("osteon.fuzz.requests", 2_000);

    static final String[] TEXT = {
        "%00",
        "%01",
        "%7F",
        "%C2%80",
        "%ED%A0%80",
        "a%00b",
        "+999999999-12-25",
        "-999999999-01-01",
        "2147483647",
        "-1",
        "9223372036854775808",
        "1e308",
        "NaN",
        "",
        "%20",
        "x".repeat(3000),
        "..%2F..%2Fetc",
        "'%3B--",
        "%22",
        "2030-02-30"
    };
    static final String[] BODIES = {
        "{",
        "[]",
        "null",
        "42",
        "\"x\"",
        "{\"displayName\":\"\\u0000\"}",
        "{\"reason\":\"r\",\"components\":[{\"kind\":\"impacts\",\"minG\":1e308,\"count\":1e308,\"per\":\"day\"}]}",
        "{\"reason\":\"r\",\"components\":[{\"kind\":\"steps\",\"stepsPerDay\":-1e308,\"daysPerWeek\":8}]}",
        "{\"reason\":\"r\",\"templateId\":\"who-2020\",\"effectiveFrom\":\"+999999999-12-25\"}",
        "{\"reason\":\"\\ud800\",\"templateId\":\"who-2020\"}",
        "{\"deviceId\":\"dev-\\u0000\",\"placement\":\"wrist\",\"rangeG\":8}",
        "{\"deviceId\":\"dev-ok-1\",\"placement\":\"head\",\"rangeG\":1e308}",
        "{\"subject\":\"" + "s".repeat(5000) + "\",\"displayName\":\"x\"}",
        "{\"timeZone\":\"Etc/GMT+5\",\"displayName\":\"x\",\"bodyMassKg\":1e308}",
        "{\"reason\":\"r\",\"components\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
        "{\"note\":\"\\u0007\"}",
        "{\"a\":1,\"a\":2}"
    };
    static final String[] ACCEPTS = {"text/csv", "application/zip", "text/*;q=0.9, application/json;q=0.1", "*/*"};
    static final String[] TYPES = {
        "application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded"
    };

    @Test
    void noHostileRequestIsAnsweredWithAServerError() {
        Random r = new Random(SEED);
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        String device = Registry.newDevice(patient, 8);
        List<String> tokens =
                List.of(Tokens.admin(), physio.token(), Tokens.patient(patient), Tokens.token("study", "fuzz-study"));
        // Each path with the method it answers, so that most requests reach their resource.
        String[] paths = {
            "GET /api/v1/patients/{p}",
            "POST /api/v1/patients/{p}/devices",
            "PUT /api/v1/patients/{p}/program",
            "GET /api/v1/patients/{p}/program",
            "GET /api/v1/patients/{p}/program/versions",
            "GET /api/v1/patients/{p}/days",
            "GET /api/v1/patients/{p}/adherence",
            "GET /api/v1/patients/{p}/alerts",
            "GET /api/v1/patients/{p}/export",
            "GET /api/v1/devices/{d}",
            "GET /api/v1/devices/{d}/sync-status",
            "GET /api/v1/alerts",
            "POST /api/v1/alerts/{x}/acknowledge",
            "POST /api/v1/physiotherapists",
            "GET /api/v1/physiotherapists/{x}",
            "GET /api/v1/physiotherapists/me/patients",
            "PUT /api/v1/physiotherapists/{x}/patients/{p}",
            "GET /api/v1/audit-events",
            "GET /api/v1/program-templates",
            "POST /api/v1/patients",
            "GET /api/v1/patients/me",
            "DELETE /api/v1/devices/{d}",
            "GET /api/v1/patients/{p}/export/readable",
            "GET /api/v1/patients/me/export",
            "GET /api/v1/patients/{p}/report",
            "GET /api/v1/patients/{p}/sleep",
            "GET /api/v1/patients/{p}/omh",
            "GET /api/v1/patients/{p}/fhir",
            "GET /fhir/Observation",
            "GET /api/v1/patients/{p}/rtm",
            "POST /api/v1/patients/{p}/rtm/time",
            "POST /api/v1/patients/{p}/rtm/episodes/{x}/end",
            "GET /api/v1/patients/{p}/questionnaires/due",
            "GET /api/v1/patients/{p}/questionnaire-responses",
            "PUT /api/v1/patients/{p}/questionnaire-responses/{x}",
            "POST /api/v1/patients/{p}/recordings",
            "GET /api/v1/patients/{p}/recordings",
            "GET /api/v1/patients/{p}/recordings/{x}",
            "GET /api/v1/cohort/days"
        };
        String[] queries = {
            "from",
            "to",
            "by",
            "page",
            "size",
            "status",
            "patientId",
            "sort",
            "format",
            "patient",
            "date",
            "code",
            "category",
            "_id"
        };
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String[] route = paths[r.nextInt(paths.length)].split(" ");
            String path = route[1].replace("{p}", r.nextInt(3) == 0 ? TEXT[r.nextInt(TEXT.length)] : patient)
                    .replace("{d}", r.nextInt(3) == 0 ? TEXT[r.nextInt(TEXT.length)] : device)
                    .replace("{x}", TEXT[r.nextInt(TEXT.length)]);
            StringBuilder query = new StringBuilder();
            for (int q = r.nextInt(3); q > 0; q--) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(queries[r.nextInt(queries.length)])
                        .append('=')
                        .append(TEXT[r.nextInt(TEXT.length)]);
            }
            String method = r.nextInt(5) == 0 ? methods[r.nextInt(methods.length)] : route[0];
            RequestSpecification req = as(tokens.get(r.nextInt(tokens.size()))).urlEncodingEnabled(false);
            if (r.nextInt(4) == 0) {
                req = req.accept(ACCEPTS[r.nextInt(ACCEPTS.length)]);
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                req = req.contentType(TYPES[r.nextInt(TYPES.length)]).body(BODIES[r.nextInt(BODIES.length)]);
            }
            Response answer = req.request(method, path + query);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() >= 500) {
                serverErrors.add(method + " " + path + query + " -> " + answer.statusCode());
            }
        }
        System.out.printf("hostile-request fuzz (seed %d): %d requests, statuses %s%n", SEED, REQUESTS, statuses);
        assertThat(serverErrors).as("requests answered with a server error").isEmpty();
    }
}
