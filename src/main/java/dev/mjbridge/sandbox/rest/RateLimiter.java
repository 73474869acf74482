package dev.mjbridge.sandbox.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed one-second window per token, as Discord's per-route buckets behave from a
 * client's point of view: {@code limit} calls, then 429 until the window resets.
 */
public final class RateLimiter {

    /** What one call learns about its bucket, for the X-RateLimit-* headers. */
    public record Verdict(boolean allowed, int limit, int remaining, long resetAtMillis, double resetAfterSeconds) {
    }

    private static final long WINDOW_MS = 1_000;

    private volatile int limit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long start;
        int used;
    }

    public RateLimiter(int limitPerSecond) {
        this.limit = limitPerSecond;
    }

    public void setLimit(int limitPerSecond) {
        this.limit = limitPerSecond;
    }

    public int limit() {
        return limit;
    }

    public Verdict check(String bucketKey) {
        int max = limit;
        long now = System.currentTimeMillis();
        if (max <= 0) {
            return new Verdict(true, 0, 0, now + WINDOW_MS, 1.0);
        }
        Window window = windows.computeIfAbsent(bucketKey, k -> new Window());
        synchronized (window) {
            if (now - window.start >= WINDOW_MS) {
                window.start = now;
                window.used = 0;
            }
            long resetAt = window.start + WINDOW_MS;
            double resetAfter = Math.max(0.001, (resetAt - now) / 1000.0);
            if (window.used >= max) {
                return new Verdict(false, max, 0, resetAt, resetAfter);
            }
            window.used++;
            return new Verdict(true, max, max - window.used, resetAt, resetAfter);
        }
    }
}
