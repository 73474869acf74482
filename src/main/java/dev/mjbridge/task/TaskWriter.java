package dev.mjbridge.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one way a task changes: apply the update through {@link TaskTransitions} in the
 * in-flight index (atomically per task), store the result, then tell the listeners.
 * Remembers when each in-flight task last heard something, for timeouts.
 */
public final class TaskWriter {

    private static final Logger log = LoggerFactory.getLogger(TaskWriter.class);

    private final InFlightIndex index;
    private final TaskStore store;
    private final TaskTransitions transitions;
    private final List<TaskListener> listeners;
    private final Map<String, Long> lastActivity = new ConcurrentHashMap<>();
    private volatile Consumer<Task> onFinal = task -> { };

    public TaskWriter(InFlightIndex index, TaskStore store, TaskTransitions transitions, List<TaskListener> listeners) {
        this.index = index;
        this.store = store;
        this.transitions = transitions;
        this.listeners = List.copyOf(listeners);
    }

    /** Called once for every task that reaches a final status (frees its account slot). */
    public void onFinal(Consumer<Task> action) {
        this.onFinal = action;
    }

    /** Stores a new task and starts following it. */
    public Task create(Task task) {
        index.put(task);
        store.save(task);
        lastActivity.put(task.id(), System.currentTimeMillis());
        publish(task);
        return task;
    }

    /** Follows a stored task again after a restart (no new write, no new notification). */
    public void adopt(Task task) {
        index.put(task);
        lastActivity.put(task.id(), System.currentTimeMillis());
    }

    /** Applies an update; empty when the task is unknown, finished, or the update changes nothing. */
    public Optional<Task> apply(String taskId, TaskUpdate update) {
        Optional<Task> changed = index.update(taskId, current -> transitions.apply(current, update));
        if (changed.isEmpty()) {
            return changed;
        }
        Task task = changed.get();
        store.save(task);
        if (task.status().isFinal()) {
            lastActivity.remove(taskId);
        } else {
            lastActivity.put(taskId, System.currentTimeMillis());
        }
        publish(task);
        if (task.status().isFinal()) {
            onFinal.accept(task);
        }
        return changed;
    }

    /** Records that something was heard about the task without changing it (e.g. "Job queued"). */
    public void touch(String taskId) {
        lastActivity.computeIfPresent(taskId, (id, old) -> System.currentTimeMillis());
    }

    /** Epoch ms when the in-flight task last heard something; empty when not followed. */
    public Optional<Long> lastActivity(String taskId) {
        return Optional.ofNullable(lastActivity.get(taskId));
    }

    private void publish(Task task) {
        for (TaskListener listener : listeners) {
            try {
                listener.onTaskChanged(task);
            } catch (RuntimeException e) {
                log.error("task listener {} failed for task {}", listener.getClass().getSimpleName(), task.id(), e);
            }
        }
    }
}
