package dev.mjbridge.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.mjbridge.task.TaskJson;
import dev.mjbridge.task.TaskStatus;

/**
 * One open stream: the changes waiting for it, which the task engine's thread only puts in
 * ({@link #offer}, never waiting), drained by one writer at a time on the hub's writer threads.
 * <p>
 * A stream that falls behind keeps only each task's latest version: a newer version replaces the waiting
 * one, so a lagging client catches up with the current states instead of working through every step in
 * between. The waiting versions go out in the order of their event ids (a replaced one moves to the end),
 * so the ids on the wire only increase, and a version left out was replaced by a newer one with a larger
 * id: a client that reconnects with the last id it saw still gets that newer one from the replay.
 * <p>
 * It is dropped, instead of holding up the engine or the other streams, when it is truly stuck: when
 * changes of more than {@code mj.events.buffer} tasks are waiting (a last {@code event: dropped} says
 * why), or when one write has not completed within {@code mj.events.write-timeout} (its client takes no
 * bytes, so nothing more can be said to it; see {@link #giveUpIfStuck}).
 * <p>
 * The writer also keeps the stream honest: it sends a task's versions only forward (a version no newer
 * than one already sent, e.g. one that overtook the current state read at opening, is skipped, and so
 * is one whose JSON is the one just sent), and it ends a stream of given tasks once all of them are final.
 */
final class TaskEventStream {

    /** Where a stream's events go (the HTTP response); every call may fail when the client left. */
    interface Sink {

        /** A task change; {@code id} null for an event that carries no id. */
        void send(Long id, byte[] taskJson) throws IOException;

        void dropped(String reason) throws IOException;

        void ping() throws IOException;

        void complete();
    }

    /** Events written per turn before the writer lets other streams have the thread. */
    private static final int TURN = 64;
    /** Write start times count from here, so that one is never {@link #IDLE} or {@link #GIVEN_UP}. */
    private static final long ORIGIN = System.nanoTime() - 1;
    private static final long IDLE = 0;
    private static final long GIVEN_UP = -1;

    private final StreamInterest interest;
    private final int capacity;
    // The latest waiting version per task, in the order of their ids (guarded by itself).
    private final LinkedHashMap<String, TaskEvent> pending = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<TaskEvent> first = new ConcurrentLinkedQueue<>();
    private final WriterPool writers;
    private final Sink sink;
    private final Consumer<TaskEventStream> onEnd;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean pingWanted = new AtomicBoolean();
    /** When the write in progress started (since {@link #ORIGIN}), {@link #IDLE}, or {@link #GIVEN_UP}. */
    private final AtomicLong writingSince = new AtomicLong(IDLE);
    private volatile boolean started;
    private volatile boolean overflowed;
    private volatile boolean givenUp;
    // Touched only by the writer (one at a time).
    private final Map<String, TaskJson> lastSent = new HashMap<>();
    private final Set<String> unfinished;

    TaskEventStream(StreamInterest interest, int capacity, WriterPool writers, Sink sink, Consumer<TaskEventStream> onEnd) {
        this.interest = interest;
        this.capacity = capacity;
        this.writers = writers;
        this.sink = sink;
        this.onEnd = onEnd;
        this.unfinished = interest.followsAll() ? null : new HashSet<>(interest.taskIds());
    }

    /** Called on the task engine's thread, in the order of the events' ids: never waits. */
    void offer(TaskEvent event) {
        if (ended.get() || overflowed || givenUp || !concerns(event.task())) {
            return;
        }
        boolean over;
        synchronized (pending) {
            // Removed and put back: the task moves to the end, after every version older than this one.
            TaskEvent replaced = pending.remove(event.task().id());
            over = replaced == null && pending.size() >= capacity;
            if (!over) {
                pending.put(event.task().id(), event);
            }
        }
        if (over) {
            overflowed = true;
            // No more changes for it; the writer says why and closes it when it gets to it.
            onEnd.accept(this);
        }
        schedule();
    }

    /**
     * Starts writing: first {@code initial} (current states, or the changes missed since the client's
     * Last-Event-ID), then the changes told since the stream opened. A stream of given tasks ends once
     * it has written a final version of each, so {@code initial} must hold one for each task already final.
     */
    void start(List<TaskEvent> initial) {
        first.addAll(initial);
        started = true;
        schedule();
    }

    void ping() {
        pingWanted.set(true);
        schedule();
    }

    /** Ends the stream without a word (client gone, shutdown); safe to call more than once. */
    void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.accept(this);
            sink.complete();
        }
    }

    boolean ended() {
        return ended.get();
    }

    /**
     * Called by the hub's clock: when the write in progress started more than {@code limitNanos} before
     * {@code nowNanos}, the client is taken for stuck. The stream then takes no more changes and forgets
     * the waiting ones; the hung write keeps its thread until it completes or the server's write timeout
     * fails it, and then the stream ends. True once per stream, the moment it is given up.
     */
    boolean giveUpIfStuck(long nowNanos, long limitNanos) {
        long since = writingSince.get();
        if (since <= IDLE || (nowNanos - ORIGIN) - since < limitNanos || !writingSince.compareAndSet(since, GIVEN_UP)) {
            return false;
        }
        givenUp = true;
        synchronized (pending) {
            pending.clear();
        }
        return true;
    }

    private boolean concerns(TaskJson task) {
        return interest.followsAll() || interest.taskIds().contains(task.id());
    }

    private void schedule() {
        if (!started || ended.get() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            writers.execute(this::writeTurn);
        } catch (RejectedExecutionException shuttingDown) {
            scheduled.set(false);
            end();
        }
    }

    private void writeTurn() {
        try {
            if (pingWanted.getAndSet(false)) {
                timed(sink::ping);
            }
            for (int written = 0; written < TURN && !ended.get(); written++) {
                if (overflowed) {
                    drop();
                    return;
                }
                TaskEvent event = first.poll();
                if (event == null) {
                    event = nextPending();
                }
                if (event == null) {
                    break;
                }
                write(event);
            }
        } catch (IOException | RuntimeException clientGone) {
            end();
        } finally {
            scheduled.set(false);
        }
        if (!ended.get() && (overflowed || pingWanted.get() || !first.isEmpty() || hasPending())) {
            schedule();
        }
    }

    private TaskEvent nextPending() {
        synchronized (pending) {
            Iterator<TaskEvent> oldest = pending.values().iterator();
            if (!oldest.hasNext()) {
                return null;
            }
            TaskEvent event = oldest.next();
            oldest.remove();
            return event;
        }
    }

    private boolean hasPending() {
        synchronized (pending) {
            return !pending.isEmpty();
        }
    }

    private void write(TaskEvent event) throws IOException {
        TaskJson task = event.task();
        TaskJson sent = lastSent.get(task.id());
        if (sent != null && (task.version() <= sent.version() || alreadyShown(task, sent))) {
            return;
        }
        if (unfinished != null && !unfinished.contains(task.id())) {
            return;
        }
        if (task.status().isFinal() && unfinished == null) {
            lastSent.remove(task.id());
        } else {
            lastSent.put(task.id(), task);
        }
        if (interest.wants(task)) {
            timed(() -> sink.send(event.id() < 0 ? null : event.id(), task.json()));
        }
        if (unfinished != null && task.status().isFinal()) {
            unfinished.remove(task.id());
            if (unfinished.isEmpty()) {
                end();
            }
        }
    }

    /**
     * A task another instance follows is read from the database twice when a stream opens on it: for the
     * stream's first state and for the announcement of a change. The second read's number is the larger
     * even when its content is the same or, if the reads crossed, older: neither is news. (A task followed
     * here always comes newer under a larger number, so this never holds for it.)
     */
    private static boolean alreadyShown(TaskJson task, TaskJson sent) {
        if (Arrays.equals(task.json(), sent.json())) {
            return true;
        }
        if (task.current() == null || sent.current() == null || sent.status() != TaskStatus.IN_PROGRESS) {
            return false;
        }
        // Once running, a task only moves on to a larger progress or to its end.
        return task.status() != TaskStatus.IN_PROGRESS
                || task.current().progressPercent() < sent.current().progressPercent();
    }

    private void drop() throws IOException {
        if (ended.get()) {
            return;
        }
        timed(() -> sink.dropped("changes of more than " + capacity + " tasks were waiting for this stream "
                + "(mj.events.buffer); reconnect with Last-Event-ID to get what was missed while it is still kept"));
        end();
    }

    /** One write to the client, watched by the hub's clock ({@link #giveUpIfStuck}). */
    private void timed(Write write) throws IOException {
        long start = System.nanoTime() - ORIGIN;
        writingSince.set(start);
        try {
            write.run();
        } finally {
            if (!writingSince.compareAndSet(start, IDLE)) {
                // Given up while it hung: a stand-in has done this thread's share since; the stream is over.
                writers.standDown();
                end();
            }
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }
}
