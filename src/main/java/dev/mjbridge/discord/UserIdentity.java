package dev.mjbridge.discord;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The IDENTIFY a Discord web client sends for a user account: capabilities, browser
 * properties with the account's user agent, presence and an empty client state.
 */
final class UserIdentity {

    /** Capability bits of the current web client (lazy guilds, versioned settings, ...). */
    private static final int CAPABILITIES = 16381;
    private static final int CLIENT_BUILD_NUMBER = 222_963;

    private UserIdentity() {
    }

    static ObjectNode identify(DiscordCredentials credentials) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode d = f.objectNode();
        d.put("token", credentials.userToken());
        d.put("capabilities", CAPABILITIES);
        ObjectNode properties = d.putObject("properties");
        properties.put("os", "Windows");
        properties.put("browser", "Chrome");
        properties.put("device", "");
        properties.put("system_locale", "en-US");
        properties.put("browser_user_agent", credentials.userAgent());
        properties.put("browser_version", "124.0.0.0");
        properties.put("os_version", "10");
        properties.put("referrer", "");
        properties.put("referring_domain", "");
        properties.put("referrer_current", "");
        properties.put("referring_domain_current", "");
        properties.put("release_channel", "stable");
        properties.put("client_build_number", CLIENT_BUILD_NUMBER);
        properties.putNull("client_event_source");
        ObjectNode presence = d.putObject("presence");
        presence.put("status", "online");
        presence.put("since", 0);
        presence.putArray("activities");
        presence.put("afk", false);
        d.put("compress", false);
        ObjectNode clientState = d.putObject("client_state");
        clientState.putObject("guild_versions");
        clientState.put("highest_last_message_id", "0");
        clientState.put("read_state_version", 0);
        clientState.put("user_guild_settings_version", -1);
        clientState.put("user_settings_version", -1);
        clientState.put("private_channels_version", "0");
        clientState.put("api_code_version", 0);
        ObjectNode frame = f.objectNode();
        frame.put("op", GatewayOpcode.IDENTIFY.code());
        frame.set("d", d);
        return frame;
    }

    static ObjectNode resume(DiscordCredentials credentials, String sessionId, long seq) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.put("op", GatewayOpcode.RESUME.code());
        ObjectNode d = frame.putObject("d");
        d.put("token", credentials.userToken());
        d.put("session_id", sessionId);
        d.put("seq", seq);
        return frame;
    }
}
