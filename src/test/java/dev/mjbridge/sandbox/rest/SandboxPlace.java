package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.control.KnownUser;

/** Where a token's user lives in an open-mode sandbox: its id, guild and channel. */
public record SandboxPlace(String token, String userId, String guildId, String channelId) {

    /** Creates the user (first REST call) and looks up the guild and channel the sandbox gave it. */
    public static SandboxPlace of(SandboxServer sandbox, SandboxHttp http, String token) {
        String userId = http.userIdOf(token);
        KnownUser user = sandbox.control().knownUser(userId).orElseThrow();
        return new SandboxPlace(token, userId, user.guildIds().get(0), user.channelIds().get(0));
    }
}
