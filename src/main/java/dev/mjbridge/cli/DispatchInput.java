package dev.mjbridge.cli;

import dev.mjbridge.midjourney.MessageParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One dispatch to parse, read from any of the forms parse-message accepts:
 * <ul>
 *   <li>a whole gateway frame {@code {op:0, t, d}};</li>
 *   <li>a line of a capture file ({@code mj.discord.capture-dir}): {@code {received, account, t, d}};</li>
 *   <li>a line of a discord.py-self session recording ({@code {event:"message", id, author_id, content,
 *       edited_at, message_reference, attachments, components}}, components flattened, ids as numbers),
 *       rebuilt into Discord's message shape; an edit ({@code edited_at} set) is a MESSAGE_UPDATE;</li>
 *   <li>a bare {@code d} object (a message as REST returns it), whose dispatch type is guessed.</li>
 * </ul>
 *
 * @param dispatchType the gateway {@code t}
 * @param d            the gateway {@code d}
 * @param received     when a capture line says it was received, else {@code null}
 * @param account      the account a capture line names, else {@code null}
 */
record DispatchInput(String dispatchType, JsonNode d, String received, String account) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads one JSON object; {@code explicitType} (from {@code --type}) wins over what the object says. */
    static DispatchInput of(JsonNode root, String explicitType) {
        if (root.has("op") && root.has("d")) {
            return new DispatchInput(typeOr(explicitType, root), root.path("d"), null, null);
        }
        if (root.has("t") && root.has("d")) {
            return new DispatchInput(typeOr(explicitType, root), root.path("d"),
                    textOrNull(root.path("received")), textOrNull(root.path("account")));
        }
        if (root.has("author_id") && root.has("event")) {
            boolean edit = !textOrEmpty(root.path("edited_at")).isEmpty();
            String type = explicitType != null ? explicitType
                    : edit ? MessageParser.MESSAGE_UPDATE : MessageParser.MESSAGE_CREATE;
            String at = edit ? textOrNull(root.path("edited_at")) : textOrNull(root.path("created_at"));
            return new DispatchInput(type, fromSessionLine(root), at, null);
        }
        return new DispatchInput(explicitType != null ? explicitType : guessDispatchType(root), root, null, null);
    }

    /** The dispatch a bare {@code d} object most likely came with. */
    static String guessDispatchType(JsonNode d) {
        if (d.has("iframe_path")) {
            return MessageParser.INTERACTION_IFRAME_MODAL_CREATE;
        }
        if (d.has("custom_id")) {
            return MessageParser.INTERACTION_MODAL_CREATE;
        }
        if (d.has("author") || d.has("content") || d.has("embeds") || d.has("attachments")) {
            return MessageParser.MESSAGE_CREATE;
        }
        if (d.has("nonce")) {
            return d.has("reason_code") ? MessageParser.INTERACTION_FAILURE : MessageParser.INTERACTION_SUCCESS;
        }
        return MessageParser.MESSAGE_DELETE;
    }

    /** Discord's message shape from a session line: author object, message_reference object, one button row. */
    private static ObjectNode fromSessionLine(JsonNode line) {
        ObjectNode message = NODES.objectNode();
        message.put("id", textOrEmpty(line.path("id")));
        message.put("channel_id", textOrEmpty(line.path("channel_id")));
        message.putObject("author").put("id", textOrEmpty(line.path("author_id"))).put("bot", true);
        message.put("content", textOrEmpty(line.path("content")));
        String referenced = textOrEmpty(line.path("message_reference"));
        if (!referenced.isEmpty()) {
            message.putObject("message_reference").put("channel_id", textOrEmpty(line.path("channel_id")))
                    .put("message_id", referenced);
        }
        ArrayNode attachments = message.putArray("attachments");
        line.path("attachments").forEach(attachment -> attachments.add(withoutNulls(attachment)));
        message.putArray("embeds");
        ArrayNode rows = message.putArray("components");
        if (line.path("components").isArray() && !line.path("components").isEmpty()) {
            ArrayNode buttons = rows.addObject().put("type", 1).putArray("components");
            line.path("components").forEach(button -> buttons.add(withoutNulls(button)));
        }
        return message;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = NODES.objectNode();
        node.properties().forEach(field -> {
            if (!field.getValue().isNull()) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        return copy;
    }

    private static String typeOr(String explicitType, JsonNode root) {
        return explicitType != null ? explicitType : textOrNull(root.path("t"));
    }

    private static String textOrNull(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : null;
    }

    private static String textOrEmpty(JsonNode node) {
        String text = textOrNull(node);
        return text == null ? "" : text;
    }
}
