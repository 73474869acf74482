package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;

import java.util.Set;

/** What the account API shows of an account: configuration, health and load. Never a token. */
public record AccountView(
        String id,
        String guildId,
        String channelId,
        boolean enabled,
        AccountState state,
        String stateReason,
        long stateSince,
        SpeedMode mode,
        Set<SpeedMode> allowModes,
        Set<BotType> botTypes,
        int concurrency,
        int queueSize,
        int running,
        int queued,
        int weight,
        String remark,
        boolean remixAutoSubmit,
        Boolean remix,
        boolean sandbox,
        PacingUsage usage,
        AccountSyncView info) {
}
