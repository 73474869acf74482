package dev.mjbridge.sandbox.control.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The values one playback fills into its scenario: fixed ones from the interaction, and
 * fresh job hashes and message ids made on first use so that every numbered
 * placeholder means the same value throughout the scenario.
 */
final class ScenarioBindings {

    private final Map<String, String> fromInteraction;
    private final Map<String, String> fresh = new LinkedHashMap<>();
    private final Supplier<String> snowflakes;

    ScenarioBindings(Map<String, String> fromInteraction, Supplier<String> snowflakes) {
        this.fromInteraction = Map.copyOf(fromInteraction);
        this.snowflakes = snowflakes;
        // Made up front so that every playback reports them, used or not.
        value("jobHash", 1);
        value("messageId", 1);
    }

    /** The value of {@code {{name:number}}}, or null for an unknown name. */
    synchronized String value(String name, int number) {
        if (!Placeholders.FRESH.contains(name)) {
            return fromInteraction.get(name);
        }
        String key = number == 1 ? name : name + ":" + number;
        return fresh.computeIfAbsent(key, k -> "jobHash".equals(name) ? UUID.randomUUID().toString() : snowflakes.get());
    }

    synchronized Map<String, String> snapshot() {
        Map<String, String> all = new LinkedHashMap<>(fromInteraction);
        all.putAll(fresh);
        return all;
    }
}
