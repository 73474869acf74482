package dev.mjbridge.account;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The accounts as gauges, read when scraped: how many accounts are in each state, each account's
 * state (one gauge per state, 1 for the one it is in), its running and queued tasks and queue size, and its fast
 * time left (from the last {@code /info}, minus the fast jobs finished since; NaN before the first).
 * The rows follow the pool: an account added by a live edit gets its gauges, one that left loses them.
 * Tags name the account's id, never anything of its configuration.
 */
public final class AccountMeters {

    private final AccountPool pool;
    private final MultiGauge accountState;
    private final MultiGauge running;
    private final MultiGauge queued;
    private final MultiGauge fastTime;
    private final MultiGauge queueSize;

    public AccountMeters(AccountPool pool, MeterRegistry registry) {
        this.pool = pool;
        for (AccountState state : AccountState.values()) {
            Gauge.builder("mj.accounts", pool, p -> count(p, state))
                    .description("Accounts in each state")
                    .tag("state", state.name())
                    .strongReference(true)
                    .register(registry);
        }
        this.accountState = MultiGauge.builder("mj.account.state")
                .description("1 for the state the account is in, 0 for the others").register(registry);
        this.running = MultiGauge.builder("mj.account.tasks.running")
                .description("Tasks holding one of the account's slots").register(registry);
        this.queued = MultiGauge.builder("mj.account.tasks.queued")
                .description("Tasks waiting in the account's queue").register(registry);
        this.queueSize = MultiGauge.builder("mj.account.queue.size")
                .description("How many tasks the account's queue holds (its queueSize)").register(registry);
        this.fastTime = MultiGauge.builder("mj.account.fast.time.remaining").baseUnit("seconds")
                .description("Fast time left by the account's last /info, minus the fast jobs finished since")
                .register(registry);
        pool.whenMembersChange(this::refresh);
    }

    /** Puts one row per account shown by the API; the rows of accounts that left go. */
    synchronized void refresh() {
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        List<MultiGauge.Row<?>> runs = new ArrayList<>();
        List<MultiGauge.Row<?>> queues = new ArrayList<>();
        List<MultiGauge.Row<?>> fast = new ArrayList<>();
        List<MultiGauge.Row<?>> sizes = new ArrayList<>();
        for (Account account : pool.shown()) {
            Tags tags = Tags.of("account", account.id());
            for (AccountState state : AccountState.values()) {
                states.add(MultiGauge.Row.of(tags.and("state", state.name()), account,
                        a -> a.health().state() == state ? 1 : 0));
            }
            runs.add(MultiGauge.Row.of(tags, account, a -> a.slots().running()));
            queues.add(MultiGauge.Row.of(tags, account, a -> a.slots().queued()));
            fast.add(MultiGauge.Row.of(tags, account, AccountMeters::fastSecondsLeft));
            sizes.add(MultiGauge.Row.of(tags, account, a -> a.config().queueSize()));
        }
        accountState.register(states, true);
        running.register(runs, true);
        queued.register(queues, true);
        fastTime.register(fast, true);
        queueSize.register(sizes, true);
    }

    private static double count(AccountPool pool, AccountState state) {
        return pool.all().stream().filter(a -> a.health().state() == state).count();
    }

    private static double fastSecondsLeft(Account account) {
        Long seconds = account.sync().fastTime().remainingSeconds();
        return seconds == null ? Double.NaN : seconds;
    }
}
