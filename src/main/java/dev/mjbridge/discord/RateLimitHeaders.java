package dev.mjbridge.discord;

import java.util.Locale;

/**
 * The {@code X-RateLimit-*} headers of one answer, read as Discord documents them.
 * Numbers that are missing or unreadable are -1 (unknown), never guessed.
 *
 * @param bucket        {@code X-RateLimit-Bucket}: Discord's name of the route's bucket (with the
 *                      route's major parameter it identifies the limit), or null
 * @param limit         {@code X-RateLimit-Limit}: requests per window
 * @param remaining     {@code X-RateLimit-Remaining}: requests left in this window
 * @param resetAtMillis when the window resets on our clock: now + {@code Reset-After}, else the
 *                      absolute {@code X-RateLimit-Reset} (epoch seconds); -1 when neither came
 * @param global        {@code X-RateLimit-Global: true}, or {@code X-RateLimit-Scope: global}
 * @param scope         {@code X-RateLimit-Scope} ({@code user}, {@code global}, {@code shared}), lower case, or ""
 */
record RateLimitHeaders(String bucket, int limit, int remaining, long resetAtMillis, boolean global, String scope) {

    static RateLimitHeaders of(RestResponse response, long nowMillis) {
        String bucket = blankToNull(response.header("X-RateLimit-Bucket"));
        int limit = (int) parseOr(response.header("X-RateLimit-Limit"), -1);
        int remaining = (int) parseOr(response.header("X-RateLimit-Remaining"), -1);
        double resetAfter = parseOr(response.header("X-RateLimit-Reset-After"), -1);
        double resetAt = parseOr(response.header("X-RateLimit-Reset"), -1);
        // Reset-After is preferred: it does not depend on our clock agreeing with Discord's.
        long resetAtMillis = resetAfter >= 0 ? nowMillis + (long) Math.ceil(resetAfter * 1000)
                : resetAt >= 0 ? (long) Math.ceil(resetAt * 1000) : -1;
        String scope = response.header("X-RateLimit-Scope");
        scope = scope == null ? "" : scope.trim().toLowerCase(Locale.ROOT);
        boolean global = "true".equalsIgnoreCase(trimmed(response.header("X-RateLimit-Global"))) || "global".equals(scope);
        return new RateLimitHeaders(bucket, limit, remaining, resetAtMillis, global, scope);
    }

    /** The bucket says it is empty until {@link #resetAtMillis()}. */
    boolean exhausted() {
        return remaining == 0 && resetAtMillis >= 0;
    }

    static double parseOr(String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return Double.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
