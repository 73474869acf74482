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
 * The pool asks {@link #connectable()} whenever it works out its members, so an account whose
 * deadline passed is never connected again by a round that looked a moment earlier. Nothing here
 * calls out while holding the monitor: the pool may ask from under its own lock.
 */
final class LocalLeases {

    /** A held lease: its fencing epoch and the monotonic nanoTime by which its session must be down. */
    record Held(long epoch, long deadlineNanos) {
    }

    private final LongSupplier nanoTime;
    private final long lifetimeNanos;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> leaving = new LinkedHashSet<>();
    private boolean closed;

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
        if (closed || deadline - now() <= 0) {
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

    /** Takes the accounts whose deadline passed out of the held set and hands them to {@code stopSessions}. */
    void dropExpired(Consumer<Set<String>> stopSessions) {
        Set<String> expired = new LinkedHashSet<>();
        synchronized (this) {
            long now = now();
            held.forEach((id, lease) -> {
                if (lease.deadlineNanos() - now <= 0) {
                    expired.add(id);
                }
            });
            expired.forEach(this::forget);
        }
        if (!expired.isEmpty()) {
            stopSessions.accept(expired);
        }
    }

    /** The accounts the pool may connect now: held, not being given up, deadline ahead. */
    synchronized Set<String> connectable() {
        long now = now();
        Set<String> connect = new LinkedHashSet<>();
        held.forEach((id, lease) -> {
            if (!leaving.contains(id) && lease.deadlineNanos() - now > 0) {
                connect.add(id);
            }
        });
        return connect;
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

    /** Forgets every lease for good (shutdown) and hands their ids to {@code stopSessions}. */
    Set<String> clear(Consumer<Set<String>> stopSessions) {
        Set<String> all;
        synchronized (this) {
            closed = true;
            all = new LinkedHashSet<>(held.keySet());
            held.clear();
            leaving.clear();
        }
        if (!all.isEmpty()) {
            stopSessions.accept(all);
        }
        return all;
    }
}
