package dev.mjbridge.discord;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, the one retry policy of the gateway's reconnects, the
 * REST client's 5xx retries and the webhooks' redeliveries: retry n (0-based) waits a
 * random time in [base*2^n / 2, base*2^n], capped at {@code max}, so that many accounts
 * reconnecting after one outage, or many tasks failing against one receiver, do not all
 * come back at the same instant. A {@code max} below {@code base} caps every wait at {@code max}.
 */
public record Backoff(Duration base, Duration max) {

    /** The gateway's reconnects: 1 s doubling up to 60 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The wait before retry {@code attempt} (0 = the first retry). */
    public Duration delay(int attempt) {
        long ceiling = Math.min(max.toMillis(), saturatedShift(base.toMillis(), Math.max(0, Math.min(attempt, 62))));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    private static long saturatedShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}
