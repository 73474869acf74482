package dev.mjbridge.notify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last attempts of each task's deliveries, in memory, for the operator. Bounded twice:
 * {@link #PER_TASK} attempts per task (older ones fall off) and {@link #TASKS} tasks (the task
 * whose log was written longest ago is forgotten first).
 */
final class DeliveryLog {

    static final int PER_TASK = 20;
    static final int TASKS = 10_000;

    private final int perTask;
    private final int tasks;
    /** Oldest write first (a write re-inserts its task at the young end). Guarded by its own monitor. */
    private final Map<String, Deque<DeliveryAttempt>> byTask;

    DeliveryLog() {
        this(PER_TASK, TASKS);
    }

    DeliveryLog(int perTask, int tasks) {
        this.perTask = perTask;
        this.tasks = tasks;
        this.byTask = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<DeliveryAttempt>> eldest) {
                return size() > DeliveryLog.this.tasks;
            }
        };
    }

    void record(String taskId, DeliveryAttempt attempt) {
        synchronized (byTask) {
            Deque<DeliveryAttempt> attempts = byTask.remove(taskId);
            if (attempts == null) {
                attempts = new ArrayDeque<>();
            }
            attempts.addLast(attempt);
            byTask.put(taskId, attempts);
            while (attempts.size() > perTask) {
                attempts.removeFirst();
            }
        }
    }

    /** Oldest first; empty for a task never delivered (or forgotten). */
    List<DeliveryAttempt> attempts(String taskId) {
        synchronized (byTask) {
            Deque<DeliveryAttempt> attempts = byTask.get(taskId);
            return attempts == null ? List.of() : List.copyOf(attempts);
        }
    }
}
