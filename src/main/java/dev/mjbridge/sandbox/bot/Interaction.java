package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One interaction the bot accepted, with what its answers must quote: the interaction
 * id, the client's nonce and the session the acknowledgements go to.
 *
 * @param type        2 command, 3 button, 5 modal submit
 * @param commandName the slash command's name for type 2, else null
 * @param messageId   the message whose button was pressed for type 3, else null
 * @param data        the payload's {@code data} object
 */
public record Interaction(String id, int type, BotApp app, SandboxUser user, Channel channel, String nonce,
                          String sessionId, String commandName, String messageId, JsonNode data) {

    public static final int COMMAND = 2;
    public static final int COMPONENT = 3;
    public static final int MODAL_SUBMIT = 5;

    /** The same interaction, known to be the slash command {@code name}. */
    public Interaction withCommandName(String name) {
        return new Interaction(id, type, app, user, channel, nonce, sessionId, name, messageId, data);
    }

    /** {@code <@id>}, how Midjourney names the user in job messages. */
    public String mention() {
        return "<@" + user.id() + ">";
    }

    /** {@code {id, username}} as Discord nests users in messages. */
    public ObjectNode userObject() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", user.id());
        node.put("username", user.username());
        node.put("global_name", user.username());
        node.put("discriminator", "0");
        return node;
    }

    /** The {@code interaction_metadata} of the bot's answers to this interaction. */
    public ObjectNode metadata() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("type", type);
        node.set("user", userObject());
        node.putObject("authorizing_integration_owners").put("0", channel.guildId() == null ? "0" : channel.guildId());
        if (messageId != null) {
            node.put("interacted_message_id", messageId);
        }
        return node;
    }
}
