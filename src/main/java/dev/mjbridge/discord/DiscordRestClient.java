package dev.mjbridge.discord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Discord REST for one user account: interactions, uploads, messages, reactions.
 * Everything is asynchronous (no thread waits for Discord). Requests go through the
 * account's {@link RateLimitedSender}: per-bucket queues, 429s waited out, 5xx and network
 * errors retried with backoff; other 4xx fail with Discord's own message.
 */
public final class DiscordRestClient {

    private final DiscordCredentials credentials;
    private final DiscordEndpoints endpoints;
    private final ObjectMapper json;
    private final HttpClient http;
    private final RestRetryPolicy policy;
    private final RateLimitedSender sender;

    public DiscordRestClient(String accountId, DiscordCredentials credentials, DiscordEndpoints endpoints,
                             ObjectMapper json, HttpClient http, ScheduledExecutorService scheduler,
                             RestRetryPolicy policy) {
        this(accountId, credentials, endpoints, json, http, RestScheduler.of(scheduler), Clock.systemUTC(), policy,
                RestMeters.none());
    }

    public DiscordRestClient(String accountId, DiscordCredentials credentials, DiscordEndpoints endpoints,
                             ObjectMapper json, HttpClient http, ScheduledExecutorService scheduler,
                             RestRetryPolicy policy, RestMeters meters) {
        this(accountId, credentials, endpoints, json, http, RestScheduler.of(scheduler), Clock.systemUTC(), policy,
                meters);
    }

    public DiscordRestClient(String accountId, DiscordCredentials credentials, DiscordEndpoints endpoints,
                             ObjectMapper json, HttpClient http, RestScheduler scheduler, Clock clock,
                             RestRetryPolicy policy) {
        this(accountId, credentials, endpoints, json, http, scheduler, clock, policy, RestMeters.none());
    }

    public DiscordRestClient(String accountId, DiscordCredentials credentials, DiscordEndpoints endpoints,
                             ObjectMapper json, HttpClient http, RestScheduler scheduler, Clock clock,
                             RestRetryPolicy policy, RestMeters meters) {
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.json = json;
        this.http = http;
        this.policy = policy;
        this.sender = new RateLimitedSender(accountId, json, clock, scheduler, policy, meters);
    }

    /** The HTTP client this account sends with (shared with every account behind the same proxy). */
    public HttpClient httpClient() {
        return http;
    }

    /** {@code POST /interactions}; completes when Discord answered 204. */
    public CompletableFuture<Void> postInteraction(ObjectNode payload) {
        return send(Call.json("POST", endpoints.api("/interactions"), json.writeValueAsString(payload)))
                .thenApply(response -> (Void) null);
    }

    /** {@code POST /channels/{id}/attachments}: one upload slot per file, in order. */
    public CompletableFuture<List<UploadSlot>> reserveUploads(String channelId, List<String> filenames, List<Integer> sizes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode files = body.putArray("files");
        for (int i = 0; i < filenames.size(); i++) {
            ObjectNode file = files.addObject();
            file.put("filename", filenames.get(i));
            file.put("file_size", sizes.get(i));
            file.put("id", Integer.toString(i));
        }
        return send(Call.json("POST", endpoints.api("/channels/" + channelId + "/attachments"), json.writeValueAsString(body)))
                .thenApply(response -> {
                    JsonNode attachments = parse(response).path("attachments");
                    List<UploadSlot> slots = new ArrayList<>();
                    for (int i = 0; i < attachments.size(); i++) {
                        JsonNode a = attachments.get(i);
                        slots.add(new UploadSlot(a.path("id").asString(Integer.toString(i)), filenames.get(i),
                                endpoints.uploadUrl(a.path("upload_url").asString()), a.path("upload_filename").asString()));
                    }
                    if (slots.size() != filenames.size()) {
                        throw new DiscordApiException(response.status(), 0,
                                "Discord reserved " + slots.size() + " upload slots for " + filenames.size() + " files");
                    }
                    return slots;
                });
    }

    /** PUTs the bytes to a reserved upload URL (a storage host, so no Authorization header). */
    public CompletableFuture<Void> upload(UploadSlot slot, byte[] bytes, String contentType) {
        return send(new Call("PUT", URI.create(slot.uploadUrl()), HttpRequest.BodyPublishers.ofByteArray(bytes),
                contentType, false)).thenApply(response -> (Void) null);
    }

    /** {@code POST /channels/{id}/messages} with a JSON body; returns the created message. */
    public CompletableFuture<JsonNode> sendMessage(String channelId, ObjectNode body) {
        return send(Call.json("POST", endpoints.api("/channels/" + channelId + "/messages"), json.writeValueAsString(body)))
                .thenApply(this::parse);
    }

    /** The newest {@code limit} (1-100) messages of a channel, newest first. */
    public CompletableFuture<List<JsonNode>> recentMessages(String channelId, int limit) {
        URI uri = endpoints.api("/channels/" + channelId + "/messages?limit=" + Math.max(1, Math.min(100, limit)));
        return send(new Call("GET", uri, HttpRequest.BodyPublishers.noBody(), null, true)).thenApply(response -> {
            List<JsonNode> messages = new ArrayList<>();
            parse(response).forEach(messages::add);
            return messages;
        });
    }

    /** One message of a channel; its attachment links are freshly signed, as Discord hands them out on every read. */
    public CompletableFuture<JsonNode> message(String channelId, String messageId) {
        URI uri = endpoints.api("/channels/" + channelId + "/messages/" + messageId);
        return send(new Call("GET", uri, HttpRequest.BodyPublishers.noBody(), null, true)).thenApply(this::parse);
    }

    public CompletableFuture<Void> addReaction(String channelId, String messageId, String emoji) {
        String encoded = URLEncoder.encode(emoji, StandardCharsets.UTF_8);
        URI uri = endpoints.api("/channels/" + channelId + "/messages/" + messageId + "/reactions/" + encoded + "/@me");
        return send(new Call("PUT", uri, HttpRequest.BodyPublishers.noBody(), null, true)).thenApply(response -> (Void) null);
    }

    /** {@code GET /users/@me}: proves the token works and tells the user id. */
    public CompletableFuture<JsonNode> me() {
        return send(new Call("GET", endpoints.api("/users/@me"), HttpRequest.BodyPublishers.noBody(), null, true))
                .thenApply(this::parse);
    }

    /** A JSON POST to an absolute URL outside the API (the inpaint app), with the user's token. */
    public CompletableFuture<JsonNode> postJsonTo(URI uri, ObjectNode body) {
        return send(Call.json("POST", uri, json.writeValueAsString(body))).thenApply(this::parse);
    }

    // ---- sending ------------------------------------------------------------------------

    private record Call(String method, URI uri, HttpRequest.BodyPublisher body, String contentType, boolean authorized) {

        static Call json(String method, URI uri, String body) {
            return new Call(method, uri, HttpRequest.BodyPublishers.ofString(body), "application/json", true);
        }

        String description() {
            return method + " " + uri.getPath();
        }
    }

    /**
     * Sends through the account's rate limits; every retry rebuilds the request from the same
     * call, so an interaction is resent with the same body and nonce. Answers below 400 complete
     * the future, other 4xx fail it with Discord's message.
     */
    private CompletableFuture<RestResponse> send(Call call) {
        RateLimitedSender.Request request = new RateLimitedSender.Request(RestRoute.of(call.method(), call.uri()),
                call.description(), () -> http.sendAsync(build(call), HttpResponse.BodyHandlers.ofString())
                .thenApply(RestResponse::of));
        // Upload URLs point at a storage host: Discord's API limits do not cover them.
        CompletableFuture<RestResponse> answer = call.authorized() ? sender.submit(request) : sender.submitUnqueued(request);
        return answer.thenApply(response -> {
            if (response.status() >= 400) {
                throw errorOf(response);
            }
            return response;
        });
    }

    private HttpRequest build(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(policy.requestTimeout())
                .header("User-Agent", credentials.userAgent())
                .method(call.method(), call.body());
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.authorized()) {
            request.header("Authorization", credentials.userToken());
        }
        return request.build();
    }

    private DiscordApiException errorOf(RestResponse response) {
        JsonNode body = parseQuietly(response.body());
        String message = body.path("message").asString("HTTP " + response.status());
        JsonNode errors = body.path("errors");
        if (errors.isObject()) {
            List<String> details = new ArrayList<>();
            collectErrors(errors, "", details);
            if (!details.isEmpty()) {
                message = message + ": " + String.join("; ", details);
            }
        }
        return new DiscordApiException(response.status(), body.path("code").asInt(0), message);
    }

    private static void collectErrors(JsonNode node, String path, List<String> out) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if ("_errors".equals(entry.getKey())) {
                entry.getValue().forEach(e -> out.add((path.isEmpty() ? "" : path + ": ") + e.path("message").asString("")));
            } else if (entry.getValue().isObject()) {
                collectErrors(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), out);
            }
        }
    }

    private JsonNode parse(RestResponse response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node == null ? JsonNodeFactory.instance.objectNode() : node;
        } catch (JacksonException e) {
            throw new DiscordApiException(response.status(), 0, "Discord answered with something that is not JSON");
        }
    }

    private JsonNode parseQuietly(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            return node == null ? JsonNodeFactory.instance.objectNode() : node;
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }


}
