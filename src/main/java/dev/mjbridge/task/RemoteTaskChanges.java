package dev.mjbridge.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Changes of tasks another instance of a cluster follows, brought to this process's readers: told the
 * ids that instance wrote, it reads those it does not follow itself from the store and hands each
 * version to the listeners' {@link TaskListener#onRemoteTaskChanged} (the live streams), with the JSON
 * fetch answers for it here. A task this process follows is left out: its own changes reached the
 * listeners already, from memory.
 * <p>
 * A version is handed on once: the same JSON read twice (two announcements that crossed, a resync) is
 * not a change. For that it remembers a digest of the last version of each task it handed on (bounded).
 * <p>
 * Unused by a single instance. Not thread-safe for concurrent calls: call it from one thread.
 */
public final class RemoteTaskChanges {

    private static final Logger log = LoggerFactory.getLogger(RemoteTaskChanges.class);
    private static final long REMEMBERED = 100_000;

    /** The last version handed on: its JSON's digest, and whether it was final. */
    private record Seen(byte[] digest, boolean isFinal) {
    }

    private final InFlightIndex index;
    private final TaskStore store;
    private final TaskJsonCache cache;
    private final List<TaskListener> listeners;
    private final Cache<String, Seen> seen = Caffeine.newBuilder().maximumSize(REMEMBERED).executor(Runnable::run).build();

    public RemoteTaskChanges(InFlightIndex index, TaskStore store, TaskJsonCache cache, List<TaskListener> listeners) {
        this.index = index;
        this.store = store;
        this.cache = cache;
        this.listeners = List.copyOf(listeners);
    }

    /** Another instance wrote new versions of these tasks: reads those not followed here and hands them on. */
    public void changed(Collection<String> ids) {
        List<String> remote = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (index.findById(id).isEmpty()) {
                remote.add(id);
            }
        }
        if (!remote.isEmpty()) {
            store.findByIds(remote).forEach(this::handOn);
        }
    }

    /**
     * Announcements may have been missed: reads every unfinished task not followed here, and every task
     * last handed on unfinished (it may have finished meanwhile), and hands on those that changed.
     */
    public void resync() {
        Map<String, Task> found = new LinkedHashMap<>();
        for (Task task : store.findUnfinished()) {
            if (index.findById(task.id()).isEmpty()) {
                found.put(task.id(), task);
            }
        }
        List<String> wereUnfinished = new ArrayList<>();
        seen.asMap().forEach((id, last) -> {
            if (!last.isFinal() && !found.containsKey(id) && index.findById(id).isEmpty()) {
                wereUnfinished.add(id);
            }
        });
        if (!wereUnfinished.isEmpty()) {
            store.findByIds(wereUnfinished).forEach(task -> found.put(task.id(), task));
        }
        found.values().forEach(this::handOn);
        log.debug("cluster: resynced {} task(s) followed by other instances", found.size());
    }

    private void handOn(Task task) {
        if (index.findById(task.id()).isPresent()) {
            return; // followed here since: memory is the truth
        }
        TaskJson json = cache.remote(task);
        byte[] digest = digest(json.json());
        Seen last = seen.getIfPresent(task.id());
        if (last != null && Arrays.equals(last.digest(), digest)) {
            return;
        }
        seen.put(task.id(), new Seen(digest, task.status().isFinal()));
        for (TaskListener listener : listeners) {
            try {
                listener.onRemoteTaskChanged(task, json);
            } catch (RuntimeException e) {
                log.error("task listener {} failed for task {} changed elsewhere", listener.getClass().getSimpleName(),
                        task.id(), e);
            }
        }
    }

    private static byte[] digest(byte[] json) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform has SHA-256; without it, compare the bytes' own hash.
            return Integer.toString(Arrays.hashCode(json)).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
