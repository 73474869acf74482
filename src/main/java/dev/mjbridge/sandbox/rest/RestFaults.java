package dev.mjbridge.sandbox.rest;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Injected REST failures: the next N calls answer with a given status (429 or 5xx),
 * or a fraction of all calls do, for chaos runs.
 */
public final class RestFaults {

    /** One planned failure: HTTP status, and for 429 the retry delay and whether it is global. */
    public record Fault(int status, double retryAfterSeconds, boolean global) {
    }

    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicReference<Fault> next = new AtomicReference<>();
    private final AtomicReference<Fault> random = new AtomicReference<>();
    private volatile double randomRate;

    /** The next {@code count} REST calls fail with {@code fault}. */
    public void failNext(int count, Fault fault) {
        next.set(fault);
        remaining.set(Math.max(0, count));
    }

    /** Each REST call fails with {@code fault} with probability {@code rate} (0 turns it off). */
    public void failRandomly(double rate, Fault fault) {
        random.set(fault);
        randomRate = Math.max(0, Math.min(1, rate));
    }

    public void clear() {
        remaining.set(0);
        randomRate = 0;
    }

    Optional<Fault> take() {
        if (remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return Optional.ofNullable(next.get());
        }
        double rate = randomRate;
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            return Optional.ofNullable(random.get());
        }
        return Optional.empty();
    }
}
