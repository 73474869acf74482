package dev.mjbridge.task;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.mjbridge.midjourney.JobKind;

/**
 * Counts tasks as the engine tells its listeners: submitted by action and account, finished by
 * action, final status and account, and times how long a result took to become a visible SUCCESS
 * after its message arrived ({@code mj.tasks.success.delay}): the time its picture was held while
 * being kept (download, store, grid cut); zero when nothing was held. A task held before a restart
 * and finished after it counts as zero too (the hold's start is not stored).
 * <p>
 * Runs on the event path, so counters are made once per (action, account) and looked up after.
 */
public final class TaskMeters implements TaskListener {

    /** The account tag of a task no account took. */
    static final String NO_ACCOUNT = "none";
    private static final Duration[] DELAY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private final MeterRegistry registry;
    private final LongSupplier nanoTime;
    /** Filled at construction and never changed after, so read without a lock. */
    private final Map<JobKind, ConcurrentMap<String, Counter>> submitted = new EnumMap<>(JobKind.class);
    private final Map<JobKind, Map<TaskStatus, ConcurrentMap<String, Counter>>> finished = new EnumMap<>(JobKind.class);
    private final Timer successDelay;
    /** When each held task's result arrived (nano time); gone once the task is final. */
    private final ConcurrentMap<String, Long> heldSince = new ConcurrentHashMap<>();

    public TaskMeters(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    /** @param nanoTime the clock the delay is measured with ({@link System#nanoTime} but in tests) */
    TaskMeters(MeterRegistry registry, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.registry = registry;
        for (JobKind action : JobKind.values()) {
            submitted.put(action, new ConcurrentHashMap<>());
            Map<TaskStatus, ConcurrentMap<String, Counter>> byStatus = new EnumMap<>(TaskStatus.class);
            for (TaskStatus status : TaskStatus.values()) {
                if (status.isFinal()) {
                    byStatus.put(status, new ConcurrentHashMap<>());
                }
            }
            finished.put(action, byStatus);
        }
        this.successDelay = Timer.builder("mj.tasks.success.delay")
                .description("From the result message to the task's visible SUCCESS (the picture kept meanwhile)")
                .serviceLevelObjectives(DELAY_BUCKETS)
                .register(registry);
    }

    @Override
    public void onTaskSubmitted(Task task) {
        String account = accountOf(task);
        submitted.get(task.action()).computeIfAbsent(account, a -> Counter.builder("mj.tasks.submitted")
                .description("Tasks accepted, by action and account")
                .tags("action", task.action().name(), "account", a)
                .register(registry)).increment();
    }

    @Override
    public void onTaskChanged(Task task) {
        TaskStatus status = task.status();
        if (!status.isFinal()) {
            if (task.internal().held() != null) {
                heldSince.putIfAbsent(task.id(), nanoTime.getAsLong());
            }
            return;
        }
        Long held = heldSince.remove(task.id());
        finished.get(task.action()).get(status).computeIfAbsent(accountOf(task), a -> Counter.builder("mj.tasks.finished")
                .description("Tasks that reached a final status, by action, status and account")
                .tags("action", task.action().name(), "status", status.name(), "account", a)
                .register(registry)).increment();
        if (status == TaskStatus.SUCCESS) {
            successDelay.record(held == null ? 0 : nanoTime.getAsLong() - held, TimeUnit.NANOSECONDS);
        }
    }

    private static String accountOf(Task task) {
        String account = task.accountId();
        return account == null || account.isBlank() ? NO_ACCOUNT : account;
    }
}
