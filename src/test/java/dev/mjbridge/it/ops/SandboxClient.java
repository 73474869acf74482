package dev.mjbridge.it.ops;

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
 * The sandbox as a test sees it from outside: its control API under {@code /sandbox} and
 * its Discord REST API, over HTTP, as docs/sandbox.md describes them. The proxy only knows
 * the sandbox's base URL, so tests do not reach into its objects either.
 */
final class SandboxClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** @param restBase the sandbox's base URL, the value of {@code mj.discord.server} */
    SandboxClient(String restBase) {
        this.base = restBase.endsWith("/") ? restBase.substring(0, restBase.length() - 1) : restBase;
    }

    void pauseBot() {
        control("POST", "/bot/pause");
    }

    void resumeBot() {
        control("POST", "/bot/resume");
    }

    boolean botPaused() {
        return control("GET", "/bot").path("paused").asBoolean();
    }

    /** Interactions the sandbox received with this nonce, oldest first. */
    JsonNode interactionsWithNonce(String nonce) {
        return control("GET", "/received/interactions?nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8))
                .path("interactions");
    }

    /** One channel message as Discord's REST API returns it to {@code token}. */
    JsonNode message(String token, String channelId, String messageId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v9/channels/" + channelId + "/messages/" + messageId))
                .header("Authorization", token).GET());
    }

    private JsonNode control(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/sandbox" + path))
                .header("Content-Type", "application/json")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        return send(request);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(MjApi.WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("sandbox answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? MjApi.json().nullNode() : MjApi.json().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
