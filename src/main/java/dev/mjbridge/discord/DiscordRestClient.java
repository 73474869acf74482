package dev.mjbridge.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Discord REST for one user account: interactions, uploads, messages, reactions.
 * Everything is asynchronous (no thread waits for Discord). 429s are waited out per
 * route and globally, 5xx and network errors are retried with backoff, and other 4xx
 * fail with Discord's own message.
 */
public final class DiscordRestClient {

    private static final Logger log = LoggerFactory.getLogger(DiscordRestClient.class);

    private final String accountId;
    private final DiscordCredentials credentials;
    private final DiscordEndpoints endpoints;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final RestRetryPolicy policy;
    private final Map<String, Long> routeBlockedUntil = new ConcurrentHashMap<>();
    private volatile long globalBlockedUntil;

    public DiscordRestClient(String accountId, DiscordCredentials credentials, DiscordEndpoints endpoints,
                             ObjectMapper json, HttpClient http, ScheduledExecutorService scheduler,
                             RestRetryPolicy policy) {
        this.accountId = accountId;
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.json = json;
        this.http = http;
        this.scheduler = scheduler;
        this.policy = policy;
    }

    /** {@code POST /interactions}; completes when Discord answered 204. */
    public CompletableFuture<Void> postInteraction(ObjectNode payload) {
        return send(Call.json("POST", endpoints.api("/interactions"), json.writeValueAsString(payload)))
                .thenApply(response -> null);
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
                        throw new DiscordApiException(response.statusCode(), 0,
                                "Discord reserved " + slots.size() + " upload slots for " + filenames.size() + " files");
                    }
                    return slots;
                });
    }

    /** PUTs the bytes to a reserved upload URL (a storage host, so no Authorization header). */
    public CompletableFuture<Void> upload(UploadSlot slot, byte[] bytes, String contentType) {
        return send(new Call("PUT", URI.create(slot.uploadUrl()), HttpRequest.BodyPublishers.ofByteArray(bytes),
                contentType, false)).thenApply(response -> null);
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

    public CompletableFuture<Void> addReaction(String channelId, String messageId, String emoji) {
        String encoded = URLEncoder.encode(emoji, StandardCharsets.UTF_8);
        URI uri = endpoints.api("/channels/" + channelId + "/messages/" + messageId + "/reactions/" + encoded + "/@me");
        return send(new Call("PUT", uri, HttpRequest.BodyPublishers.noBody(), null, true)).thenApply(response -> null);
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

    // ---- the request loop --------------------------------------------------------------

    private record Call(String method, URI uri, HttpRequest.BodyPublisher body, String contentType, boolean authorized) {

        static Call json(String method, URI uri, String body) {
            return new Call(method, uri, HttpRequest.BodyPublishers.ofString(body), "application/json", true);
        }

        /** Rate-limit bucket: method and path with message ids folded, as Discord's major parameters are. */
        String route() {
            return method + " " + uri.getHost() + uri.getPath().replaceAll("/messages/\\d+", "/messages/:id");
        }
    }

    private CompletableFuture<HttpResponse<String>> send(Call call) {
        CompletableFuture<HttpResponse<String>> result = new CompletableFuture<>();
        attempt(call, 0, 0, result);
        return result;
    }

    private void attempt(Call call, int rateLimitWaits, int serverRetries, CompletableFuture<HttpResponse<String>> result) {
        long now = System.currentTimeMillis();
        long blockedUntil = Math.max(globalBlockedUntil, routeBlockedUntil.getOrDefault(call.route(), 0L));
        if (blockedUntil > now) {
            scheduler.schedule(() -> attempt(call, rateLimitWaits, serverRetries, result), blockedUntil - now, TimeUnit.MILLISECONDS);
            return;
        }
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
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                retryAfterServerError(call, rateLimitWaits, serverRetries, result, 0, Throwables.rootMessage(error));
                return;
            }
            int status = response.statusCode();
            noteRateLimitHeaders(call, response);
            if (status == 429) {
                onRateLimited(call, rateLimitWaits, serverRetries, result, response);
            } else if (status >= 500) {
                retryAfterServerError(call, rateLimitWaits, serverRetries, result, status, "HTTP " + status);
            } else if (status >= 400) {
                result.completeExceptionally(errorOf(response));
            } else {
                result.complete(response);
            }
        });
    }

    private void onRateLimited(Call call, int waits, int serverRetries, CompletableFuture<HttpResponse<String>> result,
                               HttpResponse<String> response) {
        JsonNode body = parseQuietly(response.body());
        double retryAfterSeconds = body.path("retry_after").isNumber() ? body.path("retry_after").asDouble()
                : response.headers().firstValue("Retry-After").map(DiscordRestClient::parseDouble).orElse(1.0);
        long until = System.currentTimeMillis() + (long) Math.ceil(retryAfterSeconds * 1000);
        boolean global = body.path("global").asBoolean(false)
                || response.headers().firstValue("X-RateLimit-Global").map("true"::equalsIgnoreCase).orElse(false);
        if (global) {
            globalBlockedUntil = Math.max(globalBlockedUntil, until);
        } else {
            routeBlockedUntil.merge(call.route(), until, Math::max);
        }
        if (waits >= policy.maxRateLimitWaits()) {
            result.completeExceptionally(new DiscordApiException(429, 0,
                    "Discord kept rate limiting " + call.method() + " " + call.uri().getPath()));
            return;
        }
        log.info("account {}: rate limited on {} for {} s (global={})", accountId, call.route(), retryAfterSeconds, global);
        attempt(call, waits + 1, serverRetries, result);
    }

    private void retryAfterServerError(Call call, int waits, int serverRetries,
                                       CompletableFuture<HttpResponse<String>> result, int status, String why) {
        if (serverRetries >= policy.maxServerErrorRetries()) {
            result.completeExceptionally(new DiscordApiException(status, 0,
                    "Discord did not answer " + call.method() + " " + call.uri().getPath() + " after "
                            + (serverRetries + 1) + " tries (" + why + ")"));
            return;
        }
        Duration delay = policy.backoff().delay(serverRetries);
        log.info("account {}: {} on {}; retry {} in {} ms", accountId, why, call.route(), serverRetries + 1, delay.toMillis());
        scheduler.schedule(() -> attempt(call, waits, serverRetries + 1, result), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits proactively when Discord says the bucket is empty, instead of earning a 429. */
    private void noteRateLimitHeaders(Call call, HttpResponse<String> response) {
        String remaining = response.headers().firstValue("X-RateLimit-Remaining").orElse(null);
        String resetAfter = response.headers().firstValue("X-RateLimit-Reset-After").orElse(null);
        if ("0".equals(remaining) && resetAfter != null) {
            long until = System.currentTimeMillis() + (long) Math.ceil(parseDouble(resetAfter) * 1000);
            routeBlockedUntil.merge(call.route(), until, Math::max);
        }
    }

    private DiscordApiException errorOf(HttpResponse<String> response) {
        JsonNode body = parseQuietly(response.body());
        String message = body.path("message").asString("HTTP " + response.statusCode());
        JsonNode errors = body.path("errors");
        if (errors.isObject()) {
            List<String> details = new ArrayList<>();
            collectErrors(errors, "", details);
            if (!details.isEmpty()) {
                message = message + ": " + String.join("; ", details);
            }
        }
        return new DiscordApiException(response.statusCode(), body.path("code").asInt(0), message);
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

    private JsonNode parse(HttpResponse<String> response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node == null ? JsonNodeFactory.instance.objectNode() : node;
        } catch (JacksonException e) {
            throw new DiscordApiException(response.statusCode(), 0, "Discord answered with something that is not JSON");
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

    private static double parseDouble(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }

}
