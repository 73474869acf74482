package dev.mjbridge.api;

import java.util.Set;

import dev.mjbridge.task.TaskJson;
import dev.mjbridge.task.TaskStatus;

/**
 * Which changes a stream wants: some tasks or all, optionally only in some statuses.
 *
 * @param taskIds  the tasks followed; null = every task (a dashboard stream, which never ends by itself)
 * @param statuses the statuses wanted; empty = all
 */
record StreamInterest(Set<String> taskIds, Set<TaskStatus> statuses) {

    StreamInterest {
        taskIds = taskIds == null ? null : Set.copyOf(taskIds);
        statuses = Set.copyOf(statuses);
    }

    static StreamInterest tasks(Set<String> ids) {
        return new StreamInterest(ids, Set.of());
    }

    static StreamInterest all(Set<TaskStatus> statuses) {
        return new StreamInterest(null, statuses);
    }

    boolean followsAll() {
        return taskIds == null;
    }

    boolean wants(TaskJson task) {
        return (taskIds == null || taskIds.contains(task.id()))
                && (statuses.isEmpty() || statuses.contains(task.status()));
    }
}
