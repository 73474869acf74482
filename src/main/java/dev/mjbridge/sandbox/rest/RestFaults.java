package dev.mjbridge.sandbox.rest;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Injected REST failures: the next N calls answer with a given status (429 or 5xx),
 * or a fraction of all calls do, for chaos runs. Random faults are kept per status, so
 * a run can have 10% 429s and 3% 500s at once. Every injected failure is counted.
 */
public final class RestFaults {

    /** One planned failure: HTTP status, and for 429 the retry delay and whether it is global. */
    public record Fault(int status, double retryAfterSeconds, boolean global) {
    }

    private record RandomFault(double rate, Fault fault) {
    }

    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicReference<Fault> next = new AtomicReference<>();
    /** By status; the rates add up, so the chance that a call fails is their sum (at most 1). */
    private final Map<Integer, RandomFault> random = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> injected = new ConcurrentHashMap<>();

    /** The next {@code count} REST calls fail with {@code fault}. */
    public void failNext(int count, Fault fault) {
        next.set(fault);
        remaining.set(Math.max(0, count));
    }

    /**
     * Each REST call fails with {@code fault} with probability {@code rate}. This replaces
     * the random fault of the same status only; {@code rate} 0 turns that status off.
     */
    public void failRandomly(double rate, Fault fault) {
        double bounded = Math.max(0, Math.min(1, rate));
        if (bounded == 0) {
            random.remove(fault.status());
        } else {
            random.put(fault.status(), new RandomFault(bounded, fault));
        }
    }

    public void clear() {
        remaining.set(0);
        random.clear();
    }

    /** How many calls failed on purpose so far, by status (not reset by {@link #clear()}). */
    public Map<Integer, Long> injectedByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        injected.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    Optional<Fault> take() {
        Optional<Fault> fault = choose();
        fault.ifPresent(f -> injected.computeIfAbsent(f.status(), s -> new AtomicLong()).incrementAndGet());
        return fault;
    }

    private Optional<Fault> choose() {
        if (remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return Optional.ofNullable(next.get());
        }
        if (random.isEmpty()) {
            return Optional.empty();
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        for (RandomFault candidate : random.values()) {
            if (roll < candidate.rate()) {
                return Optional.of(candidate.fault());
            }
            roll -= candidate.rate();
        }
        return Optional.empty();
    }
}
