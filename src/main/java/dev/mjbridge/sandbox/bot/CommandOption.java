package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** One option of a slash command, in Discord's application command option shape. */
public record CommandOption(String name, int type, String description, boolean required, List<Choice> choices) {

    public static final int STRING = 3;
    public static final int ATTACHMENT = 11;

    public record Choice(String name, String value) {
    }

    public CommandOption {
        choices = List.copyOf(choices);
    }

    static CommandOption string(String name, String description, boolean required) {
        return new CommandOption(name, STRING, description, required, List.of());
    }

    static CommandOption attachment(String name, String description, boolean required) {
        return new CommandOption(name, ATTACHMENT, description, required, List.of());
    }

    static CommandOption choice(String name, String description, List<Choice> choices) {
        return new CommandOption(name, STRING, description, false, choices);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        node.put("name", name);
        node.put("description", description);
        node.put("required", required);
        if (!choices.isEmpty()) {
            ArrayNode array = node.putArray("choices");
            choices.forEach(choice -> array.addObject().put("name", choice.name()).put("value", choice.value()));
        }
        return node;
    }
}
