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
 * @param accounts  {@code mj.accounts.*}: how edits of accounts.yml are picked up
 */
@ConfigurationProperties("mj")
public record AccountProperties(Selection selection, MidjourneyCommands commands, Accounts accounts) {

    public AccountProperties {
        selection = selection == null ? new Selection(null) : selection;
        commands = commands == null ? MidjourneyCommands.defaults() : commands;
        accounts = accounts == null ? new Accounts(null) : accounts;
    }

    /** Every setting at its default. */
    public static AccountProperties defaults() {
        return new AccountProperties(null, null, null);
    }

    /**
     * @param reloadCheck {@code mj.accounts.reload-check}: how often accounts.yml's checksum is compared
     *                    besides watching its folder (a watch misses some replacements, e.g. on volume mounts)
     */
    public record Accounts(Duration reloadCheck) {
        public Accounts {
            reloadCheck = SettingChecks.positive("mj.accounts.reload-check", reloadCheck, Duration.ofSeconds(5));
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
