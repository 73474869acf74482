package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The embedded sandbox's control API ({@code <sandbox base>/sandbox}, docs/sandbox.md) over
 * a real socket: in sandbox mode this is the only handle a test has on the simulated bot.
 * Every call must answer 2xx, or the test fails with the sandbox's error.
 */
final class SandboxControlApi {

    /** The two simulated users of sandbox mode: accounts sandbox-1 and sandbox-2. */
    static final String USER_1 = "1100000000000000011";
    static final String USER_2 = "1100000000000000012";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String discordBase;

    /** {@code sandboxBaseUrl}: the sandbox's {@code http://host:port}, i.e. {@code mj.discord.server}. */
    SandboxControlApi(String sandboxBaseUrl) {
        this.base = sandboxBaseUrl.replaceAll("/+$", "") + "/sandbox";
        this.discordBase = sandboxBaseUrl.replaceAll("/+$", "") + "/api/v9";
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET on the simulated Discord's REST API as the user of {@code token}. */
    JsonNode discordGet(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(discordBase + path)).header("Authorization", token).GET());
    }

    JsonNode put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The simulated bot's time scale: how long one fast job runs. */
    JsonNode setFastJobMillis(long millis) {
        return put("/bot/job-duration", "{\"fastJobMs\": " + millis + "}");
    }

    JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /**
     * Arms a replay scenario from {@code src/test/resources/<resource>} for one user only (flow
     * tests share the sandbox): it answers that user's next matching interaction in place of the bot.
     */
    JsonNode armScenario(String resource, String userId) {
        try (var in = SandboxControlApi.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no test resource " + resource);
            }
            tools.jackson.databind.node.ObjectNode scenario =
                    (tools.jackson.databind.node.ObjectNode) MjApi.json().readTree(in.readAllBytes());
            ((tools.jackson.databind.node.ObjectNode) scenario.get("match")).put("userId", userId);
            return send(HttpRequest.newBuilder(URI.create(base + "/scenarios"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(scenario.toString())));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    JsonNode disarmScenarios() {
        return delete("/scenarios");
    }

    JsonNode pauseBot() {
        return post("/bot/pause");
    }

    JsonNode resumeBot() {
        return post("/bot/resume");
    }

    JsonNode setRemix(String userId, boolean remix) {
        return patch("/users/" + userId, "{\"remix\": " + remix + "}");
    }

    JsonNode uploads() {
        return get("/received/uploads");
    }

    /** Interactions the sandbox received with this nonce, oldest first. */
    JsonNode interactionsWithNonce(String nonce) {
        return get("/received/interactions?nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(MjApi.WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("sandbox " + response.request().method() + " "
                        + response.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return MjApi.json().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
