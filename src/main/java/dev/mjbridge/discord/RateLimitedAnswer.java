package dev.mjbridge.discord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a 429 says: how long to wait and whether the whole token (global) or only the
 * route's bucket is limited. The JSON body's {@code retry_after} (seconds, fractional)
 * wins over the {@code Retry-After} header (whole seconds); with neither, one second.
 * {@code global} is the body's flag, {@code X-RateLimit-Global}, or scope {@code global};
 * scope {@code shared} (a limit on the resource, not on us) is waited out on the bucket.
 */
record RateLimitedAnswer(long retryAfterMillis, boolean global, String scope) {

    private static final long UNKNOWN_WAIT_MS = 1_000;

    static RateLimitedAnswer of(RestResponse response, RateLimitHeaders headers, ObjectMapper json) {
        JsonNode body = parseQuietly(response.body(), json);
        double seconds = body.path("retry_after").isNumber() ? body.path("retry_after").asDouble()
                : RateLimitHeaders.parseOr(response.header("Retry-After"), -1);
        long waitMillis = seconds >= 0 ? (long) Math.ceil(seconds * 1000) : UNKNOWN_WAIT_MS;
        boolean global = body.path("global").asBoolean(false) || headers.global();
        return new RateLimitedAnswer(waitMillis, global, headers.scope());
    }

    private static JsonNode parseQuietly(String body, ObjectMapper json) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }
}
