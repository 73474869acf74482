package dev.mjbridge.sandbox;

/**
 * A Discord user known to the sandbox in advance, with the guild and channel it
 * works in. In strict mode only these tokens are admitted.
 *
 * @param bot a bot account (it identifies as a bot and gets READY + GUILD_CREATE the way
 *            bot libraries such as JDA expect), e.g. the JDA listener's token
 */
public record SandboxAccount(String token, String userId, String username, String guildId, String channelId,
                             boolean bot) {

    /** A user account (the common case: an account of the proxy's pool). */
    public SandboxAccount(String token, String userId, String username, String guildId, String channelId) {
        this(token, userId, username, guildId, channelId, false);
    }

    /** A bot account that is a member of the given guild. */
    public static SandboxAccount bot(String token, String userId, String username, String guildId, String channelId) {
        return new SandboxAccount(token, userId, username, guildId, channelId, true);
    }

    @Override
    public String toString() {
        return "SandboxAccount[userId=" + userId + ", username=" + username + ", guildId=" + guildId
                + ", channelId=" + channelId + ", bot=" + bot + "]";
    }
}
