package dev.mjbridge.sandbox.gateway;

import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.Guild;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;

/**
 * READY and GUILD_CREATE as Discord shapes them: users get full guilds inside READY,
 * bots get unavailable guild stubs in READY followed by one GUILD_CREATE each, which
 * is what bot libraries wait for before they emit message events.
 */
final class ReadyPayloads {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Every permission bit a bot library checks before it reads or sends messages. */
    private static final String ALL_PERMISSIONS = "2251799813685247";

    private final World world;

    ReadyPayloads(World world) {
        this.world = world;
    }

    ObjectNode ready(GatewaySession session, int apiVersion, String resumeGatewayUrl) {
        SandboxUser user = session.user();
        ObjectNode ready = JSON.objectNode();
        ready.put("v", apiVersion);
        ready.set("user", userObject(user));
        ready.put("session_id", session.id());
        ready.put("resume_gateway_url", resumeGatewayUrl);
        ready.put("session_type", "normal");
        ArrayNode guilds = ready.putArray("guilds");
        for (Guild guild : world.guildsOf(user)) {
            guilds.add(user.bot() ? unavailableGuild(guild) : guild(guild));
        }
        ArrayNode privateChannels = ready.putArray("private_channels");
        if (!user.bot()) {
            Channel dm = world.dmChannelOf(user);
            ObjectNode channel = privateChannels.addObject();
            channel.put("id", dm.id());
            channel.put("type", Channel.DM);
            channel.putArray("recipient_ids").add(World.MIDJOURNEY_APP_ID);
            ready.putArray("relationships");
            ready.putObject("user_settings");
            ready.putArray("sessions");
            ready.put("analytics_token", "sandbox");
        } else {
            ObjectNode application = ready.putObject("application");
            application.put("id", user.id());
            application.put("flags", 0);
            ready.putArray("shard").add(0).add(1);
        }
        return ready;
    }

    ObjectNode guildCreate(Guild guild) {
        return guild(guild);
    }

    static ObjectNode userObject(SandboxUser user) {
        ObjectNode node = JSON.objectNode();
        node.put("id", user.id());
        node.put("username", user.username());
        node.put("global_name", user.username());
        node.put("discriminator", user.bot() ? "0001" : "0");
        node.putNull("avatar");
        node.put("bot", user.bot());
        node.put("verified", true);
        node.put("mfa_enabled", false);
        node.put("flags", 0);
        node.put("public_flags", 0);
        return node;
    }

    private ObjectNode unavailableGuild(Guild guild) {
        ObjectNode node = JSON.objectNode();
        node.put("id", guild.id());
        node.put("unavailable", true);
        return node;
    }

    private ObjectNode guild(Guild guild) {
        ObjectNode node = JSON.objectNode();
        node.put("id", guild.id());
        node.put("name", guild.name());
        node.putNull("icon");
        node.put("owner_id", World.MIDJOURNEY_APP_ID);
        node.put("unavailable", false);
        node.put("large", false);
        node.put("member_count", guild.memberIds().size());
        node.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        node.put("verification_level", 0);
        node.put("default_message_notifications", 0);
        node.put("explicit_content_filter", 0);
        node.put("mfa_level", 0);
        node.put("nsfw_level", 0);
        node.put("premium_tier", 0);
        node.put("preferred_locale", "en-US");
        node.put("system_channel_flags", 0);
        // Fields Discord always sends that bot libraries read without a default (JDA rejects afk_timeout 0).
        node.put("afk_timeout", 300);
        node.putNull("afk_channel_id");
        node.putNull("system_channel_id");
        node.putNull("rules_channel_id");
        node.putNull("public_updates_channel_id");
        node.putNull("safety_alerts_channel_id");
        node.putNull("splash");
        node.putNull("discovery_splash");
        node.putNull("banner");
        node.putNull("description");
        node.putNull("vanity_url_code");
        node.putNull("application_id");
        node.put("premium_subscription_count", 0);
        node.put("premium_progress_bar_enabled", false);
        node.put("max_members", 500_000);
        node.put("max_video_channel_users", 25);
        node.put("widget_enabled", false);
        node.putArray("features");
        node.putArray("emojis");
        node.putArray("stickers");
        node.putArray("voice_states");
        node.putArray("presences");
        node.putArray("threads");
        node.putArray("stage_instances");
        node.putArray("guild_scheduled_events");
        ObjectNode everyone = node.putArray("roles").addObject();
        everyone.put("id", guild.id());
        everyone.put("name", "@everyone");
        everyone.put("permissions", ALL_PERMISSIONS);
        everyone.put("position", 0);
        everyone.put("color", 0);
        everyone.put("hoist", false);
        everyone.put("managed", false);
        everyone.put("mentionable", false);
        everyone.put("flags", 0);
        everyone.putNull("icon");
        everyone.putNull("unicode_emoji");
        ArrayNode channels = node.putArray("channels");
        guild.channelIds().stream().sorted(Comparator.naturalOrder()).forEach(id -> world.channel(id).ifPresent(ch -> {
            ObjectNode channel = channels.addObject();
            channel.put("id", ch.id());
            channel.put("type", Channel.GUILD_TEXT);
            channel.put("name", ch.name());
            channel.put("position", channels.size());
            channel.putNull("parent_id");
            channel.put("nsfw", false);
            channel.put("rate_limit_per_user", 0);
            channel.putArray("permission_overwrites");
            channel.put("guild_id", guild.id());
            channel.putNull("topic");
            channel.putNull("last_message_id");
            channel.put("flags", 0);
        }));
        ArrayNode members = node.putArray("members");
        for (String memberId : guild.memberIds()) {
            world.user(memberId).ifPresent(member -> {
                ObjectNode entry = members.addObject();
                entry.set("user", userObject(member));
                entry.putArray("roles");
                entry.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
                entry.put("deaf", false);
                entry.put("mute", false);
                entry.put("flags", 0);
            });
        }
        return node;
    }
}
