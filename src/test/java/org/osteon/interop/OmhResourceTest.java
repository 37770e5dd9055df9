package org.osteon.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.support.Tokens.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DayRows;
import org.osteon.support.DayRows.Day;
import org.osteon.support.Tokens;

/**
 * The Open mHealth export over the real database: every data point valid against the published
 * schemas (src/test/resources/openmhealth), its values the days', its time interval the local day
 * across a change of clocks, its id stable; a day with too little wear left out; the schema
 * parameter checked; another physiotherapist's patient not found.
 */
@QuarkusTest
class OmhResourceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    @Inject
    Jdbc jdbc;

    @Test
    void validDaysBecomeDataPointsValidAgainstThePublishedSchemasInThePatientsLocalDays() throws Exception {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, "Europe/Vienna");
        DayRows rows = new DayRows(jdbc, patient);
        // Vienna leaves summer time on 2026-10-25: that local day is 25 hours long.
        rows.insert(new Day("2026-10-24", 14, 8123, 42.0, 40.0, Map.of()));
        rows.insert(new Day("2026-10-25", 13, 6050, 12.5, 40.0, Map.of()));
        // Two hours of wear say little about a day's steps: no data point.
        rows.insert(new Day("2026-10-26", 2, 300, 0.0, 40.0, Map.of()));
        String path = "/api/v1/patients/" + patient + "/omh?from=2026-10-24&to=2026-10-26";

        JsonNode points = JSON.readTree(
                as(physio.token()).get(path).then().statusCode(200).extract().asString());
        assertThat(points).hasSize(6);
        List<String> schemas = new ArrayList<>();
        for (JsonNode p : points) {
            JsonNode id = p.path("header").path("schema_id");
            schemas.add(id.path("namespace").asText() + ":" + id.path("name").asText() + ":"
                    + id.path("version").asText());
            assertThat(errors("data-point-1.0.json", p)).as("%s", p).isEmpty();
            assertThat(p.path("header")
                            .path("acquisition_provenance")
                            .path("modality")
                            .asText())
                    .isEqualTo("sensed");
            assertThat(p.path("header").path("user_id").asText()).isEqualTo(patient);
        }
        assertThat(schemas)
                .containsExactly(
                        "omh:minutes-moderate-activity:1.0",
                        "omh:step-count:3.0",
                        "ieee:physical-activity:1.0",
                        "omh:minutes-moderate-activity:1.0",
                        "omh:step-count:3.0",
                        "ieee:physical-activity:1.0");

        JsonNode mvpa = points.get(0).path("body");
        assertThat(errors("minutes-moderate-activity-1.0.json", mvpa))
                .as("%s", mvpa)
                .isEmpty();
        assertThat(mvpa.path("minutes_moderate_activity").path("value").asDouble())
                .isEqualTo(42.0);
        assertThat(mvpa.path("minutes_moderate_activity").path("unit").asText()).isEqualTo("min");
        assertThat(interval(mvpa)).containsExactly("2026-10-24T00:00:00+02:00", "2026-10-25T00:00:00+02:00");

        // The validator does refuse: minutes in hours, steps without their time interval.
        com.fasterxml.jackson.databind.node.ObjectNode hours = mvpa.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) hours.path("minutes_moderate_activity")).put("unit", "h");
        assertThat(errors("minutes-moderate-activity-1.0.json", hours)).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode untimed =
                points.get(1).path("body").deepCopy();
        untimed.remove("effective_time_frame");
        assertThat(errors("step-count-3.0.json", untimed)).isNotEmpty();

        JsonNode steps = points.get(4).path("body");
        assertThat(errors("step-count-3.0.json", steps)).as("%s", steps).isEmpty();
        assertThat(steps.path("step_count").path("value").asInt()).isEqualTo(6050);
        // The 25-hour day: from summer time to winter time.
        assertThat(interval(steps)).containsExactly("2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00");

        // IEEE 1752.1 physical-activity, whose schema is IEEE's and not among the resources: field by field.
        JsonNode activity = points.get(5).path("body");
        assertThat(activity.path("activity_name").asText()).isEqualTo(OpenMhealth.DAILY_ACTIVITY);
        assertThat(activity.path("base_movement_quantity").path("value").asInt())
                .isEqualTo(6050);
        assertThat(activity.path("base_movement_quantity").path("unit").asText())
                .isEqualTo("steps");
        assertThat(interval(activity)).isEqualTo(interval(steps));

        // The same days give the same ids; each day and schema its own.
        JsonNode again = JSON.readTree(as(Tokens.patient(patient))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(again.findValuesAsText("id")).isEqualTo(points.findValuesAsText("id"));
        assertThat(points.findValuesAsText("id")).doesNotHaveDuplicates();

        // One schema, by name.
        JsonNode only = JSON.readTree(as(physio.token())
                .get(path + "&schema=step-count")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(only.findValuesAsText("name")).containsExactly("step-count", "step-count");
        as(physio.token())
                .get(path + "&schema=heart-rate")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("schema"))
                .body(
                        "errors[0].message",
                        org.hamcrest.Matchers.containsString(
                                "omh:minutes-moderate-activity:1.0, omh:step-count:3.0, ieee:physical-activity:1.0"));
        as(physio.token())
                .get("/api/v1/patients/" + patient + "/omh?from=24.10.2026")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        // A date at the end of LocalDate's range is refused, not overflowed into a server error.
        as(physio.token())
                .queryParam("to", "+999999999-12-31")
                .get("/api/v1/patients/" + patient + "/omh")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"))
                .body(
                        "errors[0].message",
                        org.hamcrest.Matchers.startsWith("must be between 2000-01-01 and 2199-12-31"));
        as(Clinic.newPhysio().token()).get(path).then().statusCode(404);
    }

    private static List<String> interval(JsonNode body) {
        JsonNode i = body.path("effective_time_frame").path("time_interval");
        return List.of(
                i.path("start_date_time").asText(), i.path("end_date_time").asText());
    }

    /** What the schema (by file name in src/test/resources/openmhealth/omh) finds wrong with {@code node}. */
    private static Set<ValidationMessage> errors(String schema, JsonNode node) {
        JsonSchema s = SCHEMAS.getSchema(SchemaLocation.of("classpath:openmhealth/omh/" + schema));
        return s.validate(node);
    }
}
