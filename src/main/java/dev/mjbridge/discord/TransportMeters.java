package dev.mjbridge.discord;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The meters of Discord's transport, handed to every account's REST client and gateway session:
 * REST answers by route ({@link RestMeters}, one for all accounts) and each account's gateway
 * events ({@link GatewayMeters}). Knows nothing of tasks.
 */
public final class TransportMeters {

    private final MeterRegistry registry;
    private final RestMeters rest;

    public TransportMeters(MeterRegistry registry) {
        this.registry = registry;
        this.rest = new RestMeters(registry);
    }

    /** Meters nobody reads: for connectors built without a registry (tests, tools). */
    public static TransportMeters none() {
        return new TransportMeters(new CompositeMeterRegistry());
    }

    public RestMeters rest() {
        return rest;
    }

    /** The account's gateway meters; an account rebuilt under the same id counts on. */
    public GatewayMeters gateway(String accountId) {
        return new GatewayMeters(registry, accountId);
    }
}
