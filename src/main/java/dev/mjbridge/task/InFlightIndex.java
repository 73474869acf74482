package dev.mjbridge.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The tasks in flight, found in O(1) by what Discord events carry, strongest key
 * first: nonce, interaction id, message id (progress or result message), job
 * hash, the message a button task pressed (its {@link TaskRuntime#parentMessageId()})
 * on an account, and as a last resort the {@link PromptKey normalized prompt} on an account.
 * <p>
 * Keys accumulate while a task runs (a remix brings a new nonce, a new progress
 * message...), so late events that name an old key still find the task. A task
 * leaves the index with all its keys when it becomes final, when removed, or,
 * as a safety net, when it has not been written for the expiry time.
 * <p>
 * The keys of a task that became final are remembered a while longer (bounded): a
 * duplicate or late event that names one is about that finished task, and must not be
 * matched to another in-flight task by a weaker key (its prompt, its parent message).
 * <p>
 * Thread-safe. Changes to one task are atomic (see {@link #update}); no lock is
 * held beyond the in-memory update, so persist outside of it.
 */
@Component
public class InFlightIndex {

    /** Far beyond any job timeout: only there to stop a leak if a task is never finished. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
    /** Keys of finished tasks kept for recognising late events; a few per task. */
    private static final long MAX_FINISHED_KEYS = 200_000;

    /** Task ids all have the same length, so this is time order. */
    private static final Comparator<String> OLDEST_FIRST =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Cache<String, Entry> tasks;
    private final ConcurrentMap<Key, String> idsByKey = new ConcurrentHashMap<>();
    /** Keys several tasks may share (a prompt, a parent message), each with its tasks oldest first. */
    private final ConcurrentMap<Key, Set<String>> idsByShared = new ConcurrentHashMap<>();
    private final Cache<Key, String> finishedIdsByKey;

    @Autowired
    public InFlightIndex() {
        this(DEFAULT_EXPIRY, Ticker.systemTicker());
    }

    /** @param ticker the time source of the expiry, for tests */
    public InFlightIndex(Duration expireAfterWrite, Ticker ticker) {
        this.tasks = Caffeine.newBuilder()
                .expireAfterWrite(expireAfterWrite)
                .ticker(ticker)
                // Maintenance on the calling thread: nothing here is slow, and expiry stays predictable.
                .executor(Runnable::run)
                // Runs inside the atomic removal, so the keys go in the same step as the task.
                .<String, Entry>evictionListener((id, entry, cause) -> {
                    if (id != null && entry != null) {
                        unindex(id, entry.keys());
                    }
                })
                .build();
        this.finishedIdsByKey = Caffeine.newBuilder()
                .expireAfterWrite(expireAfterWrite)
                .maximumSize(MAX_FINISHED_KEYS)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** Adds or replaces the task and indexes its keys; a final task is removed instead. */
    public void put(Task task) {
        tasks.asMap().compute(task.id(), (id, old) -> next(id, old, task));
    }

    /**
     * Atomically replaces an indexed task with {@code change(current)} and reindexes it
     * (removes it if it became final). {@code change} runs under the task's lock: keep it
     * pure and quick, e.g. {@code t -> transitions.apply(t, update)}.
     *
     * @return the changed task; empty when the task is not in flight or {@code change} returned empty
     */
    public Optional<Task> update(String taskId, Function<Task, Optional<Task>> change) {
        AtomicReference<Task> changed = new AtomicReference<>();
        tasks.asMap().computeIfPresent(taskId, (id, old) -> {
            Optional<Task> result = change.apply(old.task());
            if (result.isEmpty()) {
                return old;
            }
            Task task = result.get();
            if (!task.id().equals(id)) {
                throw new IllegalArgumentException("change must keep the task id " + id + ", got " + task.id());
            }
            changed.set(task);
            return next(id, old, task);
        });
        return Optional.ofNullable(changed.get());
    }

    /** Forgets the task and its keys. */
    public void remove(String taskId) {
        tasks.asMap().computeIfPresent(taskId, (id, old) -> {
            unindex(id, old.keys());
            return null;
        });
    }

    public Optional<Task> findById(String taskId) {
        Entry entry = tasks.getIfPresent(taskId);
        return entry == null ? Optional.empty() : Optional.of(entry.task());
    }

    /** By the nonce we sent with an interaction. */
    public Optional<Task> findByNonce(String nonce) {
        return find(Kind.NONCE, nonce);
    }

    /** By Discord's interaction id ({@code INTERACTION_SUCCESS.id}, {@code interaction_metadata.id}). */
    public Optional<Task> findByInteractionId(String interactionId) {
        return find(Kind.INTERACTION, interactionId);
    }

    /** By the id of the task's progress message or result message. */
    public Optional<Task> findByMessageId(String messageId) {
        return find(Kind.MESSAGE, messageId);
    }

    /** By the Midjourney job hash (the UUID in filenames and customIds). */
    public Optional<Task> findByJobHash(String jobHash) {
        return find(Kind.JOB_HASH, jobHash);
    }

    /**
     * Last resort: the tasks of this account whose prompt (promptEn or final prompt)
     * normalizes like {@code prompt}, oldest first. Several may match; the caller chooses.
     */
    public List<Task> findByPrompt(String accountId, String prompt) {
        return findShared(promptKey(accountId, prompt));
    }

    /**
     * The tasks of this account that pressed a button on message {@code parentMessageId},
     * oldest first (several presses on one grid run at once: U1, U2, V1...).
     */
    public List<Task> findByParentMessage(String accountId, String parentMessageId) {
        return findShared(parentKey(accountId, parentMessageId));
    }

    private List<Task> findShared(Key key) {
        Set<String> ids = key == null ? null : idsByShared.get(key);
        if (ids == null) {
            return List.of();
        }
        List<Task> found = new ArrayList<>();
        for (String id : ids) {
            findById(id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The id of a task that is no longer in flight because it became final, and that held
     * one of these keys (nonce, interaction id, message id, job hash; any may be null).
     * An event naming such a key is late or repeated news about that task.
     */
    public Optional<String> findFinished(String nonce, String interactionId, String messageId, String jobHash) {
        return findFinished(Kind.NONCE, nonce)
                .or(() -> findFinished(Kind.INTERACTION, interactionId))
                .or(() -> findFinished(Kind.MESSAGE, messageId))
                .or(() -> findFinished(Kind.JOB_HASH, jobHash));
    }

    private Optional<String> findFinished(Kind kind, String value) {
        return value == null || value.isEmpty() ? Optional.empty()
                : Optional.ofNullable(finishedIdsByKey.getIfPresent(new Key(kind, value)));
    }

    /** The tasks in flight now, in no particular order. */
    public List<Task> snapshot() {
        return tasks.asMap().values().stream().map(Entry::task).toList();
    }

    public long size() {
        return tasks.estimatedSize();
    }

    /** Runs pending expiry now (tests). */
    void cleanUp() {
        tasks.cleanUp();
    }

    /** Number of secondary keys held (tests: proves nothing leaks). */
    int keyCount() {
        return idsByKey.size() + idsByShared.size();
    }

    private Optional<Task> find(Kind kind, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String id = idsByKey.get(new Key(kind, value));
        return id == null ? Optional.empty() : findById(id);
    }

    /** The entry to store for {@code task}, called inside the task's atomic compute. */
    private Entry next(String id, Entry old, Task task) {
        Set<Key> known = old == null ? Set.of() : old.keys();
        Set<Key> keys = new HashSet<>(known);
        keys.addAll(keysOf(task));
        if (task.status().isFinal()) {
            unindex(id, keys);
            for (Key key : keys) {
                if (!key.kind().shared) {
                    finishedIdsByKey.put(key, id);
                }
            }
            return null;
        }
        for (Key key : keys) {
            if (known.contains(key)) {
                continue;
            }
            if (key.kind().shared) {
                idsByShared.compute(key, (k, ids) -> {
                    Set<String> set = ids != null ? ids : new ConcurrentSkipListSet<>(OLDEST_FIRST);
                    set.add(id);
                    return set;
                });
            } else {
                // Should two tasks claim one key, the later claim wins; the other keeps its other keys.
                idsByKey.put(key, id);
            }
        }
        return new Entry(task, Collections.unmodifiableSet(keys));
    }

    private void unindex(String id, Set<Key> keys) {
        for (Key key : keys) {
            if (key.kind().shared) {
                idsByShared.computeIfPresent(key, (k, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
            } else {
                idsByKey.remove(key, id);
            }
        }
    }

    private static Set<Key> keysOf(Task task) {
        TaskProperties p = task.properties();
        Set<Key> keys = new HashSet<>();
        addKey(keys, Kind.NONCE, p.nonce());
        addKey(keys, Kind.INTERACTION, p.interactionId());
        addKey(keys, Kind.MESSAGE, p.progressMessageId());
        addKey(keys, Kind.MESSAGE, p.messageId());
        addKey(keys, Kind.JOB_HASH, p.messageHash());
        for (String prompt : new String[] {task.promptEn(), p.finalPrompt()}) {
            Key key = promptKey(task.accountId(), prompt);
            if (key != null) {
                keys.add(key);
            }
        }
        TaskRuntime runtime = task.internal().runtime();
        Key parent = runtime == null ? null : parentKey(task.accountId(), runtime.parentMessageId());
        if (parent != null) {
            keys.add(parent);
        }
        return keys;
    }

    private static void addKey(Set<Key> keys, Kind kind, String value) {
        if (value != null && !value.isEmpty()) {
            keys.add(new Key(kind, value));
        }
    }

    private static Key promptKey(String accountId, String prompt) {
        String normalized = PromptKey.normalize(prompt);
        if (accountId == null || normalized.isEmpty()) {
            return null;
        }
        // NUL cannot occur in an account id, so the pair stays unambiguous.
        return new Key(Kind.PROMPT, accountId + '\0' + normalized);
    }

    private static Key parentKey(String accountId, String parentMessageId) {
        if (accountId == null || parentMessageId == null || parentMessageId.isEmpty()) {
            return null;
        }
        return new Key(Kind.PARENT, accountId + '\0' + parentMessageId);
    }

    /** {@code shared}: several tasks may hold the key at once, so it names a set of tasks. */
    private enum Kind {
        NONCE(false), INTERACTION(false), MESSAGE(false), JOB_HASH(false), PARENT(true), PROMPT(true);

        final boolean shared;

        Kind(boolean shared) {
            this.shared = shared;
        }
    }

    private record Key(Kind kind, String value) {
        Key {
            Objects.requireNonNull(value);
        }
    }

    private record Entry(Task task, Set<Key> keys) {
    }
}
