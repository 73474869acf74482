package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import tools.jackson.databind.JsonNode;

/**
 * The application side of {@code POST /interactions}: the REST layer has checked the
 * token, the channel and the envelope; the receiver checks what only the application
 * knows (command id and version, target message, customId) and then works
 * asynchronously, answering on the gateway.
 */
public interface InteractionReceiver {

    /** One interaction as the REST layer accepted it; {@code id} is the interaction id Discord assigns. */
    record InteractionRequest(String id, SandboxUser user, Channel channel, JsonNode payload) {
    }

    InteractionOutcome receive(InteractionRequest request);
}
