package dev.mjbridge.sandbox.world;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord-shaped ids: milliseconds since the Discord epoch shifted left by 22 bits,
 * plus a counter. Strictly increasing, so ids sort by creation time as on Discord.
 */
public final class Snowflakes {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final AtomicLong last = new AtomicLong();

    public String next() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(last.accumulateAndGet(candidate, (prev, now) -> Math.max(prev + 1, now)));
    }

    /** Epoch milliseconds encoded in a snowflake. */
    public static long timestampOf(String snowflake) {
        return (Long.parseLong(snowflake) >>> 22) + DISCORD_EPOCH;
    }
}
