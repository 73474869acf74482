package dev.mjbridge.account;

import dev.mjbridge.discord.GatewayState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * How an account stands, apart from its connections: the settings it runs with now (which
 * Midjourney or an operator may have narrowed) next to the ones the accounts file gives, its
 * health with the reason, relax-only after its fast hours ran out, a timed block, and whether it
 * is leaving the pool. Every change of standing is one method here, so the rules of what may
 * follow what are in one place; {@link Account} adds what each change does to the sessions.
 */
final class AccountStanding {

    private static final Logger log = LoggerFactory.getLogger(AccountStanding.class);

    private final String id;
    /** What the account runs with now: the file's settings, disabled or narrowed to relax. */
    private volatile AccountConfig config;
    /** As the accounts file says (the last one applied); a re-enable goes back to it. */
    private volatile AccountConfig configured;
    private volatile AccountHealth health;
    /** Why the account runs relax-only (its fast hours ran out); survives reconnects, cleared by re-enabling. */
    private volatile String relaxOnly;
    /** When a timed block of Midjourney ends (epoch ms), while the account is disabled for it; else null. */
    private volatile Long disabledUntil;
    /** Removed from the accounts file (or replaced by a reconnect): takes no new work, ends what runs. */
    private volatile boolean leaving;

    AccountStanding(AccountConfig config) {
        this.id = config.id();
        this.config = config;
        this.configured = config;
        this.health = config.enabled() ? AccountHealth.of(AccountState.CONNECTING, "starting")
                : AccountHealth.of(AccountState.DISABLED, "disabled in the accounts file");
    }

    AccountConfig config() {
        return config;
    }

    AccountConfig configured() {
        return configured;
    }

    AccountHealth health() {
        return health;
    }

    Optional<Long> disabledUntil() {
        return Optional.ofNullable(disabledUntil);
    }

    boolean leaving() {
        return leaving;
    }

    boolean takesWork() {
        return config.enabled() && !leaving && health.takesWork();
    }

    /** Out of rotation until someone acts, as opposed to reconnecting for a moment. */
    boolean disabled() {
        return !config.enabled() || health.state() == AccountState.DISABLED;
    }

    /** Its session is being opened. */
    void connecting() {
        health = AccountHealth.of(AccountState.CONNECTING, "connecting");
    }

    void disable(String reason) {
        disabledUntil = null;
        config = config.withEnabled(false);
        health = AccountHealth.of(AccountState.DISABLED, reason);
        log.warn("account {} disabled: {}", id, reason);
    }

    void disableUntil(String reason, Instant until) {
        disable(reason);
        disabledUntil = until.toEpochMilli();
    }

    void switchToRelax(String reason) {
        config = config.withModes(SpeedMode.RELAX, EnumSet.of(SpeedMode.RELAX));
        relaxOnly = reason;
        degrade(reason);
    }

    void degrade(String reason) {
        if (health.state() != AccountState.DISABLED) {
            health = AccountHealth.of(AccountState.DEGRADED, reason);
            log.warn("account {} degraded: {}", id, reason);
        }
    }

    /** See {@link Account#restoreFast}. */
    boolean restoreFast(String heldReason) {
        String relaxed = relaxOnly;
        if (relaxed == null && heldReason == null) {
            return false;
        }
        relaxOnly = null;
        if (relaxed != null) {
            config = config.withModes(configured.mode(), configured.allowModes());
        }
        AccountHealth h = health;
        if (h.state() == AccountState.DEGRADED && (h.reason().equals(relaxed) || h.reason().equals(heldReason))) {
            health = AccountHealth.of(AccountState.READY, "fast time available again");
        }
        log.info("account {}: fast time available again; modes {} as configured", id, configured.allowModes());
        return true;
    }

    /** Back to the file's settings, connecting, for {@code why}; {@link #enabledOnLiveSession} if no READY will come. */
    void enable(String why) {
        disabledUntil = null;
        config = configured.withEnabled(true);
        relaxOnly = null;
        health = AccountHealth.of(AccountState.CONNECTING, why + "; connecting");
        log.info("account {}: {}", id, why);
    }

    /** A session that stayed up while the account was disabled sends no new READY. */
    void enabledOnLiveSession(String why) {
        health = AccountHealth.of(AccountState.READY, why);
    }

    /** What {@link #retune} leaves for the account to do to its sessions. */
    enum Retuned { IN_PLACE, DISABLED, ENABLED }

    /**
     * The accounts file changed how the account's work is scheduled. Switched off there, it is
     * disabled; switched back on, it is enabled as by an operator. Otherwise the new values apply,
     * keeping a disable (by Midjourney or an operator) and relax-only until someone re-enables it.
     */
    Retuned retune(AccountConfig next) {
        boolean wasEnabled = configured.enabled();
        configured = next;
        if (!next.enabled()) {
            config = next;
            disable("disabled in the accounts file");
            return Retuned.DISABLED;
        }
        if (!wasEnabled) {
            enable("re-enabled in the accounts file");
            return Retuned.ENABLED;
        }
        AccountConfig kept = next.withEnabled(config.enabled());
        config = relaxOnly == null ? kept : kept.withModes(SpeedMode.RELAX, EnumSet.of(SpeedMode.RELAX));
        log.info("account {}: settings changed in the accounts file ({})", id, config);
        return Retuned.IN_PLACE;
    }

    void retire(String reason) {
        leaving = true;
        health = AccountHealth.of(AccountState.DISABLED, reason);
        log.info("account {}: {}", id, reason);
    }

    /**
     * The session's state moved; false when the account is disabled and stays so (only a failed
     * session changes a disabled account: it says why no session will come).
     */
    boolean sessionState(GatewayState state, String reason) {
        if (health.state() == AccountState.DISABLED && state != GatewayState.FAILED) {
            return false;
        }
        health = switch (state) {
            // Reconnecting does not bring fast hours back.
            case READY -> relaxOnly != null ? AccountHealth.of(AccountState.DEGRADED, relaxOnly)
                    : AccountHealth.of(AccountState.READY, "connected");
            case CONNECTING -> AccountHealth.of(AccountState.CONNECTING, reason);
            // A session that is resuming keeps its id, so work can still be sent meanwhile.
            case RECONNECTING -> AccountHealth.of(AccountState.DEGRADED, "reconnecting: " + reason);
            case FAILED -> {
                config = config.withEnabled(false);
                yield AccountHealth.of(AccountState.DISABLED, reason);
            }
            case STOPPED -> AccountHealth.of(AccountState.DISABLED, "stopped");
        };
        log.info("account {}: {} ({})", id, health.state(), reason);
        return true;
    }
}
