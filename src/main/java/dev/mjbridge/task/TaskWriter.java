package dev.mjbridge.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a task changes: apply the update through {@link TaskTransitions} in the
 * in-flight index (atomically per task, which also hands the new version to the
 * {@link TaskJsonCache} and to the {@link WriteBehindTaskStore}), then tell the listeners.
 * The database write happens later on the store's own thread: nothing here waits for it,
 * except {@link #awaitStored} for a new task, which its submitter calls outside any lock.
 * Remembers when each in-flight task last heard something, for timeouts.
 */
public final class TaskWriter {

    private static final Logger log = LoggerFactory.getLogger(TaskWriter.class);

    private final InFlightIndex index;
    /** How long a submit waits for its new task to be durable before it gives up. */
    static final Duration STORE_WAIT = Duration.ofSeconds(30);

    private final WriteBehindTaskStore store;
    private final TaskTransitions transitions;
    private final TaskJsonCache json;
    private final List<TaskListener> listeners;
    /** Changes to finished tasks (a seed learned later) are rare: one at a time keeps them ordered. */
    private final Object finishedChanges = new Object();
    private final Map<String, Long> lastActivity = new ConcurrentHashMap<>();
    private volatile Consumer<Task> onJobOver = task -> { };

    /**
     * With a task JSON cache of the default size written with a plain JSON mapper, storing on the
     * calling thread (tests and tools).
     */
    public TaskWriter(InFlightIndex index, TaskStore store, TaskTransitions transitions, List<TaskListener> listeners) {
        this(index, store, transitions, new TaskJsonCache(JsonMapper.builder().build(), TaskJsonCache.DEFAULT_MAX_BYTES),
                listeners);
    }

    /** Storing on the calling thread (tests and tools). */
    public TaskWriter(InFlightIndex index, TaskStore store, TaskTransitions transitions, TaskJsonCache json,
                      List<TaskListener> listeners) {
        this(index, WriteBehindTaskStore.onCallingThread(store, json::stored), transitions, json, listeners);
    }

    /** @param store must tell {@code json} what it wrote ({@link TaskJsonCache#stored}) */
    public TaskWriter(InFlightIndex index, WriteBehindTaskStore store, TaskTransitions transitions, TaskJsonCache json,
                      List<TaskListener> listeners) {
        this.index = index;
        this.store = store;
        this.transitions = transitions;
        this.json = json;
        this.listeners = List.copyOf(listeners);
    }

    /** The JSON cache this writer feeds, for the readers of the same tasks. */
    public TaskJsonCache json() {
        return json;
    }

    /**
     * Called when a task's Discord job is over: when it reaches a final status, and before that when
     * its result is held while its picture is kept (frees its account slot; may come twice per task).
     */
    public void onJobOver(Consumer<Task> action) {
        this.onJobOver = action;
    }

    /** Starts following a new task and returns once it is durable (see {@link #awaitStored}). */
    public Task create(Task task) {
        awaitStored(task.id(), track(task));
        return task;
    }

    /**
     * Starts following a new task, in memory only (index, JSON, store queue, listeners, which
     * only queue), so it may run under the admission lock. Call {@link #awaitStored} after.
     *
     * @return completes once the task's row is written
     */
    CompletableFuture<Boolean> track(Task task) {
        // Before the index: no other write can reach the task until it is there, so versions stay in order.
        TaskJson version = json.written(task);
        CompletableFuture<Boolean> stored = store.stage(task, version, true);
        index.put(task);
        lastActivity.put(task.id(), System.currentTimeMillis());
        for (TaskListener listener : listeners) {
            try {
                listener.onTaskSubmitted(task);
            } catch (RuntimeException e) {
                log.error("task listener {} failed for new task {}", listener.getClass().getSimpleName(), task.id(), e);
            }
        }
        publish(task, version);
        return stored;
    }

    /**
     * Waits until a tracked task is durable, so that a submit answered is never lost to a killed
     * process. Never call it under a lock or on an event thread.
     *
     * @throws IllegalStateException when the store does not confirm it within {@link #STORE_WAIT}
     */
    void awaitStored(String taskId, CompletableFuture<Boolean> stored) {
        store.writeSoon();
        try {
            stored.get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while task " + taskId + " was being stored", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the task store did not confirm task " + taskId + " within "
                    + STORE_WAIT.toSeconds() + " s");
        }
    }

    /** Follows a stored task again after a restart (no new write, no new notification). */
    public void adopt(Task task) {
        json.stored(json.written(task));
        index.put(task);
        lastActivity.put(task.id(), System.currentTimeMillis());
    }

    /**
     * In a cluster, tells the listeners of a version this instance wrote to the shared queue directly
     * (a task added to it, or failed or cancelled while it waited) without following the task: it is
     * not put in memory, as another instance may claim it any moment.
     */
    void announce(Task task, boolean submitted) {
        TaskJson version = json.serialize(task);
        if (submitted) {
            for (TaskListener listener : listeners) {
                try {
                    listener.onTaskSubmitted(task);
                } catch (RuntimeException e) {
                    log.error("task listener {} failed for new task {}", listener.getClass().getSimpleName(), task.id(), e);
                }
            }
        }
        publish(task, version);
    }

    /** The version {@code update} makes of {@code task}, without applying it anywhere; empty when it does not apply. */
    Optional<Task> preview(Task task, TaskUpdate update) {
        return transitions.apply(task, update);
    }

    /** Stops following a task another instance follows from now on (it went back to the cluster's queue). */
    void letGo(String taskId) {
        index.remove(taskId);
        json.evict(taskId);
        lastActivity.remove(taskId);
    }

    /** Applies an update; empty when the task is unknown, finished, or the update changes nothing. */
    public Optional<Task> apply(String taskId, TaskUpdate update) {
        return applyAndStore(taskId, update).map(Applied::task);
    }

    /**
     * A version in memory, and when it (or a newer version of the task) is in the database: true
     * once written, false when the database kept a final version instead.
     */
    record Applied(Task task, CompletableFuture<Boolean> stored) {
    }

    /** As {@link #apply}, also telling when the new version is durable (for what must not be redone). */
    Optional<Applied> applyAndStore(String taskId, TaskUpdate update) {
        // The JSON is made under the task's lock, so the cache gets versions in the order they are made.
        // The store gets versions under the task's lock too, so it writes them in the order they were made,
        // but holds each until the index shows it (see WriteBehindTaskStore.stageHeld).
        AtomicReference<TaskJson> made = new AtomicReference<>();
        AtomicReference<CompletableFuture<Boolean>> stored = new AtomicReference<>();
        Optional<Task> changed = index.update(taskId, current -> transitions.apply(current, update)
                .map(next -> {
                    made.set(json.written(next));
                    stored.set(store.stageHeld(next, made.get()));
                    return next;
                }));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Task task = changed.get();
        // Written behind: the JSON cache settles the version once the store has it.
        store.release(taskId, made.get());
        store.writeSoon();
        if (task.status().isFinal()) {
            lastActivity.remove(taskId);
        } else {
            lastActivity.put(taskId, System.currentTimeMillis());
        }
        publish(task, made.get());
        if (task.status().isFinal() || update instanceof TaskUpdate.Held) {
            onJobOver.accept(task);
        }
        return Optional.of(new Applied(task, stored.get()));
    }

    /**
     * Changes a finished task (no longer in flight), e.g. to add the seed Midjourney told later.
     * Stored and cached like any other version; listeners are not told (nothing a client waits for).
     *
     * @return the changed task; empty when the task is unknown or still in flight
     */
    public Optional<Task> changeFinished(String taskId, UnaryOperator<Task> change) {
        synchronized (finishedChanges) {
            if (index.findById(taskId).isPresent()) {
                return Optional.empty();
            }
            Optional<Task> stored = store.findById(taskId).filter(t -> t.status().isFinal());
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Task changed = change.apply(stored.get());
            if (changed.status() != stored.get().status() || !changed.id().equals(taskId)) {
                throw new IllegalArgumentException("a finished task keeps its id and status");
            }
            store.stage(changed, json.written(changed), false);
            store.writeSoon();
            return Optional.of(changed);
        }
    }

    /** Records that something was heard about the task without changing it (e.g. "Job queued"). */
    public void touch(String taskId) {
        lastActivity.computeIfPresent(taskId, (id, old) -> System.currentTimeMillis());
    }

    /** Epoch ms when the in-flight task last heard something; empty when not followed. */
    public Optional<Long> lastActivity(String taskId) {
        return Optional.ofNullable(lastActivity.get(taskId));
    }

    private void publish(Task task, TaskJson version) {
        for (TaskListener listener : listeners) {
            try {
                listener.onTaskChanged(task, version);
            } catch (RuntimeException e) {
                log.error("task listener {} failed for task {}", listener.getClass().getSimpleName(), task.id(), e);
            }
        }
    }
}
