package dev.mjbridge.discord;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt n waits a random time in
 * [base*2^n / 2, base*2^n], capped, so that many accounts reconnecting after one
 * outage do not all knock at once.
 */
public record Backoff(Duration base, Duration max) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    public Duration delay(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << Math.min(attempt, 20)));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }
}
