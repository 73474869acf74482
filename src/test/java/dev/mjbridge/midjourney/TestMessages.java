package dev.mjbridge.midjourney;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds Discord message payloads in the shape the gateway delivers them. */
final class TestMessages {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MJ_BOT = MidjourneyCommands.MIDJOURNEY_APPLICATION_ID;
    static final String NIJI_BOT = MidjourneyCommands.NIJI_APPLICATION_ID;
    static final String USER = "1200000000000000042";
    static final String CHANNEL = "1200000000000000002";
    static final String GUILD = "1200000000000000001";
    static final String HASH = "3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d";

    private TestMessages() {
    }

    static JsonNode resource(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/discord/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode fromBot(String content) {
        return from(MJ_BOT, content);
    }

    static ObjectNode from(String authorId, String content) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", "1200000000000000500");
        message.put("channel_id", CHANNEL);
        message.put("guild_id", GUILD);
        ObjectNode author = message.putObject("author");
        author.put("id", authorId);
        author.put("username", "Midjourney Bot");
        author.put("bot", true);
        message.put("content", content);
        message.put("type", 0);
        message.put("flags", 0);
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        message.putArray("mentions").addObject().put("id", USER);
        return message;
    }

    static ObjectNode withAttachment(ObjectNode message, String filename, int width, int height) {
        ObjectNode attachment = ((ArrayNode) message.path("attachments")).addObject();
        attachment.put("id", "1200000000000000777");
        attachment.put("filename", filename);
        attachment.put("url", "https://cdn.discordapp.com/attachments/" + CHANNEL + "/1200000000000000777/" + filename);
        attachment.put("proxy_url", "https://media.discordapp.net/attachments/" + CHANNEL + "/1200000000000000777/" + filename);
        attachment.put("width", width);
        attachment.put("height", height);
        return message;
    }

    static ObjectNode withButtons(ObjectNode message, String... customIds) {
        ArrayNode row = ((ArrayNode) message.path("components")).addObject().put("type", 1).putArray("components");
        for (String customId : customIds) {
            row.addObject().put("type", 2).put("style", 2).put("custom_id", customId).put("label", "");
        }
        return message;
    }

    static ObjectNode withEmbed(ObjectNode message, String title, String description, Integer color) {
        ObjectNode embed = ((ArrayNode) message.path("embeds")).addObject();
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
        return message;
    }
}
