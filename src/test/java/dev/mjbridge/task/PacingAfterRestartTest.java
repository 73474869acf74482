package dev.mjbridge.task;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountConnector;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.DayStart;
import dev.mjbridge.account.PacingRules;
import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.account.WorkHours;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MessageParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's daily count survives a restart, and an account listed again by a live edit (after
 * it was removed) finds the jobs it sent today too: pacing lives in memory, the task store does not.
 * Nothing connects: the endpoints lead nowhere.
 */
class PacingAfterRestartTest {

    private static final DiscordEndpoints NOWHERE = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "",
            "", "http://127.0.0.1:1");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AccountConnector connector = new AccountConnector(NOWHERE, JsonMapper.builder().build(), scheduler,
            new MessageParser(), RestRetryPolicy.standard(), Backoff.standard());
    private final MemoryTaskStore store = new MemoryTaskStore();

    @AfterEach
    void stop() {
        connector.close();
        scheduler.shutdownNow();
    }

    @Test
    void atStartUpEachAccountCountsWhatItSentToday() {
        sentToday("1", "limited");
        sentToday("2", "limited");
        AccountPool pool = new AccountPool(List.of(twoADay("limited")), connector,
                new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        pool.build((account, event) -> { });

        PacingAfterRestart.restore(pool, store);

        assertThat(pool.find("limited").orElseThrow().pacing().usage().today()).isEqualTo(2);
        assertThat(pool.find("limited").orElseThrow().pacing().blocked()).as("at its limit").isPresent();
    }

    @Test
    void anAccountListedAgainByALiveEditCountsWhatItSentTodayBeforeItWasRemoved() {
        sentToday("1", "returning");
        sentToday("2", "returning");
        AccountPool pool = new AccountPool(List.of(twoADay("staying")), connector,
                new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        pool.build((account, event) -> { });
        List<String> joined = new ArrayList<>();
        pool.whenAccountJoins(account -> {
            joined.add(account.id());
            PacingAfterRestart.restore(account, store);
        });

        pool.apply(List.of(twoADay("staying"), twoADay("returning")));

        assertThat(joined).as("only the added account is restored, not the one already running").containsExactly(
                "returning");
        assertThat(pool.find("returning").orElseThrow().pacing().usage().today()).isEqualTo(2);
        assertThat(pool.find("returning").orElseThrow().pacing().blocked()).isPresent();
        pool.close();
    }

    private void sentToday(String id, String accountId) {
        Task task = Task.create(id, JobKind.IMAGINE, System.currentTimeMillis()).withStatus(TaskStatus.SUBMITTED);
        store.save(task.withProperties(task.properties().withDiscordInstanceId(accountId).withNonce("nonce-" + id)));
    }

    private static AccountConfig twoADay(String id) {
        PacingRules rules = new PacingRules(2, DayStart.MIDNIGHT_UTC, Duration.ZERO, Duration.ZERO, WorkHours.ALWAYS);
        return new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null, rules);
    }
}
