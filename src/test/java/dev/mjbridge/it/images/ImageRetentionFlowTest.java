package dev.mjbridge.it.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.images.ImageRetention;
import dev.mjbridge.images.PrunedTask;
import dev.mjbridge.it.ProxyIntegrationTest;
import dev.mjbridge.testing.TempDirs;
import tools.jackson.databind.JsonNode;

/**
 * Retention deletes a finished task's stored pictures (here: the store may hold one byte, so
 * every task is over the limit), and the task carries Discord's link again instead of a stored
 * link that no longer works.
 */
@TestPropertySource(properties = "mj.images.max-bytes=1B")
class ImageRetentionFlowTest extends ProxyIntegrationTest {

    private static final Path DIR = TempDirs.create("image-retention-flow").resolve("store");

    @DynamicPropertySource
    static void imageDir(DynamicPropertyRegistry registry) {
        registry.add("mj.images.dir", DIR::toString);
    }

    @Autowired
    private ImageRetention retention;

    @Test
    void aPrunedTaskShowsDiscordsLinkAgain() {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a sandcastle at high tide\"}");
        JsonNode stored = api.awaitFinal(id);
        String storedUrl = stored.path("imageUrl").asString();
        assertThat(storedUrl).as(stored.toString()).contains("/mj/image/" + id + "/");
        assertThat(api.getBytes(storedUrl).status()).isEqualTo(200);

        List<PrunedTask> pruned = retention.runNow();

        assertThat(pruned).extracting(PrunedTask::taskId).contains(id);
        assertThat(api.getBytes(storedUrl).status()).isEqualTo(404);
        JsonNode after = api.fetch(id);
        assertThat(after.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(after.path("imageUrl").asString()).isEqualTo(stored.path("properties").path("discordImageUrl").asString());
        assertThat(after.has("imageUrls")).isFalse();
        assertThat(after.path("properties").has("imageUrls")).isFalse();
        assertThat(after.path("buttons")).isEqualTo(stored.path("buttons"));
    }

}
