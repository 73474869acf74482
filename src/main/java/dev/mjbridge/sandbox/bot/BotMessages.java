package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The parts every message of the bot shares, in Discord's message shape. */
final class BotMessages {

    static final int DEFAULT = 0;
    static final int EPHEMERAL = 64;
    /** Discord's LOADING flag: the "Midjourney Bot is thinking..." placeholder of a deferred reply. */
    static final int LOADING = 128;
    static final int REPLY = 19;
    static final int CHAT_INPUT_COMMAND = 20;

    private BotMessages() {
    }

    /** An empty message by the app's bot that mentions {@code user}. */
    static ObjectNode base(BotApp app, SandboxUser user) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.set("author", app.author());
        message.put("content", "");
        message.put("type", DEFAULT);
        message.put("flags", 0);
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        ObjectNode mention = message.putArray("mentions").addObject();
        mention.put("id", user.id());
        mention.put("username", user.username());
        return message;
    }

    /**
     * Marks the message as the bot's answer to {@code interaction}: the nonce (only the
     * first answer carries it), {@code interaction_metadata}, and for commands the older
     * {@code interaction} object with the command name.
     */
    static ObjectNode answering(ObjectNode message, Interaction interaction, boolean withNonce) {
        if (withNonce && interaction.nonce() != null) {
            message.put("nonce", interaction.nonce());
        }
        if (interaction.type() == Interaction.COMMAND) {
            ObjectNode legacy = message.putObject("interaction");
            legacy.put("id", interaction.id());
            legacy.put("type", Interaction.COMMAND);
            legacy.put("name", interaction.commandName());
            legacy.set("user", interaction.userObject());
            message.put("type", CHAT_INPUT_COMMAND);
        }
        message.set("interaction_metadata", interaction.metadata());
        message.put("application_id", interaction.app().applicationId());
        message.put("webhook_id", interaction.app().applicationId());
        return message;
    }

    /** Makes the message a reply to {@code parentMessageId} in {@code channel}. */
    static ObjectNode replyTo(ObjectNode message, Channel channel, String parentMessageId) {
        if (parentMessageId == null) {
            return message;
        }
        message.put("type", REPLY);
        ObjectNode reference = message.putObject("message_reference");
        reference.put("channel_id", channel.id());
        if (channel.guildId() != null) {
            reference.put("guild_id", channel.guildId());
        }
        reference.put("message_id", parentMessageId);
        return message;
    }

    static ObjectNode embed(String title, String description, Integer color) {
        ObjectNode embed = JsonNodeFactory.instance.objectNode();
        embed.put("type", "rich");
        if (title != null) {
            embed.put("title", title);
        }
        if (description != null) {
            embed.put("description", description);
        }
        if (color != null) {
            embed.put("color", color);
        }
        return embed;
    }

    /** Keycap digits Midjourney numbers its suggestions with: 1️⃣ .. 5️⃣. */
    static String keycap(int number) {
        return number + "\uFE0F\u20E3";
    }
}
