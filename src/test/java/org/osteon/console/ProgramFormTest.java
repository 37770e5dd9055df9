package org.osteon.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.console.ProgramForm.Draft;
import org.osteon.program.Component;

class ProgramFormTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void onlyTheShownFieldsOfAKnownKindAreRead() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("components[0].kind", List.of("steps"));
        form.put("components[0].stepsPerDay", List.of("8000"));
        form.put("components[0].daysPerWeek", List.of("5"));
        form.put("components[0].cap.aboveG", List.of("3"));
        form.put("components[0].smuggled", List.of("x"));
        form.put("components[1].kind", List.of("teleport"));
        form.put("components[1].count", List.of("5"));
        List<Draft> drafts = ProgramForm.read(form);
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).kind()).isEqualTo("steps");
        assertThat(drafts.get(0).values()).containsOnlyKeys("stepsPerDay", "daysPerWeek");
    }

    @Test
    void emptyExerciseRowsAreDroppedAndTheOthersRenumbered() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("components[0].kind", List.of("resistance"));
        form.put("components[0].sessionsPerWeek", List.of("2"));
        form.put("components[0].days", List.of("MONDAY", "THURSDAY"));
        form.put("components[0].exercises[0].exercise", List.of(""));
        form.put("components[0].exercises[1].exercise", List.of("squat"));
        form.put("components[0].exercises[1].sets", List.of("5"));
        form.put("components[0].exercises[1].minPercent1RM", List.of("82.5"));
        ArrayNode body = ProgramForm.body(ProgramForm.read(form), json);
        assertThat(body.toString())
                .isEqualTo("[{\"kind\":\"resistance\",\"sessionsPerWeek\":2,\"days\":[\"MONDAY\",\"THURSDAY\"],"
                        + "\"exercises\":[{\"exercise\":\"squat\",\"sets\":5,\"minPercent1RM\":82.5}]}]");
    }

    @Test
    void aValueThatIsNotANumberIsSentAsTextForTheApiToRefuse() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("components[0].kind", List.of("impacts"));
        form.put("components[0].minG", List.of("four"));
        form.put("components[0].count", List.of(" 20 "));
        form.put("components[0].per", List.of("day"));
        form.put("components[0].sessionsPerWeek", List.of(""));
        assertThat(ProgramForm.body(ProgramForm.read(form), json).toString())
                .isEqualTo("[{\"kind\":\"impacts\",\"minG\":\"four\",\"count\":20,\"per\":\"day\"}]");
    }

    @Test
    void aStoredComponentBecomesTheFormItWasTypedIn() {
        Component c = new Component.Impacts(
                4.2,
                20,
                Component.Per.day,
                null,
                null,
                new Component.SafetyCap(6.0, 60),
                new Component.Progression(5.0, 2, 50.0));
        Draft d = ProgramForm.of(c, json);
        assertThat(d.value("minG")).isEqualTo("4.2");
        assertThat(d.value("cap.aboveG")).isEqualTo("6");
        assertThat(d.value("progression.ceiling")).isEqualTo("50");
        assertThat(ProgramForm.body(List.of(d), json).toString())
                .isEqualTo("[{\"kind\":\"impacts\",\"minG\":4.2,\"count\":20,\"per\":\"day\","
                        + "\"cap\":{\"aboveG\":6,\"maxPerDay\":60},\"progression\":{\"step\":5,\"everyWeeks\":2,"
                        + "\"ceiling\":50}}]");
    }

    @Test
    void aCheckInIsReadWithItsQuestionnaireAndCadenceOnly() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("components[0].kind", List.of("checkin"));
        form.put("components[0].questionnaire", List.of("phq-2"));
        form.put("components[0].everyDays", List.of(""));
        form.put("components[0].everyWeeks", List.of("2"));
        form.put("components[0].progression.step", List.of("1"));
        assertThat(ProgramForm.body(ProgramForm.read(form), json).toString())
                .isEqualTo("[{\"kind\":\"checkin\",\"questionnaire\":\"phq-2\",\"everyWeeks\":2}]");
        Draft d = ProgramForm.of(new Component.Checkin("phq-8", 10, null), json);
        assertThat(d.value("questionnaire")).isEqualTo("phq-8");
        assertThat(d.value("everyDays")).isEqualTo("10");
        assertThat(d.value("everyWeeks")).isEmpty();
        assertThat(ProgramForm.mainUnit(new Component.Checkin("phq-8", 10, null)))
                .isEqualTo("days between check-ins");
    }
}
