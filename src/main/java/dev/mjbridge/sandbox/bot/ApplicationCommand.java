package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One registered slash command of one application, at its current version. */
public record ApplicationCommand(BotApp app, CommandKind kind, String id, String version) {

    public String name() {
        return kind.commandName();
    }

    /** The command as {@code /applications/{id}/commands} and the command index list it. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("type", 1);
        node.put("application_id", app.applicationId());
        node.put("version", version);
        node.put("name", name());
        node.put("description", kind.description());
        node.putNull("default_member_permissions");
        node.put("dm_permission", true);
        node.put("nsfw", false);
        node.putArray("contexts").add(0).add(1).add(2);
        node.putArray("integration_types").add(0).add(1);
        ArrayNode options = node.putArray("options");
        kind.options().forEach(option -> options.add(option.toJson()));
        return node;
    }
}
