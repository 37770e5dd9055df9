package org.osteon.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edits merge into the components they name, per RFC 7386, and leave every other one alone. */
class ProgramEditsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode node(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void aNestedObjectIsMergedFieldByFieldNullRemovesAndOtherComponentsStay() throws Exception {
        List<ObjectNode> before = List.of(
                node(
                        "{\"kind\":\"impacts\",\"minG\":4.2,\"count\":20,\"per\":\"day\","
                                + "\"cap\":{\"aboveG\":6.0,\"maxPerDay\":60},\"progression\":{\"step\":5,\"everyWeeks\":2,\"ceiling\":50}}"),
                node("{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":5}"));
        List<ObjectNode> after = ProgramEdits.apply(
                before,
                List.of(
                        node("{\"kind\":\"impacts\",\"cap\":{\"maxPerDay\":40},\"progression\":null}"),
                        node("{\"kind\":\"mvpa\",\"minutesPerWeek\":150,\"boutMinutes\":10}")),
                List.of());
        assertThat(after).extracting(n -> n.get("kind").asText()).containsExactly("impacts", "steps", "mvpa");
        assertThat(after.get(0).toString())
                .isEqualTo("{\"kind\":\"impacts\",\"minG\":4.2,\"count\":20,\"per\":\"day\","
                        + "\"cap\":{\"aboveG\":6.0,\"maxPerDay\":40}}");
        assertThat(after.get(1)).isEqualTo(before.get(1));
        // The components given are not changed in place.
        assertThat(before.get(0).has("progression")).isTrue();
    }

    @Test
    void editsThatCannotApplyAreRefusedByName() throws Exception {
        List<ObjectNode> before = List.of(node("{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":5}"));
        assertThatThrownBy(() -> ProgramEdits.apply(before, List.of(), List.of("mvpa")))
                .hasMessage("remove: the program has no 'mvpa' component; it has steps");
        assertThatThrownBy(() -> ProgramEdits.apply(
                        before, List.of(node("{\"kind\":\"steps\"}"), node("{\"kind\":\"steps\"}")), List.of()))
                .hasMessage("set[1].kind: 'steps' is named twice");
        assertThatThrownBy(() -> ProgramEdits.apply(before, List.of(node("{\"kind\":\"steps\"}")), List.of("steps")))
                .hasMessage("remove: 'steps' is also in set");
    }
}
