package dev.mjbridge.it.flows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The legacy {@code /mj/submit/change {taskId, action, index}} that relays still send. */
class LegacyChangeFlowTest extends FlowTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "UPSCALE, 2, U2",
            "VARIATION, 3, V3",
            "REROLL, 0, R"})
    void change(String action, int index, String label) {
        JsonNode grid = imagine("a windmill by a canal");
        String body = "REROLL".equals(action)
                ? "{\"taskId\": \"%s\", \"action\": \"REROLL\"}".formatted(grid.path("id").asString())
                : "{\"taskId\": \"%s\", \"action\": \"%s\", \"index\": %d}".formatted(grid.path("id").asString(), action, index);

        JsonNode changed = assertSucceeded(api.awaitFinal(api.submit("/mj/submit/change", body)), action);

        assertThat(changed.path("description").asString()).isEqualTo("/up " + grid.path("id").asString() + " " + label);
        assertThat(changed.path("properties").path("parentId").asString()).isEqualTo(grid.path("id").asString());
    }
}
