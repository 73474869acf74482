package dev.mjbridge.sandbox.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mjbridge.sandbox.cdn.SignedLinks;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.Snowflakes;
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
    private final Snowflakes snowflakes;
    private final SignedLinks links;
    private final Cache<String, Owned> withComponents = Caffeine.newBuilder().maximumSize(20_000).build();

    EphemeralMessages(MessagePublisher publisher, GatewayHub hub, Snowflakes snowflakes, SignedLinks links) {
        this.links = links;
        this.publisher = publisher;
        this.hub = hub;
        this.snowflakes = snowflakes;
    }

    ObjectNode post(Channel channel, SandboxUser to, ObjectNode message) {
        return post(channel, to, message, false);
    }

    /**
     * Posts an ephemeral message; one with components, or one the bot will edit later
     * ({@code remember}: a deferred reply, a job's progress), is remembered for presses and edits.
     */
    ObjectNode post(Channel channel, SandboxUser to, ObjectNode message, boolean remember) {
        if (message.path("components").isEmpty() && !remember) {
            return publisher.createEphemeral(channel, to, message);
        }
        // Remembered before it is sent, so a press that follows at once finds it.
        String id = snowflakes.next();
        message.put("id", id);
        message.put("channel_id", channel.id());
        message.put("flags", message.path("flags").asInt(0) | MessagePublisher.EPHEMERAL);
        withComponents.put(id, new Owned(to.id(), channel.id(), message.deepCopy()));
        ObjectNode sent = publisher.createEphemeral(channel, to, message);
        withComponents.put(id, new Owned(to.id(), channel.id(), sent.deepCopy()));
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
        message.put("edited_timestamp", MessagePublisher.now());
        withComponents.put(messageId, new Owned(owned.userId(), owned.channelId(), message));
        // As for channel messages: an edit hands out the kept attachments' links signed anew.
        ObjectNode dispatched = message.deepCopy();
        links.refresh(dispatched);
        hub.dispatchToUser(user.id(), "MESSAGE_UPDATE", dispatched);
    }

    /** Deletes an ephemeral message the bot remembered; only its owner gets the MESSAGE_DELETE. */
    void delete(SandboxUser user, String messageId) {
        Owned owned = withComponents.getIfPresent(messageId);
        if (owned == null || !owned.userId().equals(user.id())) {
            return;
        }
        withComponents.invalidate(messageId);
        ObjectNode deleted = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        deleted.put("id", messageId);
        deleted.put("channel_id", owned.channelId());
        if (owned.message().hasNonNull("guild_id")) {
            deleted.put("guild_id", owned.message().get("guild_id").asString());
        }
        hub.dispatchToUser(user.id(), "MESSAGE_DELETE", deleted);
    }
}
