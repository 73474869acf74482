package dev.mjbridge.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after the n-th failure wait a random time between half
 * and all of {@code first * 2^(n-1)}, capped at {@code max}. The jitter keeps many tasks
 * that failed against the same receiver from all coming back at the same instant.
 */
record RetryDelays(Duration first, Duration max) {

    Duration afterFailure(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), saturatedShift(first.toMillis(), doublings));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    private static long saturatedShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}
