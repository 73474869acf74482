package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.world.World;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two Discord applications the sandbox simulates. Each is also the bot user that
 * authors its messages (on Discord the application id and the bot user id coincide).
 */
public enum BotApp {
    MIDJOURNEY(World.MIDJOURNEY_APP_ID, "Midjourney Bot", "9282"),
    NIJI(World.NIJI_APP_ID, "niji・journey Bot", "5328");

    private final String applicationId;
    private final String username;
    private final String discriminator;

    BotApp(String applicationId, String username, String discriminator) {
        this.applicationId = applicationId;
        this.username = username;
        this.discriminator = discriminator;
    }

    public String applicationId() {
        return applicationId;
    }

    public String username() {
        return username;
    }

    public static Optional<BotApp> byApplicationId(String id) {
        return Arrays.stream(values()).filter(app -> app.applicationId.equals(id)).findFirst();
    }

    /** The {@code author} object of the bot's messages. */
    public ObjectNode author() {
        ObjectNode author = JsonNodeFactory.instance.objectNode();
        author.put("id", applicationId);
        author.put("username", username);
        author.put("discriminator", discriminator);
        author.putNull("avatar");
        author.put("bot", true);
        return author;
    }

    /** The {@code application} object Discord puts into modal dispatches and the command index. */
    public ObjectNode application() {
        ObjectNode application = JsonNodeFactory.instance.objectNode();
        application.put("id", applicationId);
        application.put("name", this == MIDJOURNEY ? "Midjourney Bot" : "niji・journey Bot");
        application.putNull("icon");
        application.put("description", "");
        application.put("bot_id", applicationId);
        application.put("flags", 0);
        return application;
    }
}
