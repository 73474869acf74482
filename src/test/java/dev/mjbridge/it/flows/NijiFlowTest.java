package dev.mjbridge.it.flows;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Imagine on niji・journey: the command goes to the Niji application, and the grid's buttons work there too. */
class NijiFlowTest extends FlowTest {

    private static final String NIJI_APPLICATION_ID = "1022952195194359889";

    @Test
    void imagineOnNiji() {
        String id = api.submit("/mj/submit/imagine", """
                {"prompt": "a girl with an umbrella in the rain", "botType": "NIJI_JOURNEY"}""");

        JsonNode grid = assertSucceeded(api.awaitFinal(id), "IMAGINE");
        assertThat(grid.path("botType").asString()).isEqualTo("NIJI_JOURNEY");
        assertThat(grid.path("properties").path("finalPrompt").asString()).contains("--niji");
        JsonNode sent = sandbox.interactionsWithNonce(grid.path("properties").path("nonce").asString());
        assertThat(sent.path("count").asInt()).isEqualTo(1);
        JsonNode payload = sent.path("interactions").get(0).path("payload");
        assertThat(payload.path("application_id").asString()).isEqualTo(NIJI_APPLICATION_ID);
        assertThat(payload.path("data").path("name").asString()).isEqualTo("imagine");

        JsonNode upscale = pressAndFinish(grid, "U4", "UPSCALE");
        assertThat(upscale.path("botType").asString()).isEqualTo("NIJI_JOURNEY");
        JsonNode press = sandbox.interactionsWithNonce(upscale.path("properties").path("nonce").asString());
        assertThat(press.path("interactions").get(0).path("payload").path("application_id").asString())
                .isEqualTo(NIJI_APPLICATION_ID);
    }
}
