package dev.mjbridge.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers fetch and list-by-condition with ready task JSON, newest version first: a version
 * still being stored, then the in-flight index, then the settled cache, and only then the
 * store. The order, and the re-check after a store read, make sure a reader never answers an
 * older version than one any endpoint has already answered (see {@link TaskJsonCache}).
 */
public final class TaskReads {

    private final InFlightIndex index;
    private final TaskJsonCache cache;
    private final TaskStore store;

    public TaskReads(InFlightIndex index, TaskJsonCache cache, TaskStore store) {
        this.index = index;
        this.cache = cache;
        this.store = store;
    }

    /** The task's current JSON; empty for an unknown id. */
    public Optional<TaskJson> find(String id) {
        while (true) {
            TaskJson known = fromMemory(id);
            if (known != null) {
                return Optional.of(known);
            }
            long stamp = cache.stamp(id);
            long version = cache.versionNow();
            Optional<Task> stored = store.findById(id);
            TaskJson answer = afterStoreRead(id, stored.orElse(null), stamp, version);
            if (answer != RETRY) {
                return Optional.ofNullable(answer);
            }
        }
    }

    /** The tasks with these ids in the given order, each once; unknown ids are left out. */
    public List<TaskJson> findAll(Collection<String> ids) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, TaskJson> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : wanted) {
            TaskJson known = fromMemory(id);
            if (known != null) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            readStore(missing, found);
        }
        List<TaskJson> answer = new ArrayList<>(found.size());
        for (String id : wanted) {
            TaskJson json = found.get(id);
            if (json != null) {
                answer.add(json);
            }
        }
        return answer;
    }

    /** One query for all ids memory did not have; an id whose task settled meanwhile is read again alone. */
    private void readStore(List<String> missing, Map<String, TaskJson> found) {
        long[] stamps = new long[missing.size()];
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = cache.stamp(missing.get(i));
        }
        long version = cache.versionNow();
        Map<String, Task> stored = new HashMap<>();
        for (Task task : store.findByIds(missing)) {
            stored.put(task.id(), task);
        }
        for (int i = 0; i < stamps.length; i++) {
            String id = missing.get(i);
            TaskJson answer = afterStoreRead(id, stored.get(id), stamps[i], version);
            if (answer == RETRY) {
                find(id).ifPresent(json -> found.put(id, json));
            } else if (answer != null) {
                found.put(id, answer);
            }
        }
    }

    /** What memory knows for sure about the task, or null when only the store can tell. */
    private TaskJson fromMemory(String id) {
        TaskJson unsettled = cache.unsettled(id);
        if (unsettled != null) {
            return unsettled;
        }
        Optional<Task> inFlight = index.findById(id);
        if (inFlight.isPresent()) {
            Task current = inFlight.get();
            TaskJson settled = cache.settledInFlight(id, current);
            // Not cached only after an eviction or while a write settles: the index is the truth then.
            return settled != null ? settled : cache.serialize(current);
        }
        return cache.settledFinal(id);
    }

    /**
     * The answer after reading {@code stored} from the store, or {@link #RETRY}: a version that is
     * not yet stored wins; a version stored while we read may be newer than ours and may already
     * have left the cache, so then the store is read again.
     */
    private TaskJson afterStoreRead(String id, Task stored, long stamp, long version) {
        TaskJson unsettled = cache.unsettled(id);
        if (unsettled != null) {
            return unsettled;
        }
        if (cache.stamp(id) != stamp) {
            return RETRY;
        }
        return stored == null ? null : cache.loaded(stored, stamp, version);
    }

    private static final TaskJson RETRY = new TaskJson("", -1, TaskStatus.NOT_START, null, new byte[0]);
}
