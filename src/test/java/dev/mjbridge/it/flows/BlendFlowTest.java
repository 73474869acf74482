package dev.mjbridge.it.flows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Blend of two to five images in each dimension: the bot is sent the matching
 * {@code --ar}, which shows in the final prompt and in the shape of the grid.
 */
class BlendFlowTest extends FlowTest {

    @ParameterizedTest(name = "{0} images, {1}")
    @CsvSource({
            "2, PORTRAIT, 2:3",
            "2, SQUARE, 1:1",
            "2, LANDSCAPE, 3:2",
            "5, PORTRAIT, 2:3",
            "5, SQUARE, 1:1",
            "5, LANDSCAPE, 3:2"})
    void blend(int count, String dimensions, String aspectRatio) {
        List<String> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add("\"" + Images.pngDataUrl(12, 12, 0x102030 * (i + 1) + count) + "\"");
        }
        String id = api.submit("/mj/submit/blend", """
                {"base64Array": [%s], "dimensions": "%s"}""".formatted(String.join(", ", images), dimensions));

        JsonNode blend = assertSucceeded(api.awaitFinal(id), "BLEND");
        String finalPrompt = blend.path("properties").path("finalPrompt").asString();
        assertThat(finalPrompt).endsWith("--ar " + aspectRatio);
        assertThat(finalPrompt.split("https://s\\.mj\\.run/", -1)).as(finalPrompt).hasSize(count + 1);
        assertThat(blend.path("description").asString()).isEqualTo("/blend " + count + " images --ar " + aspectRatio);

        Images.Picture grid = downloadImage(blend);
        String[] ratio = aspectRatio.split(":");
        double expected = Double.parseDouble(ratio[0]) / Double.parseDouble(ratio[1]);
        assertThat((double) grid.width() / grid.height()).isCloseTo(expected, offset(0.01));
    }
}
