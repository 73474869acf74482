package dev.mjbridge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountConnector;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MessageParser;

/**
 * An account this instance claims brings its unfinished tasks: the ones this instance does not know
 * are taken up from their rows; one it already follows as sent holds a slot; one it knows as queued
 * is taken up again unless it already waits on the account (its earlier session's queue went with
 * that session when the lease lapsed, so without this it would stay NOT_START for ever).
 */
class AccountTakeoverTest {

    private static final DiscordEndpoints NOWHERE = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "",
            "", "http://127.0.0.1:1");
    private static final LeaseStamp STAMP = new LeaseStamp("node-a", 7);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AccountConnector connector = new AccountConnector(NOWHERE, JsonMapper.builder().build(), scheduler,
            new MessageParser(), RestRetryPolicy.standard(), Backoff.standard());
    private final MemoryTaskStore store = new MemoryTaskStore();
    private final InFlightIndex index = new InFlightIndex();
    private final TaskWriter writer = new TaskWriter(index, store, new TaskTransitions(), List.of());
    private final List<String> takenUp = new ArrayList<>();
    private final AccountTakeover takeover = new AccountTakeover(store, index, writer, task -> {
        takenUp.add(task.id());
        writer.adopt(task);
        return true;
    }, id -> Optional.of(STAMP));

    @AfterEach
    void stop() {
        connector.close();
        scheduler.shutdownNow();
    }

    @Test
    void aTaskUnknownHereIsTakenUpFromItsRow() {
        Account account = freshAccount();
        store.save(queued("1732800000000001"));

        takeover.takeUp(account);

        assertThat(takenUp).containsExactly("1732800000000001");
    }

    @Test
    void aTaskKnownAsQueuedOnAnEarlierSessionOfTheAccountIsQueuedAgain() {
        Account account = freshAccount();
        Task left = queued("1732800000000002");
        store.save(left);
        index.put(left);

        takeover.takeUp(account);

        assertThat(takenUp).as("taken up again: the new session's queue does not hold it").containsExactly(left.id());
    }

    @Test
    void aTaskAlreadyWaitingOnTheAccountIsNotQueuedTwice() {
        Account account = freshAccount();
        Task waiting = queued("1732800000000003");
        store.save(waiting);
        index.put(waiting);
        account.slots().admit(waiting.id(), () -> { });

        takeover.takeUp(account);

        assertThat(takenUp).isEmpty();
        assertThat(account.slots().holds(waiting.id())).isTrue();
    }

    @Test
    void aTaskKnownAsSentHoldsASlotAndIsNotSentAgain() {
        Account account = freshAccount();
        Task sent = queued("1732800000000004").withStatus(TaskStatus.IN_PROGRESS)
                .withProperties(queued("1732800000000004").properties().withNonce("nonce-4"));
        store.save(sent);
        index.put(sent);

        takeover.takeUp(account);

        assertThat(takenUp).isEmpty();
        assertThat(account.slots().isRunning(sent.id())).isTrue();
    }

    private Account freshAccount() {
        AccountPool pool = new AccountPool(List.of(config("acc-1")), connector,
                new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        pool.build((account, event) -> { });
        return pool.find("acc-1").orElseThrow();
    }

    private static Task queued(String id) {
        Task task = Task.create(id, JobKind.IMAGINE, Long.parseLong(id)).withPrompt("a lighthouse", "a lighthouse");
        return task.withProperties(task.properties().withDiscordInstanceId("acc-1"));
    }

    private static AccountConfig config(String id) {
        return new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
    }
}
