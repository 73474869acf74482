package dev.mjbridge.notify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskStatus;

import java.time.Duration;

/**
 * Tells which task changes are worth a webhook: those that move the status or the progress.
 * The engine also reports changes receivers do not care about (an interaction id, a seed
 * property), and posting the same state twice would only make them wonder.
 */
final class ChangeFilter {

    /** What a receiver sees change. */
    private record Seen(TaskStatus status, String progress) {
    }

    /**
     * Bounded and forgetful: a task's last state is needed only while it changes, which is
     * minutes; forgetting a long-finished task at worst repeats its final state once.
     */
    private final Cache<String, Seen> lastSeen = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    /** True when the task's status or progress differs from the last state seen for it. */
    boolean isNews(Task task) {
        Seen now = new Seen(task.status(), task.progress());
        boolean[] news = {false};
        lastSeen.asMap().compute(task.id(), (id, before) -> {
            // Final states are sticky; a non-final state after one is stale and must not
            // reach the receiver after the final one.
            if (before != null && before.status().isFinal() && !now.status().isFinal()) {
                return before;
            }
            news[0] = !now.equals(before);
            return now;
        });
        return news[0];
    }
}
