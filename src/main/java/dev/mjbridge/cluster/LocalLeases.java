package dev.mjbridge.cluster;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The leases this instance holds, each with its local deadline on the monotonic clock: the start
 * of the statement that last claimed or renewed it, plus the ttl, minus the safety margin. The
 * database set its expiry to its own now() + ttl at a moment after that start, so the local
 * deadline always falls before the database lets anyone else claim the account.
 * <p>
 * One monitor guards the leases and every change of the pool made from them ({@link #whileSteady}),
 * so an account whose deadline passed can never be handed back to the pool by a round that looked
 * at the leases a moment earlier.
 */
final class LocalLeases {

    /** A held lease: its fencing epoch and the monotonic nanoTime by which its session must be down. */
    record Held(long epoch, long deadlineNanos) {
    }

    private final LongSupplier nanoTime;
    private final long lifetimeNanos;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> leaving = new LinkedHashSet<>();

    /** @param lifetimeNanos the ttl minus the safety margin */
    LocalLeases(LongSupplier nanoTime, long lifetimeNanos) {
        this.nanoTime = nanoTime;
        this.lifetimeNanos = lifetimeNanos;
    }

    long now() {
        return nanoTime.getAsLong();
    }

    /** A claim that started at {@code startedNanos} won the account at this epoch. */
    synchronized boolean claimed(String accountId, long epoch, long startedNanos) {
        long deadline = startedNanos + lifetimeNanos;
        if (deadline - now() <= 0) {
            return false;
        }
        held.put(accountId, new Held(epoch, deadline));
        return true;
    }

    /** A renewal that started at {@code startedNanos} extended these accounts. */
    synchronized void renewed(List<String> accountIds, long startedNanos) {
        long deadline = startedNanos + lifetimeNanos;
        for (String id : accountIds) {
            Held lease = held.get(id);
            if (lease != null && deadline - lease.deadlineNanos() > 0) {
                held.put(id, new Held(lease.epoch(), deadline));
            }
        }
    }

    /** Takes accounts out of the held set; the caller stops their sessions under the same monitor. */
    synchronized Set<String> removeExpired() {
        long now = now();
        Set<String> expired = new LinkedHashSet<>();
        held.forEach((id, lease) -> {
            if (lease.deadlineNanos() - now <= 0) {
                expired.add(id);
            }
        });
        expired.forEach(this::forget);
        return expired;
    }

    /** Runs {@code action} with the expired accounts removed, under the monitor. */
    synchronized void dropExpired(Consumer<Set<String>> stopSessions) {
        Set<String> expired = removeExpired();
        if (!expired.isEmpty()) {
            stopSessions.accept(expired);
        }
    }

    /**
     * Runs {@code action} on the accounts the pool may connect now (held, not leaving, deadline
     * ahead), under the monitor so no deadline passes unnoticed meanwhile.
     */
    synchronized void whileSteady(Consumer<Set<String>> action, Consumer<Set<String>> stopSessions) {
        dropExpired(stopSessions);
        Set<String> connect = new LinkedHashSet<>(held.keySet());
        connect.removeAll(leaving);
        action.accept(connect);
    }

    synchronized void startLeaving(String accountId) {
        if (held.containsKey(accountId)) {
            leaving.add(accountId);
        }
    }

    synchronized void forget(String accountId) {
        held.remove(accountId);
        leaving.remove(accountId);
    }

    synchronized Map<String, Long> epochs() {
        Map<String, Long> epochs = new LinkedHashMap<>();
        held.forEach((id, lease) -> epochs.put(id, lease.epoch()));
        return epochs;
    }

    synchronized Set<String> held() {
        return Set.copyOf(held.keySet());
    }

    synchronized Set<String> leaving() {
        return Set.copyOf(leaving);
    }

    synchronized Long epoch(String accountId) {
        Held lease = held.get(accountId);
        return lease == null ? null : lease.epoch();
    }

    /** Forgets every lease and hands their ids over (shutdown: the sessions stop, then they are released). */
    synchronized Set<String> clear(Consumer<Set<String>> stopSessions) {
        Set<String> all = new LinkedHashSet<>(held.keySet());
        held.clear();
        leaving.clear();
        if (!all.isEmpty()) {
            stopSessions.accept(all);
        }
        return all;
    }
}
