package dev.mjbridge.sandbox.gateway;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How clients came and went, for the figures of a chaos run: every IDENTIFY that got
 * READY is a new session, every RESUME that was replayed a reconnect that lost nothing,
 * and every refused RESUME (op 9) a session the client has to replace.
 */
public final class GatewayCounters {

    /** The counts at one moment. */
    public record Snapshot(long identified, long resumed, long resumesRefused) {
    }

    private final AtomicLong identified = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private final AtomicLong resumesRefused = new AtomicLong();

    void identified() {
        identified.incrementAndGet();
    }

    void resumed() {
        resumed.incrementAndGet();
    }

    void resumeRefused() {
        resumesRefused.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(identified.get(), resumed.get(), resumesRefused.get());
    }
}
