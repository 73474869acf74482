package dev.mjbridge.account;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Interaction nonces in Discord's snowflake shape (what the web client sends), unique and
 * increasing within the process. One sequence for every sender (tasks, mode switches, the
 * info/settings sync), so that an account's own commands never share a nonce with a task.
 */
public final class Nonces {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong LAST = new AtomicLong();

    public String next() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(LAST.accumulateAndGet(candidate, (prev, now) -> Math.max(prev + 1, now)));
    }
}
