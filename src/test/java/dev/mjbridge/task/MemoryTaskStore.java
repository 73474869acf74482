package dev.mjbridge.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TaskStore} in a map, for engine tests that need thousands of fresh stores (and stores that count or hold). */
public class MemoryTaskStore implements TaskStore {

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    @Override
    public boolean save(Task task) {
        Task stored = tasks.get(task.id());
        if (stored != null && stored.status().isFinal() && stored.status() != task.status()) {
            return false;
        }
        tasks.put(task.id(), task);
        return true;
    }

    @Override
    public Optional<Task> findById(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public List<Task> findByIds(Collection<String> ids) {
        List<Task> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            // Not through findById: subclasses count single reads apart from batch reads.
            Task task = tasks.get(id);
            if (task != null) {
                found.add(task);
            }
        }
        return found;
    }

    @Override
    public List<Task> listRecent(int offset, int limit) {
        return tasks.values().stream().sorted(Comparator.comparingLong(Task::submitTime).reversed()
                .thenComparing(Task::id, Comparator.reverseOrder())).skip(offset).limit(limit).toList();
    }

    @Override
    public List<Task> findUnfinished() {
        return tasks.values().stream().filter(t -> !t.status().isFinal())
                .sorted(Comparator.comparingLong(Task::submitTime)).toList();
    }

    @Override
    public long countSentSince(String accountId, long sinceEpochMs) {
        return tasks.values().stream().filter(t -> accountId.equals(t.accountId()) && t.submitTime() >= sinceEpochMs
                && t.properties().nonce() != null).count();
    }

    @Override
    public long count() {
        return tasks.size();
    }
}
