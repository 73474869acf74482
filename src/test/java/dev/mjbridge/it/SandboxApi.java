package dev.mjbridge.it;

import dev.mjbridge.testing.Waits;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The embedded sandbox's control API (docs/sandbox.md) over HTTP, as an operator or a
 * CI script would drive it: change a simulated user's Midjourney state, pause the bot,
 * send raw dispatches.
 */
public final class SandboxApi {

    /** The simulated users behind accounts sandbox-1 and sandbox-2. */
    public static final String USER_1 = "1100000000000000011";
    public static final String USER_2 = "1100000000000000012";
    /** What a simulated user starts with; {@link #restoreUser} goes back to it. */
    public static final String GOOD_USER = """
            {"plan": "STANDARD", "fastHours": 15, "mode": "FAST", "remix": false, "standing": "GOOD",
             "captchaNext": false}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** @param restBase the sandbox's REST base ({@code mj.discord.server} in sandbox mode) */
    public SandboxApi(String restBase) {
        this.base = restBase + "/sandbox";
    }

    public JsonNode patchUser(String userId, String json) {
        return send("PATCH", "/users/" + userId, json);
    }

    public JsonNode user(String userId) {
        return send("GET", "/users/" + userId, null);
    }

    /** Any GET of the control API, e.g. {@code /received/interactions?nonce=...}. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** Any POST of the control API, e.g. {@code /gateway/close} with {@code {"userId", "code"}}. */
    public JsonNode post(String path, String json) {
        return send("POST", path, json);
    }

    public void restoreUser(String userId) {
        patchUser(userId, GOOD_USER);
    }

    public void pauseBot() {
        send("POST", "/bot/pause", "{}");
    }

    public void resumeBot() {
        send("POST", "/bot/resume", "{}");
    }

    /** One raw gateway dispatch to every session of the user; {@code dataJson} may be any JSON value. */
    public JsonNode dispatch(String userId, String event, String dataJson) {
        return send("POST", "/gateway/dispatch",
                "{\"userId\": \"" + userId + "\", \"event\": \"" + event + "\", \"data\": " + dataJson + "}");
    }

    /** Polls the user until its Midjourney state matches, or fails the test naming what it awaited and the last state. */
    public JsonNode awaitUser(String userId, Predicate<JsonNode> midjourney, String what) {
        return Waits.await("sandbox user " + userId + " " + what, MjApi.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> user(userId), user -> midjourney.test(user.path("midjourney")));
    }

    private JsonNode send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(MjApi.WAIT)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : MjApi.json().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
