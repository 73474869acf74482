package dev.mjbridge.sandbox.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How clients came and went, for the figures of a chaos run: every IDENTIFY that got
 * READY is a new session, every RESUME that was replayed a reconnect that lost nothing,
 * and every refused RESUME (op 9) a session the client has to replace. Counted for all
 * users and for each user, so that a test can watch one account while others reconnect.
 */
public final class GatewayCounters {

    /** The counts at one moment. */
    public record Snapshot(long identified, long resumed, long resumesRefused) {
    }

    private final Counts all = new Counts();
    private final Map<String, Counts> byUser = new ConcurrentHashMap<>();

    void identified(String userId) {
        all.identified.incrementAndGet();
        of(userId).identified.incrementAndGet();
    }

    void resumed(String userId) {
        all.resumed.incrementAndGet();
        of(userId).resumed.incrementAndGet();
    }

    /** @param userId the user whose resume was refused, null when the token named nobody */
    void resumeRefused(String userId) {
        all.resumesRefused.incrementAndGet();
        if (userId != null) {
            of(userId).resumesRefused.incrementAndGet();
        }
    }

    /** Everyone's counts. */
    public Snapshot snapshot() {
        return all.snapshot();
    }

    /** One user's counts. */
    public Snapshot snapshot(String userId) {
        Counts counts = byUser.get(userId);
        return counts == null ? new Snapshot(0, 0, 0) : counts.snapshot();
    }

    private Counts of(String userId) {
        return byUser.computeIfAbsent(userId, id -> new Counts());
    }

    private static final class Counts {
        private final AtomicLong identified = new AtomicLong();
        private final AtomicLong resumed = new AtomicLong();
        private final AtomicLong resumesRefused = new AtomicLong();

        Snapshot snapshot() {
            return new Snapshot(identified.get(), resumed.get(), resumesRefused.get());
        }
    }
}
