package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MjEvent;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * TaskCorrelator.find with many tasks in flight on one account, for each key an event can be
 * found by: the nonce (start messages), a progress message id (progress updates), the message a
 * result replies to (button results with no nonce), the prompt (a grid whose keys were missed),
 * and late news of a finished task (must find nothing). Each call picks another task, so no
 * single key stays hot in the CPU cache.
 * <p>
 * A third of the tasks are imagines with a progress message, a third are upscales and a third
 * variations pressed on the imagines' grids (children, as a busy account has them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TaskCorrelatorBenchmark {

    private static final int EVENTS = 1024;

    @Param({"10000"})
    public int tasksInFlight;

    private final TaskTransitions transitions = new TaskTransitions();
    private InFlightIndex index;
    private TaskCorrelator correlator;
    private Account account;

    private MjEvent[] byNonce;
    private MjEvent[] byMessageId;
    private MjEvent[] byParent;
    private MjEvent[] byPrompt;
    private MjEvent[] finishedNews;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        index = new InFlightIndex();
        correlator = new TaskCorrelator(index);
        account = account("acc-1");
        int grids = tasksInFlight / 3;
        for (int i = 0; i < tasksInFlight; i++) {
            String id = taskId(i);
            if (i < grids) {
                running(id, JobKind.IMAGINE, prompt(i), null, 0);
                index.update(id, t -> transitions.apply(t,
                        new TaskUpdate.Progress(40, null, progressMessageId(id), "hash-" + id)));
            } else {
                int parent = i % grids;
                JobKind action = i < 2 * grids ? JobKind.UPSCALE : JobKind.VARIATION;
                running(id, action, prompt(parent), gridMessageId(parent), 1 + i % 4);
            }
        }
        // Finished tasks whose late news must be recognised (kept by the index a while).
        for (int f = 0; f < EVENTS; f++) {
            final int i = f;
            String id = "f" + taskId(i);
            running(id, JobKind.IMAGINE, "finished " + i, null, 0);
            index.update(id, t -> transitions.apply(t, new TaskUpdate.Finished("https://cdn/f" + i + ".png", List.of(),
                    "fin-msg-" + i, "fin-hash-" + i, "finished " + i, 0, null)));
        }
        SplittableRandom random = new SplittableRandom(42);
        byNonce = new MjEvent[EVENTS];
        byMessageId = new MjEvent[EVENTS];
        byParent = new MjEvent[EVENTS];
        byPrompt = new MjEvent[EVENTS];
        finishedNews = new MjEvent[EVENTS];
        for (int e = 0; e < EVENTS; e++) {
            int i = random.nextInt(tasksInFlight);
            int grid = random.nextInt(grids);
            String id = taskId(i);
            byNonce[e] = new MjEvent.JobStarted(correlation("nonce-" + id, null, null, null, prompt(i)), null, 0,
                    "**" + prompt(i) + "** - <@1> (Waiting to start)");
            byMessageId[e] = new MjEvent.JobProgress(correlation(null, progressMessageId(taskId(grid)), null,
                    "hash-" + taskId(grid), prompt(grid)), 60, "fast", null, "**" + prompt(grid) + "** - <@1> (60%) (fast)");
            byParent[e] = finished(JobKind.UPSCALE, "Image #" + (1 + (grids + grid) % 4), 1 + (grids + grid) % 4,
                    "new-msg-" + e, gridMessageId(grid), "new-hash-" + e, prompt(grid));
            byPrompt[e] = finished(JobKind.IMAGINE, "", 0, "new-msg-" + e, null, "new-hash-" + e, prompt(grid));
            int f = random.nextInt(EVENTS);
            finishedNews[e] = finished(JobKind.IMAGINE, "", 0, "fin-msg-" + f, null, "fin-hash-" + f, "finished " + f);
        }
        check(byNonce, true);
        check(byMessageId, true);
        check(byParent, true);
        check(byPrompt, true);
        check(finishedNews, false);
    }

    @Benchmark
    public Optional<Task> byNonce() {
        return correlator.find(account, byNonce[next()]);
    }

    @Benchmark
    public Optional<Task> byProgressMessageId() {
        return correlator.find(account, byMessageId[next()]);
    }

    @Benchmark
    public Optional<Task> byReferencedParentMessage() {
        return correlator.find(account, byParent[next()]);
    }

    @Benchmark
    public Optional<Task> byPromptAsLastResort() {
        return correlator.find(account, byPrompt[next()]);
    }

    @Benchmark
    public Optional<Task> lateNewsOfAFinishedTask() {
        return correlator.find(account, finishedNews[next()]);
    }

    private int next() {
        next = (next + 1) & (EVENTS - 1);
        return next;
    }

    /** The benchmark measures real lookups only: every event must find (or rightly not find) a task. */
    private void check(MjEvent[] events, boolean found) {
        for (MjEvent event : events) {
            if (correlator.find(account, event).isPresent() != found) {
                throw new IllegalStateException("set-up error: " + event + (found ? " finds no task" : " finds a task"));
            }
        }
    }

    private static String taskId(int i) {
        return String.format("17328%011d", i);
    }

    private static String prompt(int i) {
        return "a lighthouse at dusk number " + i + " --ar 3:2";
    }

    private static String progressMessageId(String taskId) {
        return "13" + taskId.substring(2);
    }

    private static String gridMessageId(int grid) {
        return "14" + taskId(grid).substring(2);
    }

    private void running(String id, JobKind action, String prompt, String parentMessageId, int imageIndex) {
        Task task = Task.create(id, action, System.currentTimeMillis())
                .withStatus(TaskStatus.SUBMITTED)
                .withPrompt(prompt, prompt)
                .withProperties(TaskProperties.EMPTY.withNonce("nonce-" + id).withDiscordInstanceId(account.id()))
                .withInternal(TaskInternal.EMPTY.withRuntime(new TaskRuntime(null, null, parentMessageId, imageIndex, null)));
        index.put(task);
    }

    private static MjEvent finished(JobKind kind, String label, int imageIndex, String messageId, String replyTo,
                                    String hash, String prompt) {
        String content = "**" + prompt + "** - " + (label.isEmpty() ? "" : label + " by ") + "<@1> (fast)";
        return new MjEvent.JobFinished(correlation(null, messageId, replyTo, hash, prompt), kind, label, imageIndex,
                messageId, hash, "https://cdn/" + hash + ".png", null, hash + ".png", 0, 0, List.of(), 0, "fast", content);
    }

    private static Correlation correlation(String nonce, String messageId, String replyTo, String hash, String prompt) {
        return new Correlation(nonce, null, messageId, replyTo, hash, prompt, null, "c", "g", BotType.MID_JOURNEY);
    }

    private static Account account(String id) {
        AccountConfig config = new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
        DiscordEndpoints endpoints = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "", "");
        // Never started: the correlator only asks the account for its id and user.
        return new Account(config, null, listener -> new UserGatewaySession(id, config.credentials(), endpoints,
                JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false);
    }
}
