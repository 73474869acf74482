package dev.mjbridge.discord;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later. The REST client never holds a thread while it waits for a rate
 * limit or a retry; it schedules the next send here. Tests pass a manual one and move
 * time by hand, so nothing in them sleeps.
 */
@FunctionalInterface
public interface RestScheduler {

    void schedule(Runnable task, long delayMillis);

    /** Schedules on a shared timer pool; a pool that was shut down (the app stopping) drops the task. */
    static RestScheduler of(ScheduledExecutorService executor) {
        return (task, delayMillis) -> {
            try {
                executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: nothing waits for this any more
            }
        };
    }
}
