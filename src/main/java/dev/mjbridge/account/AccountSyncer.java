package dev.mjbridge.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the info/settings sync of every account: soon after each new gateway session, then every
 * {@code mj.accounts.sync-interval} (±20%), and when an operator asks
 * ({@code POST /mj/account/{id}/sync}). A disabled account is not synced. One timer tick a second
 * looks for what is due, and checks the fast-time reserve of accounts whose estimate went down.
 */
public final class AccountSyncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountSyncer.class);
    static final Duration TICK = Duration.ofSeconds(1);
    /** Room for the REST calls of a sync (a session may be coming back) beyond its commands' own waits. */
    private static final Duration SLACK = Duration.ofSeconds(60);

    private final AccountPool pool;
    private final JobSender sender;
    private final ScheduledExecutorService scheduler;
    private final AccountProperties.Accounts settings;
    private final Clock clock;
    private final FastTimeGuard guard;
    private final SettingsKeeper keeper;
    private volatile ScheduledFuture<?> ticking;

    public AccountSyncer(AccountPool pool, JobSender sender, ScheduledExecutorService scheduler,
                         AccountProperties.Accounts settings, Clock clock) {
        this.pool = pool;
        this.sender = sender;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
        this.guard = new FastTimeGuard(sender);
        this.keeper = new SettingsKeeper(sender);
    }

    /** Starts the tick: automatic syncs when enabled, the reserve check always. */
    public synchronized void start() {
        if (ticking == null) {
            ticking = scheduler.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    /** The longest a sync of this account can take: its commands' waits plus room for the REST calls. */
    public Duration longest(Account account) {
        int commands = 2 * account.config().botTypes().size() + 2 * account.config().botTypes().size();
        return settings.syncTimeout().multipliedBy(commands).plus(SLACK);
    }

    /**
     * Syncs the account now, or joins the sync it is running. Completes with null when every
     * command was answered, else with why not; never exceptionally, and always within
     * {@link #longest}.
     */
    public CompletableFuture<String> sync(Account account) {
        AccountSync state = account.sync();
        synchronized (state) {
            CompletableFuture<String> running = state.running;
            if (running != null) {
                return running;
            }
            long session = state.session();
            CompletableFuture<String> run = new SyncRun(account, sender, guard, keeper, settings.syncTimeout()).run()
                    .completeOnTimeout("the sync took longer than " + longest(account).toSeconds() + " s",
                            longest(account).toMillis(), TimeUnit.MILLISECONDS);
            state.running = run;
            run.whenComplete((error, ignored) -> {
                synchronized (state) {
                    state.running = null;
                    state.syncedSession = session;
                    state.nextSyncAt = clock.instant().plus(jittered(settings.syncInterval()));
                }
                if (error == null) {
                    log.info("account {}: synced /info and /settings", account.id());
                } else {
                    log.warn("account {}: sync failed: {}", account.id(), error);
                }
            });
            return run;
        }
    }

    void tick() {
        try {
            for (Account account : pool.all()) {
                if (account.sync().takeFastTimeChanged()) {
                    guard.check(account, false);
                }
                if (settings.syncEnabled() && due(account)) {
                    sync(account);
                }
            }
        } catch (RuntimeException unexpected) {
            // A timer task that throws is never run again: log and keep ticking.
            log.error("account sync tick failed", unexpected);
        }
    }

    private boolean due(Account account) {
        AccountSync state = account.sync();
        AccountState health = account.health().state();
        if (account.disabled() || state.running != null
                || (health != AccountState.READY && health != AccountState.DEGRADED)) {
            return false;
        }
        Instant next = state.nextSyncAt;
        boolean newSession = state.session() > 0 && state.session() != state.syncedSession;
        return newSession || (next != null && !clock.instant().isBefore(next));
    }

    /** The interval, give or take up to 20%, drawn anew each time. */
    static Duration jittered(Duration interval) {
        double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(interval.toMillis() * factor)));
    }
}
