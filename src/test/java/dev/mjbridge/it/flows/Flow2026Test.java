package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flows of Midjourney's 2026 forms (V7 upscale buttons, Animate, video upscale, Cancel Job,
 * rating) on account sandbox-1: made by the simulated bot, or played by the sandbox's replay
 * scenarios in {@code scenarios/2026/} (written from captured traffic) for its user.
 */
abstract class Flow2026Test extends FlowTest {

    protected static final String ACCOUNT = "sandbox-1";
    protected static final String SCENARIOS = "scenarios/2026/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterEach
    void disarmLeftoverScenarios() {
        sandbox.disarmScenarios();
    }

    protected void arm(String scenario) {
        sandbox.armScenario(SCENARIOS + scenario, SandboxControlApi.USER_1);
    }

    /** A grid on sandbox-1 and its U1, both made by the simulated bot (which speaks V7). */
    protected JsonNode simulatedUpscale(String prompt) {
        return pressAndFinish(gridOnAccount(prompt), "U1", "UPSCALE");
    }

    /** A grid on sandbox-1, then its U1 answered by a scenario with the captured V7 buttons. */
    protected JsonNode upscaleOnAccount(String prompt) {
        JsonNode grid = gridOnAccount(prompt);
        arm("upscale-v7.json");
        JsonNode upscale = api.awaitFinal(press(grid, "U1"));
        assertThat(upscale.path("status").asString()).as(upscale.toString()).isEqualTo("SUCCESS");
        assertThat(upscale.path("action").asString()).isEqualTo("UPSCALE");
        return upscale;
    }

    private JsonNode gridOnAccount(String prompt) {
        String id = api.submit("/mj/submit/imagine", """
                {"prompt": "%s", "accountFilter": {"instanceId": "%s"}}""".formatted(prompt, ACCOUNT));
        return assertSucceeded(api.awaitFinal(id), "IMAGINE");
    }

    protected static void assertNoVideoFields(JsonNode task) {
        assertThat(task.has("videoUrl")).as(task.toString()).isFalse();
        assertThat(task.has("videoUrls")).as(task.toString()).isFalse();
    }

    /** Downloads a video as a client would: HTTP 200, {@code video/mp4}, an ISO BMFF file. */
    protected static byte[] downloadMp4(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(MjApi.WAIT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as("type of " + url)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("video/mp4"));
            byte[] bytes = response.body();
            assertThat(bytes.length).as("size of " + url).isGreaterThan(8);
            assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).as("first box of " + url).isEqualTo("ftyp");
            return bytes;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
