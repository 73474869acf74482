package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every button family a finished grid and an upscale offer, pressed through
 * {@code /mj/submit/action} as a client does: each press ends SUCCESS with its action,
 * an image and buttons of its own job. (A V7 "Image #n" has no Make Square button.) The presses of one message go out together, so the
 * results must also be told apart while they overlap.
 */
class ButtonFamiliesFlowTest extends FlowTest {

    @Test
    void everyButtonOfAGrid() {
        JsonNode grid = imagine("a harbour town at noon");
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            expected.put("V" + i, "VARIATION");
            expected.put("U" + i, "UPSCALE");
        }
        expected.put("::reroll::", "REROLL");

        Map<String, JsonNode> results = pressAll(grid, expected);

        for (int i = 1; i <= 4; i++) {
            JsonNode upscale = results.get("U" + i);
            assertThat(upscale.path("description").asString()).isEqualTo("/up " + grid.path("id").asString() + " U" + i);
            assertThat(labels(upscale)).contains("Upscale (Subtle)", "Vary (Region)", "Zoom Out 2x");
            assertThat(labels(results.get("V" + i))).contains("U1", "V4");
        }
        assertThat(labels(results.get("::reroll::"))).contains("U1", "V4");
    }

    @Test
    void everyButtonOfAnUpscale() {
        JsonNode grid = imagine("a lighthouse on a rock");
        JsonNode upscale = pressAndFinish(grid, "U3", "UPSCALE");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("upsample_v7_2x_subtle", "UPSCALE");
        expected.put("upsample_v7_2x_creative", "UPSCALE");
        expected.put("low_variation", "VARIATION");
        expected.put("high_variation", "VARIATION");
        expected.put("MJ::Outpaint::50::", "ZOOM");
        expected.put("MJ::Outpaint::75::", "ZOOM");
        expected.put("animate_high", "VIDEO");
        expected.put("animate_low", "VIDEO");
        for (String direction : new String[] {"left", "right", "up", "down"}) {
            expected.put("pan_" + direction, "PAN");
        }

        Map<String, JsonNode> results = pressAll(upscale, expected);

        assertThat(labels(results.get("upsample_v7_2x_subtle"))).contains("Vary (Subtle)").doesNotContain("Upscale (Subtle)");
        assertThat(labels(results.get("low_variation"))).contains("U1", "V4");
        assertThat(labels(results.get("pan_left"))).contains("U1", "V4");
        assertThat(labels(results.get("animate_low"))).contains("U1", "U4");
        assertThat(results.get("animate_high").path("videoUrls").size()).isEqualTo(4);
        assertThat(results.get("pan_left").path("description").asString()).endsWith("Pan Left");
        assertThat(results.get("MJ::Outpaint::50::").path("description").asString()).endsWith("Zoom Out 2x");
    }

    /** Presses every button at once, then waits for each and checks it as a client would. */
    private Map<String, JsonNode> pressAll(JsonNode parent, Map<String, String> actionByButton) {
        Map<String, String> ids = new LinkedHashMap<>();
        actionByButton.keySet().forEach(button -> ids.put(button, press(parent, button)));
        Map<String, JsonNode> results = new LinkedHashMap<>();
        String parentHash = hashOf(parent);
        ids.forEach((button, id) -> {
            JsonNode result = assertSucceeded(api.awaitFinal(id), actionByButton.get(button));
            assertThat(result.path("customId").asString()).isEqualTo(MjApi.button(parent, button));
            assertThat(result.path("properties").path("parentId").asString()).isEqualTo(parent.path("id").asString());
            String hash = hashOf(result);
            assertThat(hash).as(button + " runs a job of its own").isNotBlank().isNotEqualTo(parentHash);
            for (JsonNode b : result.path("buttons")) {
                if (b.path("customId").asString().startsWith("MJ::JOB::")) {
                    assertThat(b.path("customId").asString()).as("button of " + button).contains(hash);
                }
            }
            results.put(button, result);
        });
        assertThat(results.values().stream().map(FlowTest::hashOf).distinct().count())
                .as("one job per press").isEqualTo(results.size());
        return results;
    }

    private static List<String> labels(JsonNode task) {
        List<String> labels = new ArrayList<>();
        task.path("buttons").forEach(b -> labels.add(b.path("label").asString()));
        return labels;
    }
}
