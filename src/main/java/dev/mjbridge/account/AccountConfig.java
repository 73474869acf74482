package dev.mjbridge.account;

import dev.mjbridge.discord.DiscordCredentials;
import dev.mjbridge.midjourney.BotType;

import java.util.List;
import java.util.Set;

/**
 * One Discord account of the pool, as accounts.yml describes it. {@link #toString()}
 * masks the tokens.
 *
 * @param id              stable name, shown on tasks as {@code discordInstanceId}
 * @param concurrency     jobs running at once on this account (Midjourney allows 3 fast)
 * @param queueSize       jobs waiting here beyond {@code concurrency}
 * @param timeoutMinutes  a task that hears nothing this long fails
 * @param mode            the account's default speed mode
 * @param allowModes      the modes requests may ask for on this account
 * @param remixAutoSubmit answer remix modals the client did not ask for with the parent prompt
 * @param weight          share of new work under weighted selection
 * @param pacing          daily limit, send interval and work hours ({@link PacingRules#NONE}: none)
 * @param moderation      what the account does on its own about Midjourney's moderation
 * @param sync            remix and fast-time reserve kept by the info/settings sync ({@link SyncRules#NONE}: none)
 */
public record AccountConfig(
        String id,
        String guildId,
        String channelId,
        String userToken,
        String userAgent,
        boolean enabled,
        int concurrency,
        int queueSize,
        int timeoutMinutes,
        SpeedMode mode,
        Set<SpeedMode> allowModes,
        boolean remixAutoSubmit,
        Set<BotType> botTypes,
        int weight,
        String remark,
        String botToken,
        String proxy,
        PacingRules pacing,
        ModerationKeys moderation,
        SyncRules sync) {

    public static final int DEFAULT_CONCURRENCY = 3;
    public static final int DEFAULT_QUEUE_SIZE = 10;
    public static final int DEFAULT_TIMEOUT_MINUTES = 5;

    public AccountConfig {
        allowModes = Set.copyOf(allowModes);
        botTypes = Set.copyOf(botTypes);
        pacing = pacing == null ? PacingRules.NONE : pacing;
        moderation = moderation == null ? ModerationKeys.DEFAULTS : moderation;
        sync = sync == null ? SyncRules.NONE : sync;
    }

    /** An account with the default moderation keys and without sync rules. */
    public AccountConfig(String id, String guildId, String channelId, String userToken, String userAgent,
                         boolean enabled, int concurrency, int queueSize, int timeoutMinutes, SpeedMode mode,
                         Set<SpeedMode> allowModes, boolean remixAutoSubmit, Set<BotType> botTypes, int weight,
                         String remark, String botToken, String proxy, PacingRules pacing) {
        this(id, guildId, channelId, userToken, userAgent, enabled, concurrency, queueSize, timeoutMinutes, mode,
                allowModes, remixAutoSubmit, botTypes, weight, remark, botToken, proxy, pacing, ModerationKeys.DEFAULTS,
                SyncRules.NONE);
    }

    /** An account without pacing. */
    public AccountConfig(String id, String guildId, String channelId, String userToken, String userAgent,
                         boolean enabled, int concurrency, int queueSize, int timeoutMinutes, SpeedMode mode,
                         Set<SpeedMode> allowModes, boolean remixAutoSubmit, Set<BotType> botTypes, int weight,
                         String remark, String botToken, String proxy) {
        this(id, guildId, channelId, userToken, userAgent, enabled, concurrency, queueSize, timeoutMinutes, mode,
                allowModes, remixAutoSubmit, botTypes, weight, remark, botToken, proxy, PacingRules.NONE);
    }

    public DiscordCredentials credentials() {
        return new DiscordCredentials(userToken, userAgent);
    }

    public boolean allows(SpeedMode requested) {
        return allowModes.contains(requested);
    }

    public boolean serves(BotType botType) {
        return botTypes.contains(botType);
    }

    public AccountConfig withEnabled(boolean value) {
        return new AccountConfig(id, guildId, channelId, userToken, userAgent, value, concurrency, queueSize,
                timeoutMinutes, mode, allowModes, remixAutoSubmit, botTypes, weight, remark, botToken, proxy, pacing,
                moderation, sync);
    }

    /** The same account running in {@code value} mode and allowing only {@code allowed}. */
    public AccountConfig withModes(SpeedMode value, Set<SpeedMode> allowed) {
        return new AccountConfig(id, guildId, channelId, userToken, userAgent, enabled, concurrency, queueSize,
                timeoutMinutes, value, allowed, remixAutoSubmit, botTypes, weight, remark, botToken, proxy, pacing,
                moderation, sync);
    }

    /** Keys of accounts.yml in the order the example documents them. */
    public static final List<String> KEYS = List.of("id", "guildId", "channelId", "userToken", "userAgent", "enabled",
            "concurrency", "queueSize", "timeoutMinutes", "mode", "allowModes", "remixAutoSubmit", "botTypes",
            "weight", "remark", "botToken", "proxy", "dailyLimit", "dayStartsAt", "minIntervalSeconds",
            "intervalJitterSeconds", "workHours", "autoAcknowledge", "autoAcceptTos", "remix",
            "fastTimeReserveMinutes");

    @Override
    public String toString() {
        return "AccountConfig[id=" + id + ", guildId=" + guildId + ", channelId=" + channelId
                + ", userToken=" + DiscordCredentials.mask(userToken) + ", enabled=" + enabled
                + ", concurrency=" + concurrency + ", queueSize=" + queueSize + ", mode=" + mode
                + ", allowModes=" + allowModes + ", botTypes=" + botTypes + ", weight=" + weight + ", pacing=" + pacing
                + ", sync=" + sync
                + ", botToken=" + (botToken == null ? "none" : DiscordCredentials.mask(botToken)) + "]";
    }
}
