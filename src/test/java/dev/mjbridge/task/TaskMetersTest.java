package dev.mjbridge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mjbridge.midjourney.JobKind;

/** What the task meters count from the engine's listener calls. */
class TaskMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private final TaskMeters meters = new TaskMeters(registry, nanos::get);

    @Test
    void countsSubmittedAndFinishedByActionStatusAndAccount() {
        Task task = onAccount(Task.create("1", JobKind.UPSCALE, 1L), "acc-1");

        meters.onTaskSubmitted(task);
        meters.onTaskChanged(task.withStatus(TaskStatus.SUBMITTED));
        meters.onTaskChanged(task.withStatus(TaskStatus.FAILURE));
        meters.onTaskSubmitted(Task.create("2", JobKind.UPSCALE, 1L));

        assertThat(registry.get("mj.tasks.submitted").tags("action", "UPSCALE", "account", "acc-1").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("mj.tasks.submitted").tags("account", TaskMeters.NO_ACCOUNT).counter().count())
                .isEqualTo(1);
        assertThat(registry.get("mj.tasks.finished").tags("action", "UPSCALE", "status", "FAILURE", "account", "acc-1")
                .counter().count()).isEqualTo(1);
        assertThat(registry.find("mj.tasks.finished").tags("status", "SUCCESS").counters()).isEmpty();
        assertThat(registry.get("mj.tasks.success.delay").timer().count()).as("only a SUCCESS is timed").isZero();
    }

    @Test
    void timesAHeldResultUntilItsSuccess() {
        Task task = onAccount(Task.create("3", JobKind.IMAGINE, 1L), "acc-1");
        Task held = task.withStatus(TaskStatus.IN_PROGRESS).withInternal(task.internal().withHeld(
                new TaskUpdate.Finished("https://cdn.example/x.png", List.of(), "42", "hash", "a cat", 0, null)));

        meters.onTaskChanged(held);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(750)); // the picture took this long to keep
        meters.onTaskChanged(held.withInternal(held.internal().withHeld(null)).withStatus(TaskStatus.SUCCESS));
        meters.onTaskChanged(onAccount(Task.create("4", JobKind.IMAGINE, 1L), "acc-1").withStatus(TaskStatus.SUCCESS));

        assertThat(registry.get("mj.tasks.success.delay").timer().count()).isEqualTo(2);
        assertThat(registry.get("mj.tasks.success.delay").timer().totalTime(TimeUnit.MILLISECONDS))
                .as("750 ms held, and 0 for the result kept at once").isEqualTo(750);
        assertThat(registry.get("mj.tasks.finished").tags("status", "SUCCESS").counter().count()).isEqualTo(2);
    }

    private static Task onAccount(Task task, String account) {
        return task.withProperties(task.properties().withDiscordInstanceId(account));
    }
}
