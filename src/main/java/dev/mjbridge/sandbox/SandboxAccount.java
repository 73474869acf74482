package dev.mjbridge.sandbox;

/**
 * A Discord user known to the sandbox in advance, with the guild and channel it
 * works in. In strict mode only these tokens are admitted.
 */
public record SandboxAccount(String token, String userId, String username, String guildId, String channelId) {
}
