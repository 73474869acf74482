package dev.mjbridge.account;

import dev.mjbridge.midjourney.MidjourneyCommands;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mj.*} settings the account package owns. They are bound here rather than in
 * {@code config.MjProperties} because their types live here and in midjourney, and the config
 * package sits below both (docs/architecture.md, "Layering").
 *
 * @param selection {@code mj.selection.*}: how the pool picks among eligible accounts
 * @param commands  {@code mj.commands.*}: Midjourney's and Niji's application and command ids and
 *                  versions; what is left out keeps {@link MidjourneyCommands#defaults()}
 */
@ConfigurationProperties("mj")
public record AccountProperties(Selection selection, MidjourneyCommands commands) {

    public AccountProperties {
        selection = selection == null ? new Selection(null) : selection;
        commands = commands == null ? MidjourneyCommands.defaults() : commands;
    }

    /** Every setting at its default. */
    public static AccountProperties defaults() {
        return new AccountProperties(null, null);
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
