package org.osteon.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.support.Tokens.as;
import static org.osteon.support.Tokens.asAdmin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osteon.engine.ScoredDay;
import org.osteon.program.Component;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyApiResponseWithABodyHasAnExampleAndEveryOperationNeedsABearerToken() {
        Map<String, Object> doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        List<String> withoutExample = new ArrayList<>();
        List<String> withoutSecurity = new ArrayList<>();
        int responses = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (operation.get("security") == null && doc.get("security") == null) {
                    withoutSecurity.add(name);
                }
                Map<String, Map<String, Object>> answers =
                        (Map<String, Map<String, Object>>) operation.get("responses");
                for (var answer : answers.entrySet()) {
                    responses++;
                    if (answer.getKey().equals("204")) {
                        continue;
                    }
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>)
                            resolve(doc, answer.getValue()).get("content");
                    boolean example =
                            content != null && content.values().stream().anyMatch(m -> m.get("examples") != null);
                    if (!example) {
                        withoutExample.add(name + " " + answer.getKey());
                    }
                }
            }
        }
        assertThat(responses).isGreaterThan(60);
        assertThat(withoutExample).isEmpty();
        assertThat(withoutSecurity).isEmpty();
        Map<String, Object> schemes =
                (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertThat(schemes).containsKey("bearer");
    }

    /**
     * 401, 403 and 404 are declared once and named by each operation: the document must still give each
     * operation's answer as problem+json with its schema and example, and keep the operation's own description.
     */
    @Test
    @SuppressWarnings("unchecked")
    void sharedProblemResponsesResolveToProblemJsonAndKeepTheirOperationsDescription() {
        Map<String, Object> doc = document();
        Map<String, Object> responses = operationResponses(doc, "/api/v1/devices/{deviceId}", "get");

        Map<String, Object> notFound = (Map<String, Object>) responses.get("404");
        assertThat(notFound.get("description")).isEqualTo("no such device, or not one of the caller's");
        Map<String, Object> problem = problemJson(doc, notFound);
        assertThat((String) ((Map<String, Object>) problem.get("schema")).get("$ref"))
                .endsWith("/ApiProblem");
        Map<String, Object> example = (Map<String, Object>) ((Map<String, Map<String, Object>>) problem.get("examples"))
                .get("404")
                .get("value");
        assertThat(example).containsEntry("status", 404).containsEntry("title", "Not Found");
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> apiProblem =
                (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("ApiProblem");
        Map<String, Object> properties = (Map<String, Object>) apiProblem.get("properties");
        assertThat(properties).containsKeys("type", "title", "status", "detail", "instance", "errors");

        assertThat(problemJson(doc, (Map<String, Object>) responses.get("401"))).containsKeys("schema", "examples");
        Map<String, Object> forbidden = (Map<String, Object>)
                operationResponses(doc, "/api/v1/audit-events", "get").get("403");
        assertThat(forbidden.get("description")).isEqualTo("only admins read the audit trail");
        assertThat(problemJson(doc, forbidden)).containsKeys("schema", "examples");
        // Without a description of its own, an operation shows the shared one.
        Map<String, Object> patient = (Map<String, Object>)
                operationResponses(doc, "/api/v1/patients/{patientId}", "get").get("404");
        assertThat(resolve(doc, patient).get("description")).isEqualTo("no such patient, or not one of the caller's");
    }

    /** Every response an operation names by $ref is one the document declares. */
    @Test
    @SuppressWarnings("unchecked")
    void everyReferencedResponseIsDeclared() {
        Map<String, Object> doc = document();
        int refs = 0;
        for (var path : ((Map<String, Map<String, Object>>) doc.get("paths")).entrySet()) {
            for (var op : path.getValue().entrySet()) {
                var answers = (Map<String, Map<String, Object>>) ((Map<String, Object>) op.getValue()).get("responses");
                for (var answer : answers.entrySet()) {
                    if (answer.getValue().get("$ref") != null) {
                        refs++;
                        assertThat(resolve(doc, answer.getValue()))
                                .as(op.getKey() + " " + path.getKey() + " " + answer.getKey())
                                .containsKey("content");
                    }
                }
            }
        }
        assertThat(refs).isGreaterThan(40);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDaysExampleShowsEveryFieldOfADay() throws Exception {
        Map<String, Object> doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>)
                        ((Map<String, Object>) doc.get("paths")).get("/api/v1/patients/{patientId}/days"))
                .get("get");
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) get.get("responses")).get("200");
        Map<String, Object> media = (Map<String, Object>)
                ((Map<String, Object>) ok.get("content")).values().iterator().next();
        Object example = ((Map<String, Map<String, Object>>) media.get("examples"))
                .get("200")
                .get("value");
        List<Map<String, Object>> days = example instanceof String text
                ? new ObjectMapper().readValue(text, List.class)
                : (List<Map<String, Object>>) example;

        // Every component the API shows: the stored wear in minutes is kept for writing only (JSON shows hours).
        List<String> fields = Arrays.stream(ScoredDay.class.getRecordComponents())
                .filter(c -> !c.getAccessor().isAnnotationPresent(JsonIgnore.class))
                .map(RecordComponent::getName)
                .toList();
        assertThat(days.get(0).keySet()).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyJsonRequestBodyHasAnExample() {
        Map<String, Object> doc = document();
        List<String> bodies = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        for (var path : ((Map<String, Map<String, Object>>) doc.get("paths")).entrySet()) {
            for (var op : path.getValue().entrySet()) {
                Map<String, Object> body =
                        (Map<String, Object>) ((Map<String, Object>) op.getValue()).get("requestBody");
                if (body == null) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> json =
                        ((Map<String, Map<String, Object>>) body.get("content")).get("application/json");
                if (json == null) {
                    continue;
                }
                // The annotation adds the example; the schema of the body's type must stay.
                assertThat(json).as(name).containsKey("schema");
                bodies.add(name);
                Map<String, Object> examples = (Map<String, Object>) json.get("examples");
                if (examples == null || examples.isEmpty()) {
                    withoutExample.add(name);
                }
            }
        }
        assertThat(bodies)
                .contains(
                        "POST /api/v1/patients",
                        "POST /api/v1/physiotherapists",
                        "POST /api/v1/patients/{patientId}/devices",
                        "PUT /api/v1/patients/{patientId}/program");
        assertThat(withoutExample).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProgramComponentIsOneOfItsKindsChosenByKind() {
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("schemas");
        Map<String, Object> component = (Map<String, Object>) schemas.get("Component");
        List<Map<String, String>> oneOf = (List<Map<String, String>>) component.get("oneOf");
        Map<String, Object> discriminator = (Map<String, Object>) component.get("discriminator");
        assertThat(discriminator.get("propertyName")).isEqualTo("kind");
        Map<String, String> mapping = (Map<String, String>) discriminator.get("mapping");

        JsonSubTypes.Type[] kinds =
                Component.class.getAnnotation(JsonSubTypes.class).value();
        assertThat(mapping.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(kinds).map(JsonSubTypes.Type::name).toList());
        assertThat(oneOf).extracting(ref -> ref.get("$ref")).containsExactlyInAnyOrderElementsOf(mapping.values());
        for (var kind : kinds) {
            String ref = mapping.get(kind.name());
            Map<String, Object> subtype = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            assertThat(subtype).as(ref).isNotNull();
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) subtype.get("properties");
            // Each kind's own fields, and kind itself with the one value that selects it.
            assertThat(properties).as(ref).containsKey("kind");
            assertThat((List<String>) properties.get("kind").get("enum"))
                    .as(ref)
                    .containsExactly(kind.name());
            assertThat((List<String>) subtype.get("required")).as(ref).contains("kind");
            for (RecordComponent field : kind.value().getRecordComponents()) {
                assertThat(properties).as(ref).containsKey(field.getName());
                if (field.isAnnotationPresent(NotNull.class)) {
                    assertThat((List<String>) subtype.get("required")).as(ref).contains(field.getName());
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDescriptionSaysHowToGetAToken() {
        String description = (String) ((Map<String, Object>) document().get("info")).get("description");
        assertThat(description).contains("./osteon token --role", "--subject", "OIDC provider", "Authorize");
    }

    /** An example that the API refuses is worse than none: each one is sent as Swagger UI would send it. */
    @Test
    @SuppressWarnings("unchecked")
    void everyRequestExampleIsAccepted() throws Exception {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        Physio physio = Clinic.newPhysio();

        for (String body : requestExamples(paths, "/api/v1/patients", "post")) {
            as(physio.token())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/patients")
                    .then()
                    .statusCode(201);
        }
        for (String body : requestExamples(paths, "/api/v1/patients/{patientId}/program", "put")) {
            String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
            Clinic.prescribe(physio, patient, body);
        }
        String written = requestExamples(paths, "/api/v1/patients/{patientId}/program", "put").stream()
                .filter(b -> b.contains("\"components\""))
                .findFirst()
                .orElseThrow();
        for (String body : requestExamples(paths, "/api/v1/patients/{patientId}/program", "patch")) {
            String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
            Clinic.prescribe(physio, patient, written);
            as(physio.token())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .patch("/api/v1/patients/" + patient + "/program")
                    .then()
                    .statusCode(200);
        }
        // Subjects and device ids are unique: a fresh one for each run, the rest as in the example.
        ObjectMapper json = new ObjectMapper();
        String fresh = UUID.randomUUID().toString().substring(0, 8);
        for (String body : requestExamples(paths, "/api/v1/physiotherapists", "post")) {
            ObjectNode physiotherapist = (ObjectNode) json.readTree(body);
            physiotherapist.put("subject", physiotherapist.get("subject").asText() + "-" + fresh);
            asAdmin()
                    .contentType(ContentType.JSON)
                    .body(physiotherapist.toString())
                    .post("/api/v1/physiotherapists")
                    .then()
                    .statusCode(201);
        }
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        for (String body : requestExamples(paths, "/api/v1/patients/{patientId}/devices", "post")) {
            ObjectNode device = (ObjectNode) json.readTree(body);
            device.put("deviceId", device.get("deviceId").asText() + "-" + fresh);
            as(physio.token())
                    .contentType(ContentType.JSON)
                    .body(device.toString())
                    .post("/api/v1/patients/" + patient + "/devices")
                    .then()
                    .statusCode(201);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> requestExamples(Map<String, Object> paths, String path, String method) {
        Map<String, Object> body = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method)).get("requestBody");
        Map<String, Object> json = ((Map<String, Map<String, Object>>) body.get("content")).get("application/json");
        // SmallRye parses a value that is JSON; either way it is sent as the text Swagger UI shows.
        List<String> examples = ((Map<String, Map<String, Object>>) json.get("examples"))
                .values().stream()
                        .map(e -> e.get("value") instanceof String text ? text : asJson(e.get("value")))
                        .toList();
        assertThat(examples).as(method + " " + path).isNotEmpty();
        return examples;
    }

    private static String asJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operationResponses(Map<String, Object> doc, String path, String method) {
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
        return (Map<String, Object>) operation.get("responses");
    }

    /** A response as it is, or the one its $ref names in components.responses. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> response) {
        String ref = (String) response.get("$ref");
        if (ref == null) {
            return response;
        }
        assertThat(ref).startsWith("#/components/responses/");
        Map<String, Object> responses =
                (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("responses");
        Map<String, Object> declared =
                (Map<String, Object>) responses.get(ref.substring("#/components/responses/".length()));
        assertThat(declared).as(ref).isNotNull();
        return declared;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problemJson(Map<String, Object> doc, Map<String, Object> response) {
        Map<String, Object> content =
                (Map<String, Object>) resolve(doc, response).get("content");
        Map<String, Object> problem = (Map<String, Object>) content.get(ApiProblem.MEDIA_TYPE);
        assertThat(problem).as("problem+json").isNotNull();
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }
}
