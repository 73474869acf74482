package dev.mjbridge.task;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Interaction nonces in Discord's snowflake shape (what the web client sends), unique
 * and increasing within the process so they never collide between tasks.
 */
final class Nonces {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong last = new AtomicLong();

    String next() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(last.accumulateAndGet(candidate, (prev, now) -> Math.max(prev + 1, now)));
    }
}
