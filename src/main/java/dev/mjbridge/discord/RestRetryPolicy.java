package dev.mjbridge.discord;

import java.time.Duration;

/**
 * How hard the REST client tries: 429s are waited out (Discord says how long) up to
 * {@code maxRateLimitWaits} times; 5xx and network errors are retried with backoff up to
 * {@code maxServerErrorRetries} times. Interactions are resent with the same nonce, so a
 * retry never starts a second job.
 *
 * @param rateLimitFloor          the least wait after a 429, doubling with each 429 of the same
 *                                request up to {@link #MAX_RATE_LIMIT_FLOOR}: a storm of 429s that
 *                                say "retry after 0" must not make the client spin
 * @param globalRequestsPerSecond Discord's global limit per token; requests beyond it wait for the
 *                                next second instead of earning a global 429
 */
public record RestRetryPolicy(int maxRateLimitWaits, int maxServerErrorRetries, Backoff backoff, Duration requestTimeout,
                              Duration rateLimitFloor, int globalRequestsPerSecond) {

    static final Duration MAX_RATE_LIMIT_FLOOR = Duration.ofSeconds(2);

    public static RestRetryPolicy standard() {
        return new RestRetryPolicy(8, 4, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15)), Duration.ofSeconds(30),
                Duration.ofMillis(100), 50);
    }

    /** The least wait after the request's {@code waits}-th 429 (0-based). */
    long rateLimitFloorMillis(int waits) {
        long floor = rateLimitFloor.toMillis() << Math.min(waits, 16);
        return Math.max(1, Math.min(MAX_RATE_LIMIT_FLOOR.toMillis(), floor));
    }
}
