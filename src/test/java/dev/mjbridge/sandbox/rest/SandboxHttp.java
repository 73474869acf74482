package dev.mjbridge.sandbox.rest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A plain JDK HTTP client for the sandbox's REST and control APIs, the way any Discord
 * client would talk to it: no Spring, no helpers that could hide a wrong status.
 */
public final class SandboxHttp {

    public static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;

    /** {@code base}: the sandbox's {@code http://host:port}. */
    public SandboxHttp(String base) {
        this.base = base;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    /** A control API call: no token. */
    public Response control(String method, String path, String json) {
        return send(method, path, null, json);
    }

    public Response send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", token);
        }
        return execute(request.build());
    }

    /** A body sent with exactly this Content-Type (null: no header), as curl -d would. */
    public Response sendTyped(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return execute(request.build());
    }

    public Response putBytes(String url, byte[] bytes) {
        return execute(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private Response execute(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The user id the sandbox gives a token (creating the user in open mode). */
    public String userIdOf(String token) {
        Response me = get("/api/v9/users/@me", token);
        if (me.status() != 200) {
            throw new AssertionError("GET /users/@me: " + me);
        }
        return me.json().path("id").asString();
    }

    /** An interaction body as a user client sends it. */
    public static String imagine(String guildId, String channelId, String sessionId, String nonce, String prompt) {
        return "{\"type\":2,\"application_id\":\"936929561302675456\",\"guild_id\":\"" + guildId + "\",\"channel_id\":\""
                + channelId + "\",\"session_id\":\"" + sessionId + "\",\"nonce\":\"" + nonce + "\",\"data\":{\"version\":"
                + "\"1237876415471554623\",\"id\":\"938956540159881230\",\"name\":\"imagine\",\"type\":1,\"options\":"
                + "[{\"type\":3,\"name\":\"prompt\",\"value\":" + JSON.writeValueAsString(prompt) + "}],\"attachments\":[]}}";
    }

    public static String button(String guildId, String channelId, String sessionId, String nonce, String messageId,
                                String customId) {
        return "{\"type\":3,\"application_id\":\"936929561302675456\",\"guild_id\":\"" + guildId + "\",\"channel_id\":\""
                + channelId + "\",\"session_id\":\"" + sessionId + "\",\"nonce\":\"" + nonce + "\",\"message_id\":\""
                + messageId + "\",\"message_flags\":0,\"data\":{\"component_type\":2,\"custom_id\":\"" + customId + "\"}}";
    }
}
