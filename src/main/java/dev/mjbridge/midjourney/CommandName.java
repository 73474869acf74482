package dev.mjbridge.midjourney;

/** The slash commands mj-bridge sends, by their Discord name. */
public enum CommandName {
    IMAGINE("imagine"),
    DESCRIBE("describe"),
    BLEND("blend"),
    SHORTEN("shorten"),
    SHOW("show"),
    INFO("info"),
    SETTINGS("settings"),
    FAST("fast"),
    RELAX("relax"),
    TURBO("turbo");

    private final String wireName;

    CommandName(String wireName) {
        this.wireName = wireName;
    }

    /** The name Discord knows the command by, e.g. {@code imagine}. */
    public String wireName() {
        return wireName;
    }
}
