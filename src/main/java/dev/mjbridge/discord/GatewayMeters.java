package dev.mjbridge.discord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * What one account's gateway session counts: reconnects (a connection dropped, stalled, or
 * replaced on Discord's request), resumes (Discord replayed what was missed) and new sessions
 * (a READY: the first login, or one after a session could not be resumed, whose gap is lost).
 * Tagged with the account's id only.
 */
public final class GatewayMeters {

    private final Counter reconnects;
    private final Counter resumes;
    private final Counter newSessions;

    public GatewayMeters(MeterRegistry registry, String accountId) {
        this.reconnects = Counter.builder("mj.gateway.reconnects").tag("account", accountId)
                .description("Gateway reconnects (dropped, stalled or replaced connections)").register(registry);
        this.resumes = Counter.builder("mj.gateway.resumes").tag("account", accountId)
                .description("Gateway sessions resumed after a reconnect").register(registry);
        this.newSessions = Counter.builder("mj.gateway.sessions").tag("account", accountId)
                .description("New gateway sessions (READY): logins and sessions that could not be resumed")
                .register(registry);
    }

    /** Counts nothing anyone reads: for sessions built without a registry (tests, tools). */
    public static GatewayMeters none() {
        return new GatewayMeters(new CompositeMeterRegistry(), "none");
    }

    void reconnected() {
        reconnects.increment();
    }

    void resumed() {
        resumes.increment();
    }

    void newSession() {
        newSessions.increment();
    }
}
