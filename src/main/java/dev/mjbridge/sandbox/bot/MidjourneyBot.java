package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Midjourney application. For now it only acknowledges interactions
 * (INTERACTION_CREATE + INTERACTION_SUCCESS); the job simulation builds on this.
 */
@Component
public class MidjourneyBot implements InteractionReceiver, ReactionReceiver {

    private final GatewayHub hub;

    public MidjourneyBot(GatewayHub hub) {
        this.hub = hub;
    }

    @Override
    public InteractionOutcome receive(InteractionRequest request) {
        ObjectNode ack = JsonNodeFactory.instance.objectNode();
        ack.put("id", request.id());
        ack.put("nonce", request.payload().path("nonce").asString(null));
        String sessionId = request.payload().path("session_id").asString(null);
        hub.dispatchToSession(sessionId, request.user().id(), "INTERACTION_CREATE", ack);
        hub.dispatchToSession(sessionId, request.user().id(), "INTERACTION_SUCCESS", ack);
        return new InteractionOutcome.Accepted();
    }

    @Override
    public void reactionAdded(SandboxUser user, Channel channel, ObjectNode message, String emoji) {
    }
}
