package dev.mjbridge.sandbox.world;

/**
 * A text channel of a guild, or a DM channel (guildId null, recipientId set).
 */
public record Channel(String id, String guildId, String name, String recipientId) {

    public static final int GUILD_TEXT = 0;
    public static final int DM = 1;

    public boolean isDm() {
        return guildId == null;
    }

    public int type() {
        return isDm() ? DM : GUILD_TEXT;
    }
}
