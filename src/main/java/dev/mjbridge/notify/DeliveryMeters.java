package dev.mjbridge.notify;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Counts webhook delivery attempts by how they ended ({@code mj.webhook.deliveries}, tag
 * {@code outcome}): {@code sent} (the receiver answered 2xx), {@code retrying} (it failed, another
 * attempt follows) and {@code gave_up} (the last attempt failed, or none could be made). The hook's
 * address is never a tag: it may carry a token.
 */
final class DeliveryMeters {

    private final Map<DeliveryOutcome, Counter> byOutcome = new EnumMap<>(DeliveryOutcome.class);

    DeliveryMeters(MeterRegistry registry) {
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            byOutcome.put(outcome, Counter.builder("mj.webhook.deliveries")
                    .description("Webhook delivery attempts by outcome (sent, retrying, gave_up)")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry));
        }
    }

    static DeliveryMeters none() {
        return new DeliveryMeters(new CompositeMeterRegistry());
    }

    void count(DeliveryOutcome outcome) {
        byOutcome.get(outcome).increment();
    }
}
