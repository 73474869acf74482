package dev.mjbridge.sandbox.control.scenario;

import java.util.Map;

/**
 * One playback: which interaction a scenario answered and the values it filled in
 * ({@code bindings} maps placeholder names such as {@code jobHash} or {@code messageId:2}).
 */
public record PlayedScenario(String scenarioId, String name, String interactionId, String userId, String nonce,
                             Map<String, String> bindings, long playedAtMillis) {
}
