package dev.mjbridge.sandbox.gateway;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults applied to outgoing dispatches: a delay, duplicates, and swapped pairs.
 * Counts are consumed one dispatch at a time, so a test can ask for "the next 3".
 */
public final class DispatchFaults {

    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicInteger duplicateNext = new AtomicInteger();
    private final AtomicInteger reorderNext = new AtomicInteger();

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

    long delayMillis() {
        return delayMillis.get();
    }

    boolean takeDuplicate() {
        return takeOne(duplicateNext);
    }

    boolean takeReorder() {
        return takeOne(reorderNext);
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
