package dev.mjbridge.task;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks not yet finished of every instance of a cluster, oldest first: what the queue shows there
 * (a single instance shows those in its memory, {@link TaskService#inFlight}).
 */
public final class UnfinishedTasks {

    private static final Comparator<Task> OLDEST_FIRST = Comparator.comparing(Task::submitTime)
            .thenComparing(Task::id);

    private final InFlightIndex index;
    private final TaskStore store;

    public UnfinishedTasks(InFlightIndex index, TaskStore store) {
        this.index = index;
        this.store = store;
    }

    /**
     * Every unfinished task in the database (the other instances' included), each in its version in
     * this process's memory when it follows the task (memory may be newer than its row), oldest first.
     */
    public List<Task> everywhere() {
        Map<String, Task> merged = new LinkedHashMap<>();
        for (Task task : store.findUnfinished()) {
            merged.put(task.id(), task);
        }
        for (Task task : index.snapshot()) {
            merged.put(task.id(), task);
        }
        return merged.values().stream().filter(t -> !t.status().isFinal()).sorted(OLDEST_FIRST).toList();
    }
}
