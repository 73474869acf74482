package dev.mjbridge.account;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Interaction nonces in Discord's snowflake shape (what the web client sends), unique and
 * increasing within the process. One sequence for every sender (tasks, mode switches, the
 * info/settings sync), so that an account's own commands never share a nonce with a task.
 * <p>
 * In a cluster the instances follow each other's tasks (a task moves with its account), so their
 * nonces must differ too: there a nonce is laid out as a snowflake is, the milliseconds since Discord's
 * epoch, then the instance's slot ({@link #useInstanceSlot}, the same one its task ids carry) in the
 * ten bits Discord gives to worker and process, then a twelve-bit counter.
 */
public final class Nonces {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final int COUNTER_BITS = 12;
    private static final int SLOT_BITS = 10;
    private static final AtomicLong LAST = new AtomicLong();
    /** Milliseconds and counter, without the slot: the sequence of a cluster instance. */
    private static final AtomicLong LAST_IN_CLUSTER = new AtomicLong();
    private static volatile int slot = -1;

    /** From now on this process's nonces carry its cluster slot (0 to 1023). */
    public static void useInstanceSlot(int value) {
        if (value < 0 || value >= 1 << SLOT_BITS) {
            throw new IllegalArgumentException("a nonce slot is 0 to " + ((1 << SLOT_BITS) - 1) + ", got " + value);
        }
        slot = value;
    }

    public String next() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH;
        int own = slot;
        if (own < 0) {
            long candidate = millis << (SLOT_BITS + COUNTER_BITS);
            return Long.toString(LAST.accumulateAndGet(candidate, (prev, now) -> Math.max(prev + 1, now)));
        }
        // More than 4096 nonces in a millisecond borrow from the next one, as task ids do.
        long sequence = LAST_IN_CLUSTER.accumulateAndGet(millis << COUNTER_BITS, (prev, now) -> Math.max(prev + 1, now));
        long time = sequence >>> COUNTER_BITS;
        long counter = sequence & ((1L << COUNTER_BITS) - 1);
        return Long.toString((time << (SLOT_BITS + COUNTER_BITS)) | ((long) own << COUNTER_BITS) | counter);
    }
}
