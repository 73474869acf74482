package dev.mjbridge.api;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.mjbridge.task.TaskJson;

/**
 * One open stream: a bounded buffer the task engine's thread only puts into ({@link #offer}, never
 * waiting), drained by one writer at a time on the hub's writer threads. A stream whose buffer is full
 * has fallen behind for good: it is dropped, with a last {@code event: dropped} saying why, instead of
 * holding up the engine or the other streams.
 * <p>
 * The writer also keeps the stream honest: it sends a task's versions only forward (a version no newer
 * than one already sent, e.g. one that overtook the current state read at opening, is skipped), and it
 * ends a stream of given tasks once all of them are final.
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

    private final StreamInterest interest;
    private final int capacity;
    private final BlockingQueue<TaskEvent> buffer;
    private final ConcurrentLinkedQueue<TaskEvent> first = new ConcurrentLinkedQueue<>();
    private final Executor writers;
    private final Sink sink;
    private final Consumer<TaskEventStream> onEnd;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean pingWanted = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean overflowed;
    // Touched only by the writer (one at a time).
    private final Map<String, Long> sentVersions = new HashMap<>();
    private final Set<String> unfinished;

    TaskEventStream(StreamInterest interest, int capacity, Executor writers, Sink sink, Consumer<TaskEventStream> onEnd) {
        this.interest = interest;
        this.capacity = capacity;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.writers = writers;
        this.sink = sink;
        this.onEnd = onEnd;
        this.unfinished = interest.followsAll() ? null : new HashSet<>(interest.taskIds());
    }

    /** Called on the task engine's thread: never waits. */
    void offer(TaskEvent event) {
        if (ended.get() || overflowed || !concerns(event.task())) {
            return;
        }
        if (!buffer.offer(event)) {
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
                sink.ping();
            }
            for (int written = 0; written < TURN && !ended.get(); written++) {
                if (overflowed) {
                    drop();
                    return;
                }
                TaskEvent event = first.poll();
                if (event == null) {
                    event = buffer.poll();
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
        if (!ended.get() && (overflowed || pingWanted.get() || !first.isEmpty() || !buffer.isEmpty())) {
            schedule();
        }
    }

    private void write(TaskEvent event) throws IOException {
        TaskJson task = event.task();
        Long sent = sentVersions.get(task.id());
        if (sent != null && task.version() <= sent) {
            return;
        }
        if (unfinished != null && !unfinished.contains(task.id())) {
            return;
        }
        if (task.status().isFinal() && unfinished == null) {
            sentVersions.remove(task.id());
        } else {
            sentVersions.put(task.id(), task.version());
        }
        if (interest.wants(task)) {
            sink.send(event.id() < 0 ? null : event.id(), task.json());
        }
        if (unfinished != null && task.status().isFinal()) {
            unfinished.remove(task.id());
            if (unfinished.isEmpty()) {
                end();
            }
        }
    }

    private void drop() throws IOException {
        if (ended.get()) {
            return;
        }
        sink.dropped("this stream fell " + capacity + " changes behind (mj.events.buffer); reconnect with "
                + "Last-Event-ID to get what was missed while it is still kept");
        end();
    }
}
