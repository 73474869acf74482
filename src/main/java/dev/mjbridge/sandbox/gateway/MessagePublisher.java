package dev.mjbridge.sandbox.gateway;

import dev.mjbridge.sandbox.cdn.SignedLinks;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Posts, edits and deletes channel messages the way Discord does: the message is
 * stored for history and the matching MESSAGE_* dispatch goes to everyone who can
 * see the channel. Ephemeral messages (flags 64) go to one user and are not stored.
 */
public final class MessagePublisher {

    private final SignedLinks links;

    public static final int EPHEMERAL = 64;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final World world;
    private final GatewayHub hub;

    public MessagePublisher(World world, GatewayHub hub, SignedLinks links) {
        this.links = links;
        this.world = world;
        this.hub = hub;
    }

    /** Fills id, channel, guild and timestamp, stores, and dispatches MESSAGE_CREATE. */
    public ObjectNode create(Channel channel, ObjectNode message) {
        stamp(channel, message);
        world.messages().put(channel.id(), message);
        hub.dispatchToChannel(channel, "MESSAGE_CREATE", withAuthorMember(channel, message));
        return message;
    }

    /** An ephemeral message: only {@code to} sees it, and only while connected. */
    public ObjectNode createEphemeral(Channel channel, SandboxUser to, ObjectNode message) {
        stamp(channel, message);
        message.put("flags", message.path("flags").asInt(0) | EPHEMERAL);
        hub.dispatchToUser(to.id(), "MESSAGE_CREATE", message);
        return message;
    }

    /** Applies {@code edit} to the stored message and dispatches the whole message as MESSAGE_UPDATE. */
    public Optional<ObjectNode> update(Channel channel, String messageId, Consumer<ObjectNode> edit) {
        Optional<ObjectNode> stored = world.messages().get(channel.id(), messageId);
        stored.ifPresent(message -> {
            edit.accept(message);
            message.put("edited_timestamp", now());
            world.messages().put(channel.id(), message);
            // Discord signs the links of an edited message anew; the stored ones may have expired meanwhile.
            ObjectNode dispatched = message.deepCopy();
            links.refresh(dispatched);
            hub.dispatchToChannel(channel, "MESSAGE_UPDATE", withAuthorMember(channel, dispatched));
        });
        return stored;
    }

    /** Removes the message and dispatches MESSAGE_DELETE {id, channel_id, guild_id}. */
    public void delete(Channel channel, String messageId) {
        if (!world.messages().remove(channel.id(), messageId)) {
            return;
        }
        ObjectNode deleted = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        deleted.put("id", messageId);
        deleted.put("channel_id", channel.id());
        if (channel.guildId() != null) {
            deleted.put("guild_id", channel.guildId());
        }
        hub.dispatchToChannel(channel, "MESSAGE_DELETE", deleted);
    }

    /**
     * The dispatch form of a guild message: Discord adds the author's partial guild member
     * ({@code member}, without {@code user}) to MESSAGE_CREATE and MESSAGE_UPDATE but not
     * to REST history. Bot libraries resolve the author through it (JDA drops the message
     * without it when it does not cache members).
     */
    private static ObjectNode withAuthorMember(Channel channel, ObjectNode message) {
        if (channel.isDm() || message.has("member") || message.hasNonNull("webhook_id")) {
            return message;
        }
        // A shallow copy: only the top level gains a field, and the copy is serialised at once and
        // dropped. This runs after the timestamp, so copying every nested node was pure delay.
        ObjectNode dispatched = message.objectNode();
        dispatched.setAll(message);
        ObjectNode member = dispatched.putObject("member");
        member.putArray("roles");
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        member.putNull("nick");
        member.putNull("avatar");
        member.putNull("premium_since");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("pending", false);
        member.put("flags", 0);
        return dispatched;
    }

    private void stamp(Channel channel, ObjectNode message) {
        if (!message.hasNonNull("id")) {
            message.put("id", world.snowflakes().next());
        }
        message.put("channel_id", channel.id());
        if (channel.guildId() != null) {
            message.put("guild_id", channel.guildId());
        }
        if (!message.has("timestamp")) {
            message.put("timestamp", now());
        }
        if (!message.has("edited_timestamp")) {
            message.putNull("edited_timestamp");
        }
        for (String list : new String[] {"attachments", "embeds", "components", "mentions", "mention_roles"}) {
            if (!message.has(list)) {
                message.putArray(list);
            }
        }
        message.put("pinned", message.path("pinned").asBoolean(false));
        message.put("tts", message.path("tts").asBoolean(false));
        message.put("mention_everyone", message.path("mention_everyone").asBoolean(false));
        if (!message.has("type")) {
            message.put("type", 0);
        }
        if (!message.has("flags")) {
            message.put("flags", 0);
        }
    }

    /** Discord's timestamp format, for {@code timestamp} and {@code edited_timestamp}. */
    public static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
    }
}
