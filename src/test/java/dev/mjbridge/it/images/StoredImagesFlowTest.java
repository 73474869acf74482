package dev.mjbridge.it.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;
import dev.mjbridge.testing.TempDirs;
import dev.mjbridge.it.SandboxApi;
import tools.jackson.databind.JsonNode;

/**
 * Results that outlive Discord: with Discord's links expiring within seconds, every finished
 * task's imageUrl is the stored copy, which still downloads once Discord's link is dead, and a
 * grid's four pictures are exactly its quadrants.
 */
@TestPropertySource(properties = {"mj.sandbox.link-lifetime=5s", "mj.images.retry.first=1s"})
class StoredImagesFlowTest extends ProxyIntegrationTest {

    private static final Path DIR = TempDirs.create("stored-images-flow").resolve("store");

    @DynamicPropertySource
    static void imageDir(DynamicPropertyRegistry registry) {
        registry.add("mj.images.dir", DIR::toString);
    }

    @Autowired
    private DiscordEndpoints endpoints;

    @Test
    void aGridIsStoredWithItsFourPicturesAndOutlivesDiscordsLink() {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a harbour that outlives its links\"}");
        JsonNode grid = api.awaitFinal(id);

        assertThat(grid.path("status").asString()).as(grid.toString()).isEqualTo("SUCCESS");
        String imageUrl = grid.path("imageUrl").asString();
        String discordUrl = grid.path("properties").path("discordImageUrl").asString();
        assertThat(imageUrl).startsWith("http://127.0.0.1:" + port + "/mj/image/" + id + "/"); // the base the client used
        assertThat(discordUrl).contains("?ex=").contains(grid.path("properties").path("messageHash").asString());
        assertThat(grid.path("properties").has("imageStoreError")).isFalse();
        MjApi.Download stored = api.getBytes(imageUrl);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo(api.getBytes(discordUrl).body());

        JsonNode pictures = grid.path("imageUrls");
        assertThat(pictures.size()).isEqualTo(4);
        BufferedImage whole = decode(stored.body());
        int leftWidth = whole.getWidth() / 2;
        int topHeight = whole.getHeight() / 2;
        for (int n = 0; n < 4; n++) {
            JsonNode picture = pictures.get(n);
            assertThat(picture.path("index").asInt()).isEqualTo(n);
            assertThat(grid.path("properties").path("imageUrls").get(n).asString()).isEqualTo(picture.path("url").asString());
            MjApi.Download file = api.getBytes(picture.path("url").asString());
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.contentType()).isEqualTo("image/png");
            int x = n % 2 == 1 ? leftWidth : 0;
            int y = n >= 2 ? topHeight : 0;
            int width = n % 2 == 1 ? whole.getWidth() - leftWidth : leftWidth;
            int height = n >= 2 ? whole.getHeight() - topHeight : topHeight;
            assertSamePixels(decode(file.body()), whole.getSubimage(x, y, width, height), n);
        }

        sandbox().post("/cdn/expire-links", "{}");

        assertThat(api.getBytes(discordUrl).status()).as("Discord's link after it expired").isEqualTo(404);
        assertThat(api.getBytes(imageUrl).body()).as("the stored copy after Discord's link expired")
                .isEqualTo(stored.body());
        assertThat(api.getBytes(pictures.get(3).path("url").asString()).status()).isEqualTo(200);
        assertThat(api.fetch(id).path("imageUrl").asString()).isEqualTo(imageUrl);
    }

    @Test
    void anUpscaleIsStoredAsOnePicture() {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a kite kept for later\"}");
        JsonNode grid = api.awaitFinal(id);
        String upscaleId = api.submit("/mj/submit/action", "{\"taskId\": \"%s\", \"customId\": \"%s\"}"
                .formatted(id, MjApi.button(grid, "U2")));

        JsonNode upscale = api.awaitFinal(upscaleId);

        assertThat(upscale.path("status").asString()).as(upscale.toString()).isEqualTo("SUCCESS");
        assertThat(upscale.path("imageUrl").asString()).contains("/mj/image/" + upscaleId + "/");
        assertThat(upscale.has("imageUrls")).isFalse();
        assertThat(upscale.path("properties").has("imageUrls")).isFalse();
        sandbox().post("/cdn/expire-links", "{}");
        assertThat(api.getBytes(upscale.path("imageUrl").asString()).status()).isEqualTo(200);
    }

    @Test
    void whenTheStoreFailsTheTaskSucceedsWithDiscordsLinkAndGetsItsStoredCopyLater() throws IOException {
        // The store's folder replaced by a file: nothing can be written under it.
        Path moved = DIR.resolveSibling(DIR.getFileName() + "-away");
        Files.move(DIR, moved);
        Files.writeString(DIR, "not a folder");
        String id;
        try {
            id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a boat with nowhere to dock\"}");
            JsonNode task = api.awaitFinal(id);

            assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
            String discordUrl = task.path("properties").path("discordImageUrl").asString();
            assertThat(task.path("imageUrl").asString()).isEqualTo(discordUrl);
            assertThat(task.path("properties").path("imageStoreError").asString()).startsWith("storing the picture failed");
            assertThat(task.has("imageUrls")).isFalse();
            assertThat(api.getBytes(discordUrl).status()).isEqualTo(200);
            MjApi.Response health = api.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("components").path("imageStore").path("status").asString()).isEqualTo("DOWN");
        } finally {
            Files.delete(DIR);
            Files.move(moved, DIR);
        }
        // By the time the store works again, Discord's link has expired: the retry reads the message for a fresh one.
        sandbox().post("/cdn/expire-links", "{}");

        JsonNode stored = api.awaitTask(id, t -> t.path("imageUrl").asString().contains("/mj/image/"),
                "the picture stored on a later attempt");

        assertThat(stored.path("properties").has("imageStoreError")).as(stored.toString()).isFalse();
        assertThat(stored.path("imageUrls").size()).isEqualTo(4);
        assertThat(api.getBytes(stored.path("imageUrl").asString()).status()).isEqualTo(200);
        assertThat(api.getBytes(stored.path("imageUrls").get(0).path("url").asString()).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").body().path("components").path("imageStore").path("status").asString())
                .isEqualTo("UP");
    }

    private SandboxApi sandbox() {
        return new SandboxApi(endpoints.server());
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a decodable picture").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected, int picture) {
        assertThat(actual.getWidth()).as("width of picture %d", picture).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as("height of picture %d", picture).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    throw new AssertionError("picture " + picture + " differs from its quadrant at " + x + "," + y);
                }
            }
        }
    }

}
