package dev.mjbridge.account;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.MessageParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Choosing accounts for one new task among many: AccountSelector.rank over the whole pool, as
 * task admission calls it, for each selection strategy; and the pinned case (a button press
 * must go to the account that made its parent). Accounts are never connected; they are marked
 * DEGRADED, a state that takes work, so every account is eligible and ranking does its full work.
 * With {@code pacing=paced} every account has a daily limit it has not reached and work hours that
 * cover the whole day, so ranking also checks both for every account and still finds all eligible.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccountSelectionBenchmark {

    @Param({"1000"})
    public int accounts;

    @Param({"BEST_WAIT_IDLE", "ROUND_ROBIN", "WEIGHTED"})
    public SelectionStrategy strategy;

    @Param({"none", "paced"})
    public String pacing;

    private AccountSelector selector;
    private List<Account> pool;
    private AccountSelector.Need anyAccount;
    private AccountSelector.Need pinned;

    @Setup(Level.Trial)
    public void fill() {
        selector = new AccountSelector(strategy);
        pool = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            Account account = account(String.format("acc-%04d", i), 1 + i % 3, rules());
            account.degrade("benchmark: takes work without a gateway");
            pool.add(account);
        }
        anyAccount = new AccountSelector.Need(BotType.MID_JOURNEY, null, null, AccountFilter.NONE, SpeedMode.FAST);
        pinned = new AccountSelector.Need(BotType.MID_JOURNEY, "acc-0500", null, AccountFilter.NONE, SpeedMode.FAST);
        if (selector.rank(pool, anyAccount).size() != accounts || selector.rank(pool, pinned).size() != 1) {
            throw new IllegalStateException("set-up error: not every account is eligible");
        }
    }

    @Benchmark
    public List<Account> rankWholePool() {
        return selector.rank(pool, anyAccount);
    }

    @Benchmark
    public List<Account> rankPinned() {
        return selector.rank(pool, pinned);
    }

    private PacingRules rules() {
        return "paced".equals(pacing)
                ? new PacingRules(1_000, DayStart.parse("06:00 Europe/Berlin"), Duration.ZERO, Duration.ZERO,
                        WorkHours.parse("00:00-12:00, 12:00-00:00 UTC"))
                : PacingRules.NONE;
    }

    private static Account account(String id, int weight, PacingRules rules) {
        AccountConfig config = new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), weight, null, null, null, rules);
        DiscordEndpoints endpoints = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "", "");
        return new Account(config, null, listener -> new UserGatewaySession(id, config.credentials(), endpoints,
                JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false);
    }
}
