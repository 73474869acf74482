package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.it.EventStreamClient;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;

/** The api secret in the real servlet container, including paths written to slip past a naive check. */
@TestPropertySource(properties = "mj.api-secret=it-secret")
class ApiSecretSandboxTest extends ProxyIntegrationTest {

    @Test
    void withoutTheHeaderEveryApiPathIs401() {
        for (String path : new String[] {"/mj/task/list", "/mj-fast/mj/task/list", "/%6Dj/task/list",
                "/mj;x=1/task/list", "/other/../mj/task/list", "//mj/task/list"}) {
            MjApi.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.body().path("code").asInt()).as(path).isEqualTo(4);
        }
    }

    @Test
    void withTheHeaderTheApiAnswers() {
        MjApi authorized = api.withSecret("it-secret");

        assertThat(authorized.get("/mj/task/list").status()).isEqualTo(200);
        assertThat(authorized.post("/mj/submit/imagine", "{}").body().path("code").asInt()).isEqualTo(4);
        assertThat(api.withSecret("it-secreT").get("/mj/task/list").status()).isEqualTo(401);
    }

    @Test
    void theEventStreamsNeedTheSecretToo() {
        for (String path : new String[] {"/mj/task/events", "/mj/task/x/events", "/mj-fast/mj/task/events"}) {
            try (EventStreamClient refused = EventStreamClient.open(port, path)) {
                assertThat(refused.status()).as(path).isEqualTo(401);
                assertThat(refused.errorBody()).as(path).contains("\"code\":4");
            }
        }
        try (EventStreamClient stream = EventStreamClient.open(port, "/mj/task/events", Map.of("mj-api-secret", "it-secret"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        }
    }
}
