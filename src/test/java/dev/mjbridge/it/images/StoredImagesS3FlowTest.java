package dev.mjbridge.it.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;
import dev.mjbridge.it.SandboxApi;
import dev.mjbridge.testing.S3MockServer;
import tools.jackson.databind.JsonNode;

/**
 * The same lasting results with the pictures in an S3 bucket (a real S3-compatible server):
 * served through this service, or (presign) by a redirect to the bucket; both outlive Discord's
 * links.
 */
@TestPropertySource(properties = {"mj.sandbox.link-lifetime=5s", "mj.images.store=s3",
        "mj.images.s3.bucket=" + S3MockServer.BUCKET, "mj.images.s3.prefix=flow", "mj.images.s3.path-style=true",
        "mj.images.s3.access-key=" + S3MockServer.ACCESS_KEY, "mj.images.s3.secret-key=" + S3MockServer.SECRET_KEY,
        "mj.images.s3.presign=true"})
class StoredImagesS3FlowTest extends ProxyIntegrationTest {

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        registry.add("mj.images.s3.endpoint", () -> S3MockServer.shared().endpoint());
    }

    @Autowired
    private DiscordEndpoints endpoints;

    @Test
    void aGridKeptInABucketOutlivesDiscordsLink() {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a harbour kept in a bucket\"}");
        JsonNode grid = api.awaitFinal(id);

        assertThat(grid.path("status").asString()).as(grid.toString()).isEqualTo("SUCCESS");
        assertThat(grid.path("imageUrl").asString()).contains("/mj/image/" + id + "/");
        assertThat(grid.path("properties").has("imageStoreError")).isFalse();
        String discordUrl = grid.path("properties").path("discordImageUrl").asString();
        byte[] original = api.getBytes(discordUrl).body();

        new SandboxApi(endpoints.server()).post("/cdn/expire-links", "{}");

        assertThat(api.getBytes(discordUrl).status()).isEqualTo(404);
        // The presigned redirect is followed to the bucket, as a browser would.
        MjApi.Download stored = api.getBytes(grid.path("imageUrl").asString());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo(original);
        assertThat(grid.path("imageUrls").size()).isEqualTo(4);
        for (JsonNode picture : grid.path("imageUrls")) {
            MjApi.Download file = api.getBytes(picture.path("url").asString());
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
