package dev.mjbridge.account;

import dev.mjbridge.config.SettingChecks;
import dev.mjbridge.midjourney.MidjourneyCommands;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code mj.*} settings the account package owns. They are bound here rather than in
 * {@code config.MjProperties} because their types live here and in midjourney, and the config
 * package sits below both (docs/architecture.md, "Layering").
 *
 * @param selection {@code mj.selection.*}: how the pool picks among eligible accounts
 * @param commands  {@code mj.commands.*}: Midjourney's and Niji's application and command ids and
 *                  versions; what is left out keeps {@link MidjourneyCommands#defaults()}
 * @param accounts  {@code mj.accounts.*}: how edits of accounts.yml are picked up, and each account's
 *                  info/settings sync
 */
@ConfigurationProperties("mj")
public record AccountProperties(Selection selection, MidjourneyCommands commands, Accounts accounts) {

    public AccountProperties {
        selection = selection == null ? new Selection(null) : selection;
        commands = commands == null ? MidjourneyCommands.defaults() : commands;
        accounts = accounts == null ? new Accounts(null, null, null, null) : accounts;
    }

    /** Every setting at its default. */
    public static AccountProperties defaults() {
        return new AccountProperties(null, null, null);
    }

    /**
     * @param reloadCheck  {@code mj.accounts.reload-check}: how often accounts.yml's checksum is compared
     *                     besides watching its folder (a watch misses some replacements, e.g. on volume mounts)
     * @param syncEnabled  {@code mj.accounts.sync-enabled}: false = no sync on connect nor by interval;
     *                     {@code POST /mj/account/{id}/sync} still syncs (docs/accounts.md, "Info and settings sync")
     * @param syncInterval {@code mj.accounts.sync-interval}: time between two syncs of an account, drawn
     *                     anew each time within ±20% so the accounts do not ask all at once
     * @param syncTimeout  {@code mj.accounts.sync-timeout}: how long one command of a sync waits for
     *                     Midjourney's answer before the sync is recorded as failed
     */
    public record Accounts(Duration reloadCheck, Boolean syncEnabled, Duration syncInterval, Duration syncTimeout) {
        public Accounts {
            reloadCheck = SettingChecks.positive("mj.accounts.reload-check", reloadCheck, Duration.ofSeconds(5));
            syncEnabled = syncEnabled == null || syncEnabled;
            syncInterval = SettingChecks.positive("mj.accounts.sync-interval", syncInterval, Duration.ofMinutes(30));
            syncTimeout = SettingChecks.positive("mj.accounts.sync-timeout", syncTimeout, Duration.ofSeconds(30));
        }
    }

    /**
     * @param strategy {@code mj.selection.strategy}; empty = {@code BEST_WAIT_IDLE}; an unknown name
     *                 stops start-up (the binder names the key and the value)
     */
    public record Selection(SelectionStrategy strategy) {
        public Selection {
            strategy = strategy == null ? SelectionStrategy.BEST_WAIT_IDLE : strategy;
        }
    }
}
