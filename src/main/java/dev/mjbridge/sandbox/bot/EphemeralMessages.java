package dev.mjbridge.sandbox.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Ephemeral messages are not in channel history, yet their buttons (settings) can be
 * pressed and their owner sees them edited. The bot remembers the ones it sent with
 * components so that a button press on them can be checked like any other.
 */
@Component
class EphemeralMessages {

    private record Owned(String userId, String channelId, ObjectNode message) {
    }

    private final MessagePublisher publisher;
    private final GatewayHub hub;
    private final Cache<String, Owned> withComponents = Caffeine.newBuilder().maximumSize(20_000).build();

    EphemeralMessages(MessagePublisher publisher, GatewayHub hub) {
        this.publisher = publisher;
        this.hub = hub;
    }

    ObjectNode post(Channel channel, SandboxUser to, ObjectNode message) {
        ObjectNode sent = publisher.createEphemeral(channel, to, message);
        if (!sent.path("components").isEmpty()) {
            withComponents.put(sent.get("id").asString(), new Owned(to.id(), channel.id(), sent.deepCopy()));
        }
        return sent;
    }

    /** The ephemeral message with this id that {@code user} was shown in {@code channel}. */
    Optional<ObjectNode> find(Channel channel, SandboxUser user, String messageId) {
        Owned owned = messageId == null ? null : withComponents.getIfPresent(messageId);
        if (owned == null || !owned.userId().equals(user.id()) || !owned.channelId().equals(channel.id())) {
            return Optional.empty();
        }
        return Optional.of(owned.message().deepCopy());
    }

    /** Edits an ephemeral message; only its owner gets the MESSAGE_UPDATE. */
    void update(SandboxUser user, String messageId, Consumer<ObjectNode> edit) {
        Owned owned = withComponents.getIfPresent(messageId);
        if (owned == null || !owned.userId().equals(user.id())) {
            return;
        }
        ObjectNode message = owned.message().deepCopy();
        edit.accept(message);
        withComponents.put(messageId, new Owned(owned.userId(), owned.channelId(), message));
        hub.dispatchToUser(user.id(), "MESSAGE_UPDATE", message);
    }
}
