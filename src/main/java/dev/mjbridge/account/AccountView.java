package dev.mjbridge.account;

import dev.mjbridge.discord.BotListenerStatus;
import dev.mjbridge.midjourney.BotType;

import java.util.Set;

/**
 * What the account API shows of an account: configuration, health and load. Never a token.
 * {@code disabledUntil} is when a timed Midjourney block ends (epoch ms), null otherwise.
 */
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
        Long disabledUntil,
        /* The bot listener ({@code botToken}): state and reason; NONE without one. */
        BotListenerStatus listener,
        /* What the last /info and /settings sync showed; null before the first. */
        AccountSyncView info) {
}
