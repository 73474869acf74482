package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountConnector;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.JobSender;
import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MidjourneyCommands;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admission takes the slot under its lock and waits for the new task's row after it: a submit
 * whose row is not written yet holds up neither another submit's slot nor its answer's order,
 * and is answered only once its row is written. The database is a store whose writes wait for
 * the test's word, written behind on the store's own thread as in production.
 */
class TaskAdmissionTest {

    private static final DiscordEndpoints NOWHERE = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "",
            "", "http://127.0.0.1:1");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AccountConnector connector = new AccountConnector(NOWHERE, JsonMapper.builder().build(), scheduler,
            new MessageParser(), RestRetryPolicy.standard(), Backoff.standard());
    private final HeldStore database = new HeldStore();
    private final TaskJsonCache json = new TaskJsonCache(JsonMapper.builder().build(), TaskJsonCache.DEFAULT_MAX_BYTES);
    private final WriteBehindTaskStore store = WriteBehindTaskStore.onOwnThread(database, json::stored);
    private final InFlightIndex index = new InFlightIndex();
    private final CountDownLatch secondTracked = new CountDownLatch(1);
    private final TaskWriter writer = new TaskWriter(index, store, new TaskTransitions(), json,
            List.of(task -> {
                if (task.id().equals("1732800000000002")) {
                    secondTracked.countDown();
                }
            }));

    @AfterEach
    void stop() {
        database.release.countDown();
        store.close();
        connector.close();
        scheduler.shutdownNow();
    }

    @Test
    void aSubmitWaitsForItsRowOutsideTheLockAndIsAnsweredOnceWritten() throws Exception {
        AccountPool pool = new AccountPool(List.of(config("acc-1")), connector,
                new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        pool.build((account, event) -> { });
        // Takes work without a session: whatever gets a slot waits for the session, so nothing is sent.
        pool.find("acc-1").orElseThrow().degrade("no session in this test");
        JobRunner runner = new JobRunner(writer, new JobSender(new InteractionPayloads(MidjourneyCommands.defaults()),
                NOWHERE));
        TaskAdmission admission = new TaskAdmission(pool, writer, runner, index);

        CompletableFuture<SubmitResult> first = CompletableFuture.supplyAsync(() -> submit(admission, "1732800000000001"));
        assertThat(database.writing.await(10, TimeUnit.SECONDS)).as("the first row is being written").isTrue();
        CompletableFuture<SubmitResult> second = CompletableFuture.supplyAsync(() -> submit(admission, "1732800000000002"));

        // The second submit got the admission lock (it tracks its task under it) while the first waits for its row.
        assertThat(secondTracked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first).as("not answered before its row is written").isNotDone();
        assertThat(index.findById("1732800000000001")).as("in memory meanwhile").isPresent();

        database.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(SubmitResult.Submitted.class);
        assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(SubmitResult.Submitted.class);
        assertThat(pool.find("acc-1").orElseThrow().slots().isRunning("1732800000000001")).isTrue();
        assertThat(pool.find("acc-1").orElseThrow().slots().isRunning("1732800000000002")).isTrue();
        assertThat(database.findById("1732800000000001")).isPresent();
        assertThat(database.findById("1732800000000002")).map(t -> t.internal().runtime().request())
                .contains(new JobRequest.Imagine("a lighthouse", List.of()));
    }

    private static SubmitResult submit(TaskAdmission admission, String id) {
        Task task = Task.create(id, JobKind.IMAGINE, Long.parseLong(id)).withPrompt("a lighthouse", "a lighthouse");
        return admission.admit(task, new JobRequest.Imagine("a lighthouse", List.of()),
                Routing.anyAccount(BotType.MID_JOURNEY, null, null), null, 0);
    }

    private static AccountConfig config(String id) {
        return new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
    }

    /** A store in memory whose writes wait until released. */
    private static final class HeldStore extends TaskJsonCacheTest.CountingStore {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<Boolean> saveAll(List<Task> batch) {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.saveAll(batch);
        }
    }
}
