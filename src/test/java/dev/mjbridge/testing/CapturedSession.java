package dev.mjbridge.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real 2026 session in {@code src/test/resources/captures/v7-2026/session.jsonl}
 * (see the README beside it). Its lines are another project's re-serialisation of Discord
 * messages, so {@link Line#toDiscordMessage()} rebuilds the Discord message shape the parser
 * and the sandbox speak: {@code author{id}}, {@code message_reference{message_id}}, buttons in
 * one action row. Nothing the capture did not record (flags, type, nonce) is invented.
 */
public final class CapturedSession {

    public static final String RESOURCE = "/captures/v7-2026/session.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<Line> lines;

    private CapturedSession(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The session fixture, in capture order. */
    public static CapturedSession v7() {
        try (InputStream in = CapturedSession.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            List<Line> lines = new ArrayList<>();
            int number = 0;
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!text.isBlank()) {
                    lines.add(new Line(number++, JSON.readTree(text)));
                }
            }
            return new CapturedSession(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Line> lines() {
        return lines;
    }

    /** Every line of one message (its creation and its edits), in order. */
    public List<Line> message(String id) {
        return lines.stream().filter(line -> line.id().equals(id)).toList();
    }

    /** The first line whose content contains {@code text}. */
    public Line first(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("no captured line contains " + text));
    }

    public Optional<Line> find(String text) {
        return lines.stream().filter(line -> line.content().contains(text)).findFirst();
    }

    /** One captured message event. */
    public record Line(int number, JsonNode raw) {

        public String id() {
            return raw.path("id").asString();
        }

        public String content() {
            return raw.path("content").asString("");
        }

        /** Whether this line is an edit (Discord's MESSAGE_UPDATE) rather than the creation. */
        public boolean isEdit() {
            return !raw.path("edited_at").isNull() && !raw.path("edited_at").isMissingNode();
        }

        /** The Discord dispatch type this line was: MESSAGE_UPDATE for edits, else MESSAGE_CREATE. */
        public String dispatchType() {
            return isEdit() ? "MESSAGE_UPDATE" : "MESSAGE_CREATE";
        }

        public String referencedMessageId() {
            JsonNode reference = raw.path("message_reference");
            return reference.isNull() || reference.isMissingNode() ? null : reference.asString();
        }

        public List<String> attachmentNames() {
            List<String> names = new ArrayList<>();
            raw.path("attachments").forEach(attachment -> names.add(attachment.path("filename").asString()));
            return names;
        }

        /** The buttons as captured: custom_id (null for link buttons), label, style. */
        public List<JsonNode> buttons() {
            List<JsonNode> buttons = new ArrayList<>();
            raw.path("components").forEach(buttons::add);
            return buttons;
        }

        /** The message as Discord delivers it in a dispatch's {@code d}. */
        public ObjectNode toDiscordMessage() {
            ObjectNode message = NODES.objectNode();
            message.put("id", id());
            message.put("channel_id", raw.path("channel_id").asString());
            message.putObject("author").put("id", raw.path("author_id").asString()).put("bot", true);
            message.put("content", content());
            message.put("timestamp", raw.path("created_at").asString());
            if (isEdit()) {
                message.put("edited_timestamp", raw.path("edited_at").asString());
            }
            String referenced = referencedMessageId();
            if (referenced != null) {
                message.putObject("message_reference").put("channel_id", raw.path("channel_id").asString())
                        .put("message_id", referenced);
            }
            ArrayNode attachments = message.putArray("attachments");
            raw.path("attachments").forEach(attachment -> {
                ObjectNode copy = attachments.addObject();
                attachment.properties().forEach(field -> {
                    if (!field.getValue().isNull()) {
                        copy.set(field.getKey(), field.getValue());
                    }
                });
            });
            message.putArray("embeds");
            ArrayNode rows = message.putArray("components");
            if (!buttons().isEmpty()) {
                ObjectNode row = rows.addObject();
                row.put("type", 1);
                ArrayNode children = row.putArray("components");
                buttons().forEach(button -> {
                    ObjectNode copy = children.addObject();
                    button.properties().forEach(field -> {
                        if (!field.getValue().isNull()) {
                            copy.set(field.getKey(), field.getValue());
                        }
                    });
                });
            }
            return message;
        }
    }
}
