package dev.mjbridge.discord;

import tools.jackson.databind.JsonNode;

/**
 * Receives what a user gateway session hears. Called on the socket's thread, in
 * order; implementations must not block.
 */
public interface GatewayListener {

    /** Every dispatch ({@code op 0}) with its type and {@code d}, READY and RESUMED included. */
    void onDispatch(String type, JsonNode data);

    /** The session changed state; {@code reason} says why in words an operator understands. */
    default void onStateChange(GatewayState state, String reason) {
    }

    /**
     * A new session replaced a lost one (op 9 or a failed resume): dispatches may have
     * been missed, so whoever follows jobs should reconcile from channel history.
     */
    default void onSessionReplaced() {
    }
}
