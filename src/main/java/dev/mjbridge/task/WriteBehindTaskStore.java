package dev.mjbridge.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.discord.Backoff;

/**
 * The task store as the engine sees it: versions are handed over in memory ({@link #stage})
 * and written later, on the writer's own thread, by a durable {@link TaskStore}, so no event
 * thread waits for the database.
 * <p>
 * <b>Group commit.</b> The writer takes every task changed since its last write, only the
 * newest version of each (versions of one task coalesce; a task's versions are written in the
 * order they were made), and writes them with one {@link TaskStore#saveAll} (one transaction).
 * After a write it calls {@code onStored} with each version written (the JSON cache settles it)
 * and completes the futures of that version and the ones it replaced.
 * <p>
 * <b>Overlay reads.</b> Until written, a version is read from here: every read method answers
 * what memory holds, newer than the database. So a client pressing U1 on a task that has just
 * finished finds it finished, with its buttons, before the row says so.
 * <p>
 * <b>Failures.</b> A failed write is logged (kind of error only: rows hold webhook URLs) and
 * retried with the shared {@link Backoff}; a failed batch is tried again row by row at once, so
 * one row the database refuses holds back only itself. Readers keep seeing memory meanwhile.
 * {@link #close} writes what is left (bounded wait), so a normal stop loses nothing.
 */
public final class WriteBehindTaskStore implements TaskStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindTaskStore.class);
    /** Rows per transaction: large enough to carry any burst, small enough to keep one commit short. */
    static final int MAX_BATCH = 500;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /**
     * A version waiting to be written. {@code neverStored}: the task has no row yet (counted by
     * {@link #count}). {@code held}: not to be written yet (see {@link #stageHeld}).
     */
    private record Staged(Task task, TaskJson version, long sequence, boolean neverStored, boolean held,
                          CompletableFuture<Boolean> written) {

        Staged stored() {
            return new Staged(task, version, sequence, false, held, written);
        }

        Staged released() {
            return new Staged(task, version, sequence, neverStored, false, written);
        }
    }

    private final TaskStore durable;
    private final Consumer<TaskJson> onStored;
    private final Executor writerThread;
    private final BiConsumer<Runnable, Duration> retryLater;
    private final Backoff backoff;
    private final Runnable onClose;
    private volatile StoredTasksListener storedListener = StoredTasksListener.NONE;
    private final ConcurrentMap<String, Staged> staged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> changed = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    /** True while a drain is scheduled, running, or waiting to retry: at most one writer at a time. */
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Failed attempts in a row; touched by the writer only (one drain at a time). */
    private int failures;
    /** Tasks whose rows the database refused while it wrote others, with their attempts (writer only). */
    private final Map<String, Integer> refusals = new HashMap<>();

    /**
     * @param durable      where versions are written
     * @param onStored     told each version once it is written (the JSON cache settles it)
     * @param writerThread runs the writes; one task at a time is enough (writes never overlap)
     * @param retryLater   runs the retry after a failed write, after the given delay
     * @param backoff      the delays between retries
     * @param onClose      run last by {@link #close} (stops the writer's thread)
     */
    WriteBehindTaskStore(TaskStore durable, Consumer<TaskJson> onStored, Executor writerThread,
                         BiConsumer<Runnable, Duration> retryLater, Backoff backoff, Runnable onClose) {
        this.durable = durable;
        this.onStored = onStored;
        this.writerThread = writerThread;
        this.retryLater = retryLater;
        this.backoff = backoff;
        this.onClose = onClose;
    }

    /** Writes on a thread of its own ({@code mj-task-store}), retrying with the standard backoff. */
    public static WriteBehindTaskStore onOwnThread(TaskStore durable, Consumer<TaskJson> onStored) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "mj-task-store");
            t.setDaemon(true);
            return t;
        });
        return new WriteBehindTaskStore(durable, onStored, thread,
                (retry, delay) -> thread.schedule(retry, delay.toMillis(), TimeUnit.MILLISECONDS),
                Backoff.standard(), thread::shutdown);
    }

    /** Writes on the thread that stages, before {@link #writeSoon} returns (tests and tools). */
    public static WriteBehindTaskStore onCallingThread(TaskStore durable, Consumer<TaskJson> onStored) {
        return new WriteBehindTaskStore(durable, onStored, Runnable::run,
                (retry, delay) -> CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(retry),
                Backoff.standard(), () -> { });
    }

    /**
     * Hands a version over, memory only: call it where the version is made (under the task's lock)
     * so that versions of one task arrive in order. Nothing is written before {@link #writeSoon}.
     *
     * @param version   its JSON, given to {@code onStored} once written; null when no cache waits for it
     * @param newTask   the task has no row yet
     * @return completes once this version, or a newer one of the task, is written: with whether the
     *         row was written (false: a stored final task was kept)
     */
    CompletableFuture<Boolean> stage(Task task, TaskJson version, boolean newTask) {
        CompletableFuture<Boolean> written = merge(task, version, newTask, false);
        changed.add(task.id());
        return written;
    }

    /**
     * As {@link #stage}, but the version is not written before {@link #release}: a task's new
     * version is staged under its in-flight lock (so versions arrive in order) and becomes visible
     * in the in-flight index only when that lock is left. Written before then, it would settle in
     * the JSON cache while the index still shows the version before it, and a reader could be
     * answered that older one after the newer.
     */
    CompletableFuture<Boolean> stageHeld(Task task, TaskJson version) {
        return merge(task, version, false, true);
    }

    /** The version staged by {@link #stageHeld} is visible everywhere now: it may be written. */
    void release(String taskId, TaskJson version) {
        // A newer version staged meanwhile stays as it is: its own release lets it go.
        staged.computeIfPresent(taskId, (id, current) -> current.version() == version ? current.released() : current);
        changed.add(taskId);
    }

    private CompletableFuture<Boolean> merge(Task task, TaskJson version, boolean newTask, boolean held) {
        Staged next = new Staged(task, version, sequence.incrementAndGet(), newTask, held, new CompletableFuture<>());
        staged.merge(task.id(), next, (old, given) -> {
            // Only one version per task is written: the other's future follows the one kept.
            Staged kept = given.sequence() > old.sequence() ? given : old;
            Staged dropped = kept == given ? old : given;
            kept.written().whenComplete((ok, error) -> {
                if (error != null) {
                    dropped.written().completeExceptionally(error);
                } else {
                    dropped.written().complete(ok);
                }
            });
            return kept == given && old.neverStored() && !given.neverStored()
                    ? new Staged(given.task(), given.version(), given.sequence(), true, given.held(), given.written())
                    : kept;
        });
        return next.written();
    }

    /**
     * Tells {@code listener} of every version committed from now on (a cluster announces them to the
     * other instances); there is one listener at most.
     */
    public void onStoredTasks(StoredTasksListener listener) {
        this.storedListener = listener;
    }

    /** Starts the writer unless it runs already (it then picks up what was staged meanwhile). */
    void writeSoon() {
        if (draining.compareAndSet(false, true)) {
            try {
                writerThread.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // Closed: a straggler after shutdown (a late REST answer) is kept in memory only.
                draining.set(false);
                log.debug("task store closed: {} task version(s) not written", staged.size());
            }
        }
    }

    /** Versions staged and not yet written (tests, metrics). */
    int backlog() {
        return staged.size();
    }

    @Override
    public boolean save(Task task) {
        CompletableFuture<Boolean> written = stage(task, null, false);
        writeSoon();
        try {
            return written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while task " + task.id() + " was being stored", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("task " + task.id() + " could not be stored", e.getCause());
        }
    }

    @Override
    public Optional<Task> findById(String id) {
        Staged pending = staged.get(id);
        return pending != null ? Optional.of(pending.task()) : durable.findById(id);
    }

    @Override
    public List<Task> findByIds(Collection<String> ids) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, Task> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : wanted) {
            Staged pending = staged.get(id);
            if (pending != null) {
                found.put(id, pending.task());
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Task task : durable.findByIds(missing)) {
                // Staged while we read: the staged version is the newer one.
                found.putIfAbsent(task.id(), overlay(task));
            }
        }
        return wanted.stream().map(found::get).filter(t -> t != null).toList();
    }

    @Override
    public List<Task> listRecent(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        // A stored row in the merged page's first offset+limit is in the stored first offset+limit too.
        Map<String, Task> merged = new LinkedHashMap<>();
        for (Task task : durable.listRecent(0, offset + limit)) {
            merged.put(task.id(), task);
        }
        staged.values().forEach(s -> merged.put(s.task().id(), s.task()));
        return merged.values().stream().sorted(NEWEST_FIRST).skip(offset).limit(limit).toList();
    }

    @Override
    public List<Task> findUnfinished() {
        Map<String, Task> merged = new LinkedHashMap<>();
        for (Task task : durable.findUnfinished()) {
            merged.put(task.id(), task);
        }
        staged.values().forEach(s -> merged.put(s.task().id(), s.task()));
        return merged.values().stream().filter(t -> !t.status().isFinal())
                .sorted(NEWEST_FIRST.reversed()).toList();
    }

    @Override
    public List<Task> findUnfinishedOf(String accountId) {
        Map<String, Task> merged = new LinkedHashMap<>();
        for (Task task : durable.findUnfinishedOf(accountId)) {
            merged.put(task.id(), task);
        }
        // A staged version wins: it may have left the account, or ended, since the row was written.
        staged.values().forEach(s -> merged.put(s.task().id(), s.task()));
        return merged.values().stream().filter(t -> !t.status().isFinal() && accountId.equals(t.accountId()))
                .sorted(NEWEST_FIRST.reversed()).toList();
    }

    /**
     * Counted from the database after what is staged is written: asked once per account at
     * start-up, when little or nothing is staged.
     */
    @Override
    public long countSentSince(String accountId, long sinceEpochMs) {
        flushQuietly();
        return durable.countSentSince(accountId, sinceEpochMs);
    }

    /** Stored rows plus staged tasks that have none yet (a write finishing meanwhile may count one twice). */
    @Override
    public long count() {
        long unstored = staged.values().stream().filter(Staged::neverStored).count();
        return durable.count() + unstored;
    }

    /** Writes what is staged, waiting at most a few seconds; then stops the writer. */
    @Override
    public void close() {
        try {
            if (!flushQuietly()) {
                log.error("task store: {} task version(s) could not be written before shutdown; restart recovery will "
                        + "reconcile them from Discord's channel history", staged.size());
            }
        } finally {
            onClose.run();
        }
    }

    /** Writes what is staged now and waits for it, at most a few seconds; false when it was not all written. */
    private boolean flushQuietly() {
        List<CompletableFuture<Boolean>> waiting = staged.values().stream().map(Staged::written).toList();
        writeSoon();
        try {
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private Task overlay(Task stored) {
        Staged pending = staged.get(stored.id());
        return pending != null ? pending.task() : stored;
    }

    private void drain() {
        do {
            if (!writeAllStaged()) {
                return; // a retry is scheduled and keeps the writer flag
            }
            draining.set(false);
            // Something staged after the last batch was taken but before the flag dropped: take it too.
        } while (!changed.isEmpty() && draining.compareAndSet(false, true));
    }

    /** @return false when a write failed and a retry was scheduled */
    private boolean writeAllStaged() {
        while (true) {
            List<Staged> batch = takeBatch();
            if (batch.isEmpty()) {
                return true;
            }
            List<Staged> failed = write(batch);
            boolean databaseAnswers = failed.size() < batch.size()
                    || (batch.size() == 1 && refusals.containsKey(batch.get(0).task().id()));
            if (!failed.isEmpty() && databaseAnswers) {
                // The database writes other rows but refuses these: each waits for its own retry,
                // and the versions of every other task go on being written meanwhile.
                failed.forEach(this::retryAlone);
            } else if (!failed.isEmpty()) {
                failed.forEach(s -> changed.add(s.task().id()));
                Duration delay = backoff.delay(failures);
                failures++;
                retryLater.accept(this::drain, delay);
                log.warn("task store: retry {} of {} task version(s) in {} ms", failures, failed.size(), delay.toMillis());
                return false;
            }
            if (failures > 0) {
                log.info("task store: writes succeed again after {} failed attempt(s)", failures);
                failures = 0;
            }
        }
    }

    /** Tries a refused task's newest version again after its own backoff (writer thread only). */
    private void retryAlone(Staged refused) {
        String id = refused.task().id();
        int attempt = refusals.merge(id, 1, Integer::sum) - 1;
        Duration delay = backoff.delay(attempt);
        log.warn("task store: the database refuses the version of task {}; retry {} in {} ms", id, attempt + 1,
                delay.toMillis());
        retryLater.accept(() -> {
            changed.add(id);
            writeSoon();
        }, delay);
    }

    /**
     * One transaction for the batch; if it fails, each version alone, so that a row the database
     * refuses holds back only itself. Logs the kind of error and its SQL state only: messages may
     * quote row values (webhook URLs, images).
     *
     * @return the versions not written
     */
    private List<Staged> write(List<Staged> batch) {
        try {
            settle(batch, durable.saveAll(batch.stream().map(Staged::task).toList()));
            return List.of();
        } catch (RuntimeException e) {
            log.warn("task store: writing {} task version(s) failed: {}", batch.size(), describe(e));
            if (batch.size() == 1) {
                return batch;
            }
        }
        List<Staged> failed = new ArrayList<>();
        for (Staged one : batch) {
            try {
                settle(List.of(one), durable.saveAll(List.of(one.task())));
            } catch (RuntimeException e) {
                failed.add(one);
            }
        }
        return failed;
    }

    /** The newest version of up to {@link #MAX_BATCH} changed tasks, each once. */
    private List<Staged> takeBatch() {
        Map<String, Staged> batch = new LinkedHashMap<>();
        String id;
        while (batch.size() < MAX_BATCH && (id = changed.poll()) != null) {
            Staged pending = staged.get(id);
            if (pending != null && !pending.held()) {
                // The newest, not the first seen: a version staged while this loop runs may have its id
                // polled here, and then nothing else would ever write it.
                batch.put(id, pending);
            }
        }
        return new ArrayList<>(batch.values());
    }

    private void settle(List<Staged> batch, List<Boolean> ok) {
        for (int i = 0; i < batch.size(); i++) {
            Staged written = batch.get(i);
            if (written.version() != null) {
                onStored.accept(written.version());
            }
            // Leaves the overlay unless a newer version came meanwhile (that one is written next).
            staged.computeIfPresent(written.task().id(), (id, current) -> current == written ? null : current.stored());
            refusals.remove(written.task().id());
            written.written().complete(ok.get(i));
        }
        tellStored(batch, ok);
    }

    private void tellStored(List<Staged> batch, List<Boolean> ok) {
        StoredTasksListener listener = storedListener;
        if (listener == StoredTasksListener.NONE) {
            return;
        }
        List<Task> written = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (ok.get(i)) {
                written.add(batch.get(i).task());
            }
        }
        if (written.isEmpty()) {
            return;
        }
        try {
            listener.stored(written);
        } catch (RuntimeException e) {
            log.error("task store: the listener of written tasks failed", e);
        }
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String state = cause instanceof java.sql.SQLException sql ? " SQLState " + sql.getSQLState() : "";
        return e.getClass().getSimpleName() + (cause != e ? " caused by " + cause.getClass().getSimpleName() : "") + state;
    }

    private static final Comparator<Task> NEWEST_FIRST = Comparator.comparingLong(Task::submitTime)
            .thenComparing(Task::id).reversed();
}
