package dev.mjbridge.sandbox.gateway;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults applied to outgoing dispatches: a delay, duplicates, and swapped pairs.
 * Counts are consumed one dispatch at a time, so a test can ask for "the next 3".
 * How many were applied is kept for the figures of a chaos run.
 */
public final class DispatchFaults {

    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicInteger duplicateNext = new AtomicInteger();
    private final AtomicInteger reorderNext = new AtomicInteger();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();

    public void delay(long millis) {
        delayMillis.set(Math.max(0, millis));
    }

    public void duplicateNext(int count) {
        duplicateNext.set(Math.max(0, count));
    }

    public void reorderNext(int count) {
        reorderNext.set(Math.max(0, count));
    }

    public void clear() {
        delayMillis.set(0);
        duplicateNext.set(0);
        reorderNext.set(0);
    }

    /** Dispatches sent twice so far (not reset by {@link #clear()}). */
    public long duplicated() {
        return duplicated.get();
    }

    /** Dispatches held back behind the next one so far (not reset by {@link #clear()}). */
    public long reordered() {
        return reordered.get();
    }

    long delayMillis() {
        return delayMillis.get();
    }

    boolean takeDuplicate() {
        return count(takeOne(duplicateNext), duplicated);
    }

    boolean takeReorder() {
        return count(takeOne(reorderNext), reordered);
    }

    private static boolean count(boolean taken, AtomicLong counter) {
        if (taken) {
            counter.incrementAndGet();
        }
        return taken;
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
