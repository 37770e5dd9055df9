package org.osteon.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.adherence.DaySummary;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyApiResponseWithABodyHasAnExampleAndEveryOperationNeedsABearerToken() {
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
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
                Map<String, Map<String, Object>> answers = (Map<String, Map<String, Object>>) operation.get("responses");
                for (var answer : answers.entrySet()) {
                    responses++;
                    if (answer.getKey().equals("204")) {
                        continue;
                    }
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) answer.getValue().get("content");
                    boolean example = content != null && content.values().stream().anyMatch(m -> m.get("examples") != null);
                    if (!example) {
                        withoutExample.add(name + " " + answer.getKey());
                    }
                }
            }
        }
        assertThat(responses).isGreaterThan(60);
        assertThat(withoutExample).isEmpty();
        assertThat(withoutSecurity).isEmpty();
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertThat(schemes).containsKey("bearer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDaysExampleShowsEveryFieldOfADay() throws Exception {
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("paths"))
                .get("/api/v1/patients/{patientId}/days")).get("get");
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) get.get("responses")).get("200");
        Map<String, Object> media = (Map<String, Object>) ((Map<String, Object>) ok.get("content")).values().iterator().next();
        Object example = ((Map<String, Map<String, Object>>) media.get("examples")).get("200").get("value");
        List<Map<String, Object>> days = example instanceof String text
                ? new ObjectMapper().readValue(text, List.class) : (List<Map<String, Object>>) example;

        List<String> fields = Arrays.stream(DaySummary.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(days.get(0).keySet()).containsExactlyInAnyOrderElementsOf(fields);
    }
}
