package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.it.ProxyIntegrationTest;
import dev.mjbridge.testing.Waits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /actuator/health} of the whole app, with an api secret set, over a local store whose
 * folder is blocked by a plain file when the app starts (a read-only folder would not stop a test
 * running as root): DOWN with component {@code imageStore} and its reason, answered without the
 * secret; UP once the folder can be made, found by the probe without any new task.
 */
@TestPropertySource(properties = {"mj.api-secret=it-secret", "mj.images.health-probe-interval=100ms"})
class ImageStoreHealthSandboxTest extends ProxyIntegrationTest {

    private static final Path STORE = blockedStore();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void imageDir(DynamicPropertyRegistry registry) {
        registry.add("mj.images.dir", STORE::toString);
    }

    @Test
    void downWithTheReasonWhileTheStoreCannotBeWrittenThenUpOnceItCan() throws IOException {
        Health down = Waits.await("the health endpoint to report the blocked store", Duration.ofSeconds(30))
                .until(this::health, health -> health.status() == 503);
        assertThat(down.body().path("status").asString()).isEqualTo("DOWN");
        JsonNode imageStore = down.body().path("components").path("imageStore");
        assertThat(imageStore.path("status").asString()).isEqualTo("DOWN");
        assertThat(imageStore.path("description").asString()).startsWith("writing a probe file failed: ");
        assertThat(down.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(down.body().path("components").path("db").has("details")).as("details are never shown").isFalse();
        assertThat(down.text()).doesNotContain("it-secret");
        assertThat(get("/actuator/health/readiness").statusCode()).as("the API still serves: ready").isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        Files.delete(STORE);

        Health up = Waits.await("the probe to find the store repaired", Duration.ofSeconds(30))
                .until(this::health, health -> health.status() == 200);
        assertThat(up.body().path("status").asString()).isEqualTo("UP");
        assertThat(up.body().path("components").path("imageStore").path("status").asString()).isEqualTo("UP");
        assertThat(STORE.resolve("0/probe.png")).doesNotExist();
    }

    /** Health is open; every other actuator path needs the mj-admin-secret header (401 without it). */
    @Test
    void onlyTheHealthEndpointIsOpen() {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/info",
                "/actuator/prometheus"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(401);
        }
    }

    private Health health() {
        HttpResponse<String> response = get("/actuator/health");
        return new Health(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path blockedStore() {
        try {
            Path dir = Files.createTempDirectory("mj-images-health");
            dir.toFile().deleteOnExit();
            Path store = dir.resolve("store");
            Files.writeString(store, "a file where the store's folder should be");
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Health(int status, String text, JsonNode body) {
    }
}
