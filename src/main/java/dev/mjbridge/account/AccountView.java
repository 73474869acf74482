package dev.mjbridge.account;

import java.util.Set;

import dev.mjbridge.midjourney.BotType;

/**
 * PLACEHOLDER written on branch {@code api}: an account as the API shows it, without
 * any token. The lead's version on main replaces this file.
 */
public record AccountView(
        String id,
        String guildId,
        String channelId,
        boolean enabled,
        String state,
        String stateReason,
        Long stateSince,
        SpeedMode mode,
        Set<SpeedMode> allowModes,
        Set<BotType> botTypes,
        int concurrency,
        int queueSize,
        int running,
        int queued,
        int weight,
        String remark,
        boolean remix,
        boolean sandbox) {
}
