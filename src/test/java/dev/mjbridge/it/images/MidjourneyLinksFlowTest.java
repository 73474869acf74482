package dev.mjbridge.it.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;
import dev.mjbridge.it.SandboxApi;
import tools.jackson.databind.JsonNode;

/**
 * {@code mj.images.url: midjourney}: nothing is downloaded; finished image jobs link to Midjourney's
 * CDN under their job hash (the sandbox's, here), which outlives Discord's links.
 */
@TestPropertySource(properties = {"mj.images.url=midjourney", "mj.images.store=none"})
class MidjourneyLinksFlowTest extends ProxyIntegrationTest {

    @Autowired
    private DiscordEndpoints endpoints;

    @Test
    void aGridAndItsUpscaleLinkToMidjourneysCdn() {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a lighthouse on Midjourney's own CDN\"}");
        JsonNode grid = api.awaitFinal(id);
        String hash = grid.path("properties").path("messageHash").asString();
        String upscaleId = api.submit("/mj/submit/action", "{\"taskId\": \"%s\", \"customId\": \"%s\"}"
                .formatted(id, MjApi.button(grid, "U3")));
        JsonNode upscale = api.awaitFinal(upscaleId);
        new SandboxApi(endpoints.server()).post("/cdn/expire-links", "{}");

        assertThat(grid.path("status").asString()).as(grid.toString()).isEqualTo("SUCCESS");
        assertThat(grid.path("imageUrl").asString()).endsWith("/mj-cdn/" + hash + "/grid_0.png");
        assertThat(grid.path("properties").path("discordImageUrl").asString()).contains("?ex=");
        for (int n = 0; n < 4; n++) {
            JsonNode picture = grid.path("imageUrls").get(n);
            assertThat(picture.path("index").asInt()).isEqualTo(n);
            assertThat(picture.path("url").asString()).endsWith("/mj-cdn/" + hash + "/0_" + n + ".png");
            assertThat(api.getBytes(picture.path("url").asString()).status()).isEqualTo(200);
        }
        assertThat(api.getBytes(grid.path("imageUrl").asString()).status()).isEqualTo(200);
        assertThat(api.getBytes(grid.path("properties").path("discordImageUrl").asString()).status()).isEqualTo(404);

        String upscaleHash = upscale.path("properties").path("messageHash").asString();
        assertThat(upscale.path("imageUrl").asString()).endsWith("/mj-cdn/" + upscaleHash + "/0_0.png");
        assertThat(upscale.has("imageUrls")).isFalse();
        assertThat(api.getBytes(upscale.path("imageUrl").asString()).status()).isEqualTo(200);
    }
}
