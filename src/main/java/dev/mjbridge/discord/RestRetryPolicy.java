package dev.mjbridge.discord;

import java.time.Duration;

/**
 * How hard the REST client tries: 429s are waited out (Discord says how long) up to
 * {@code maxRateLimitWaits} times; 5xx and network errors are retried with backoff up to
 * {@code maxServerErrorRetries} times. Interactions are resent with the same nonce, so a
 * retry never starts a second job.
 */
public record RestRetryPolicy(int maxRateLimitWaits, int maxServerErrorRetries, Backoff backoff, Duration requestTimeout) {

    public static RestRetryPolicy standard() {
        return new RestRetryPolicy(8, 4, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15)), Duration.ofSeconds(30));
    }
}
