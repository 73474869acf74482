package dev.mjbridge.task;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The engine's side notes on in-flight tasks, by task id; dropped when a task ends. */
final class TaskRuntimes {

    private final Map<String, TaskRuntime> byTask = new ConcurrentHashMap<>();

    void put(String taskId, TaskRuntime runtime) {
        byTask.put(taskId, runtime);
    }

    Optional<TaskRuntime> get(String taskId) {
        return Optional.ofNullable(byTask.get(taskId));
    }

    void update(String taskId, UnaryOperator<TaskRuntime> change) {
        byTask.computeIfPresent(taskId, (id, runtime) -> change.apply(runtime));
    }

    Optional<TaskRuntime> remove(String taskId) {
        return Optional.ofNullable(byTask.remove(taskId));
    }

    Collection<Map.Entry<String, TaskRuntime>> entries() {
        return byTask.entrySet();
    }
}
