package dev.mjbridge.account;

import dev.mjbridge.config.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code mj.accounts.*}: the info/settings sync of every account (docs/accounts.md, "Info and
 * settings sync").
 *
 * @param syncEnabled  {@code mj.accounts.sync-enabled}: false = no sync on connect nor by interval;
 *                     {@code POST /mj/account/{id}/sync} still syncs
 * @param syncInterval {@code mj.accounts.sync-interval}: time between two syncs of an account, drawn
 *                     anew each time within ±20% so the accounts do not ask all at once
 * @param syncTimeout  {@code mj.accounts.sync-timeout}: how long one command of a sync waits for
 *                     Midjourney's answer before the sync is recorded as failed
 */
@ConfigurationProperties("mj.accounts")
public record AccountSyncProperties(Boolean syncEnabled, Duration syncInterval, Duration syncTimeout) {

    public AccountSyncProperties {
        syncEnabled = syncEnabled == null || syncEnabled;
        syncInterval = SettingChecks.positive("mj.accounts.sync-interval", syncInterval, Duration.ofMinutes(30));
        syncTimeout = SettingChecks.positive("mj.accounts.sync-timeout", syncTimeout, Duration.ofSeconds(30));
    }

    public static AccountSyncProperties defaults() {
        return new AccountSyncProperties(null, null, null);
    }
}
