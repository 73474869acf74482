package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vary (Region): the button waits in MODAL (code 21) for the client's mask, which
 * {@code /mj/submit/modal} carries to Midjourney's inpaint editor.
 */
class VaryRegionFlowTest extends FlowTest {

    @Test
    void varyRegionWithAMask() {
        JsonNode upscale = pressAndFinish(imagine("a fox in a meadow"), "U2", "UPSCALE");

        MjApi.Response pressed = api.post("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s"}""".formatted(upscale.path("id").asString(),
                MjApi.button(upscale, "MJ::Inpaint::")));
        assertThat(pressed.body().path("code").asInt()).as(pressed.raw()).isEqualTo(21);
        assertThat(pressed.body().path("properties").path("finalPrompt").asString()).contains("a fox in a meadow");
        String taskId = pressed.body().path("result").asString();
        JsonNode waiting = api.fetch(taskId);
        assertThat(waiting.path("status").asString()).isEqualTo("MODAL");
        assertThat(waiting.path("action").asString()).isEqualTo("VARIATION");

        MjApi.Response withoutMask = api.post("/mj/submit/modal", """
                {"taskId": "%s", "prompt": "a fox in a meadow, with a red scarf"}""".formatted(taskId));
        assertThat(withoutMask.body().path("code").asInt()).as(withoutMask.raw()).isEqualTo(4);
        assertThat(withoutMask.body().path("description").asString()).startsWith("maskBase64");
        assertThat(api.fetch(taskId).path("status").asString()).as("still waiting for a mask").isEqualTo("MODAL");

        MjApi.Response submitted = api.post("/mj/submit/modal", """
                {"taskId": "%s", "prompt": "a fox in a meadow, with a red scarf", "maskBase64": "%s"}"""
                .formatted(taskId, Images.maskDataUrl(64, 64)));
        assertThat(submitted.body().path("code").asInt()).as(submitted.raw()).isEqualTo(1);

        JsonNode region = assertSucceeded(api.awaitFinal(taskId), "VARIATION");
        assertThat(region.path("properties").path("finalPrompt").asString()).contains("with a red scarf");
        assertThat(resultContent(region)).contains("Variations (Region)");
        String inpaint = MjApi.button(upscale, "MJ::Inpaint::");
        assertThat(sandbox.get("/received/interactions?type=3").path("interactions").findValuesAsString("custom_id"))
                .as("the button was pressed once, after the mask came").containsOnlyOnce(inpaint);
    }
}
