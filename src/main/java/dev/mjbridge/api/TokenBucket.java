package dev.mjbridge.api;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills continuously at
 * {@code capacity} per period, and a request takes one. Times are {@link System#nanoTime()}
 * values passed in, so tests need no clock.
 */
final class TokenBucket {

    private final long capacity;
    /** Time for one token to come back. */
    private final long nanosPerToken;
    /** Tokens as nanoseconds of refill: {@code capacity * nanosPerToken} is a full bucket. */
    private long stored;
    private long updatedAt;

    TokenBucket(int capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.nanosPerToken = Math.max(1, periodNanos / capacity);
        this.stored = capacity * nanosPerToken;
        this.updatedAt = now;
    }

    /** Takes a token: 0 when one was there, else how many nanoseconds until the next one is. */
    synchronized long take(long now) {
        stored = Math.min(capacity * nanosPerToken, stored + Math.max(0, now - updatedAt));
        updatedAt = now;
        if (stored >= nanosPerToken) {
            stored -= nanosPerToken;
            return 0;
        }
        return nanosPerToken - stored;
    }
}
