package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountConnector;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.DayStart;
import dev.mjbridge.account.JobSender;
import dev.mjbridge.account.PacingRules;
import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.account.WorkHours;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MidjourneyCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

/**
 * A task no account takes now because of its daily limit waits (code 22) on the account whose
 * day restarts within {@code mj.tasks.max-wait}, holding a slot there; with a shorter wait it is
 * refused (code 23) with the reason; one taken up again after a restart waits again. The
 * account's day is made to restart a few minutes from now on the real clock; nothing waits for it.
 */
class TaskAdmissionPacedWaitTest {

    private static final DiscordEndpoints NOWHERE = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "",
            "", "http://127.0.0.1:1");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AccountConnector connector = new AccountConnector(NOWHERE, JsonMapper.builder().build(), scheduler,
            new MessageParser(), RestRetryPolicy.standard(), Backoff.standard());
    private final TaskJsonCache json = new TaskJsonCache(JsonMapper.builder().build(), TaskJsonCache.DEFAULT_MAX_BYTES);
    private final WriteBehindTaskStore store = WriteBehindTaskStore.onOwnThread(new TaskJsonCacheTest.CountingStore(),
            json::stored);
    private final InFlightIndex index = new InFlightIndex();
    private final TaskWriter writer = new TaskWriter(index, store, new TaskTransitions(), json, List.of());
    /** Five minutes ahead, to the minute: the limited account's day restarts then. */
    private final DayStart soon = new DayStart(
            ZonedDateTime.now(ZoneId.of("UTC")).plusMinutes(5).toLocalTime().truncatedTo(ChronoUnit.MINUTES),
            ZoneId.of("UTC"));

    @AfterEach
    void stop() {
        store.close();
        connector.close();
        scheduler.shutdownNow();
    }

    @Test
    void aTaskWaitsForAnAccountWhoseDayRestartsWithinTheMaxWait() {
        AccountPool pool = pool();
        TaskAdmission admission = admission(pool, Duration.ofMinutes(10));
        assertThat(submit(admission, "1732800000000001")).isInstanceOf(SubmitResult.Submitted.class);

        SubmitResult second = submit(admission, "1732800000000002");

        assertThat(second).isInstanceOfSatisfying(SubmitResult.Queued.class, queued -> {
            assertThat(queued.accountId()).isEqualTo("limited");
            assertThat(queued.startsAt()).as("it starts when the account's day restarts")
                    .isEqualTo(soon.nextStart(java.time.Instant.now()));
        });
        assertThat(pool.find("limited").orElseThrow().slots().isRunning("1732800000000002"))
                .as("it holds its slot while it waits").isTrue();
        assertThat(index.findById("1732800000000002").orElseThrow().status()).isEqualTo(TaskStatus.NOT_START);
    }

    @Test
    void beyondTheMaxWaitTheTaskIsRefusedWithTheReason() {
        AccountPool pool = pool();
        TaskAdmission admission = admission(pool, Duration.ofMinutes(1));
        assertThat(submit(admission, "1732800000000001")).isInstanceOf(SubmitResult.Submitted.class);

        assertThat(submit(admission, "1732800000000002")).isEqualTo(new SubmitResult.NoCapacity(
                "all accounts at their daily limit until " + soon));
    }

    @Test
    void aTaskResumedAfterARestartWaitsForItsAccountsPacingAgain() {
        AccountPool pool = pool();
        Account limited = pool.find("limited").orElseThrow();
        limited.pacing().restoreToday(1);
        JobRunner runner = org.mockito.Mockito.spy(runner());
        TaskAdmission admission = new TaskAdmission(pool, writer, runner, index, Duration.ofMinutes(10));
        Task created = Task.create("1732800000000003", JobKind.IMAGINE, 1732800000000003L)
                .withPrompt("a lighthouse", "a lighthouse");
        Task unsent = created.withProperties(created.properties().withDiscordInstanceId("limited"))
                .withInternal(created.internal().withRuntime(TaskRuntime.of(new JobRequest.Imagine("a lighthouse",
                        List.of()), Routing.anyAccount(BotType.MID_JOURNEY, null, null), null, 0)));

        admission.resume(unsent);

        org.mockito.Mockito.verify(runner, org.mockito.Mockito.never()).run(any(), any(), any());
        assertThat(limited.slots().isRunning(unsent.id())).as("it holds its slot while it waits").isTrue();
        assertThat(limited.pacing().usage().today()).as("it counts toward the day it is sent in").isEqualTo(1);
    }

    private AccountPool pool() {
        PacingRules onePerDay = new PacingRules(1, soon, Duration.ZERO, Duration.ZERO, WorkHours.ALWAYS);
        AccountConfig config = new AccountConfig("limited", "1", "2", "token-limited", null, true, 3, 10, 5,
                SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null,
                onePerDay);
        AccountPool pool = new AccountPool(List.of(config), connector, new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE),
                false);
        pool.build((account, event) -> { });
        // Takes work without a session: whatever starts waits for the session, so nothing is sent.
        pool.find("limited").orElseThrow().degrade("no session in this test");
        return pool;
    }

    private TaskAdmission admission(AccountPool pool, Duration maxWait) {
        return new TaskAdmission(pool, writer, runner(), index, maxWait);
    }

    private JobRunner runner() {
        return new JobRunner(writer, new JobSender(new InteractionPayloads(MidjourneyCommands.defaults()), NOWHERE));
    }

    private static SubmitResult submit(TaskAdmission admission, String id) {
        Task task = Task.create(id, JobKind.IMAGINE, Long.parseLong(id)).withPrompt("a lighthouse", "a lighthouse");
        return admission.admit(task, new JobRequest.Imagine("a lighthouse", List.of()),
                Routing.anyAccount(BotType.MID_JOURNEY, null, null), null, 0);
    }
}
