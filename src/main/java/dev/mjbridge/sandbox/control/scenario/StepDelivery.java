package dev.mjbridge.sandbox.control.scenario;

import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends one filled-in step. Channel messages also change the channel's stored history
 * (MESSAGE_CREATE through {@link MessagePublisher}, which fills fields Discord always sends
 * but a hand-written scenario may leave out), so a client that recovers through
 * {@code GET /channels/{id}/messages} sees what a live one saw. Updates and deletes are
 * dispatched exactly as written.
 */
final class StepDelivery {

    /** Where a playback's steps go: the interaction's user, session and channel. */
    record Audience(SandboxUser user, String sessionId, Channel channel) {
    }

    private final World world;
    private final GatewayHub hub;
    private final MessagePublisher publisher;

    StepDelivery(World world, GatewayHub hub, MessagePublisher publisher) {
        this.world = world;
        this.hub = hub;
        this.publisher = publisher;
    }

    void deliver(String event, JsonNode data, ScenarioStep.Target to, Audience audience) {
        switch (to) {
            case SESSION -> hub.dispatchToSession(audience.sessionId(), audience.user().id(), event, data);
            case USER -> hub.dispatchToUser(audience.user().id(), event, data);
            case CHANNEL -> toChannel(event, data, audience);
        }
    }

    private void toChannel(String event, JsonNode data, Audience audience) {
        Channel channel = world.channel(data.path("channel_id").asString("")).orElse(audience.channel());
        if (!data.isObject()) {
            hub.dispatchToChannel(channel, event, data);
            return;
        }
        ObjectNode message = (ObjectNode) data;
        boolean ephemeral = (message.path("flags").asInt(0) & MessagePublisher.EPHEMERAL) != 0;
        if (ephemeral) {
            // Only the interacting user sees an ephemeral message, and Discord keeps no history of it.
            if ("MESSAGE_CREATE".equals(event)) {
                publisher.createEphemeral(channel, audience.user(), message);
            } else {
                hub.dispatchToUser(audience.user().id(), event, message);
            }
            return;
        }
        String messageId = message.path("id").asString(null);
        switch (event) {
            case "MESSAGE_CREATE" -> publisher.create(channel, message);
            case "MESSAGE_UPDATE" -> {
                // Clients see the update exactly as captured; history keeps the merged message, as Discord's does.
                if (messageId != null) {
                    ObjectNode merged = world.messages().get(channel.id(), messageId)
                            .orElseGet(JsonNodeFactory.instance::objectNode);
                    merged.setAll(message);
                    world.messages().put(channel.id(), merged);
                }
                hub.dispatchToChannel(channel, event, message);
            }
            case "MESSAGE_DELETE" -> {
                if (messageId != null && world.messages().get(channel.id(), messageId).isPresent()) {
                    publisher.delete(channel, messageId);
                } else {
                    hub.dispatchToChannel(channel, event, message);
                }
            }
            default -> hub.dispatchToChannel(channel, event, message);
        }
    }
}
