package dev.mjbridge.account;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * An account's concurrency: at most {@code concurrency} tasks running, then a FIFO
 * queue of at most {@code queueSize}. A queued task's start is a callback run outside
 * the lock when a slot frees, so a slow start never blocks admission.
 */
public final class AccountSlots {

    /** The outcome of asking for a slot. */
    public sealed interface Admission {
        record Started() implements Admission {
        }

        record Queued(int ahead) implements Admission {
        }

        record Full() implements Admission {
        }
    }

    private record Waiting(String taskId, Runnable start) {
    }

    private final Set<String> running = new HashSet<>();
    private final Deque<Waiting> queue = new ArrayDeque<>();
    private int concurrency;
    private int queueSize;
    /** Set when the account leaves the pool: nothing new is admitted or started, the running ones end. */
    private boolean closed;
    private final CompletableFuture<Void> idleAfterClose = new CompletableFuture<>();

    public AccountSlots(int concurrency, int queueSize) {
        this.concurrency = concurrency;
        this.queueSize = queueSize;
    }

    /**
     * Takes a slot for the task if one is free (the caller then starts it), or queues
     * {@code startLater} to run when a slot frees, or refuses when the queue is full.
     */
    public synchronized Admission admit(String taskId, Runnable startLater) {
        if (running.contains(taskId) || queue.stream().anyMatch(w -> w.taskId().equals(taskId))) {
            return new Admission.Started();
        }
        if (closed) {
            return new Admission.Full();
        }
        if (running.size() < concurrency) {
            running.add(taskId);
            return new Admission.Started();
        }
        if (queue.size() < queueSize) {
            queue.addLast(new Waiting(taskId, startLater));
            return new Admission.Queued(queue.size());
        }
        return new Admission.Full();
    }

    /**
     * Counts a task that is already running at Discord (found again after a restart) as
     * holding a slot, even beyond the concurrency: it is running there whatever we think.
     */
    public synchronized void occupy(String taskId) {
        running.add(taskId);
    }

    /** Frees the task's slot (or drops it from the queue) and starts the next waiting task. */
    public void release(String taskId) {
        Waiting next = null;
        synchronized (this) {
            if (!running.remove(taskId)) {
                removeQueued(taskId);
                return;
            }
            if (closed && running.isEmpty()) {
                idleAfterClose.complete(null);
            }
            if (!queue.isEmpty() && running.size() < concurrency) {
                next = queue.removeFirst();
                running.add(next.taskId());
            }
        }
        if (next != null) {
            next.start().run();
        }
    }

    /** Takes a waiting task out of the queue; false when it was not waiting. */
    public synchronized boolean removeQueued(String taskId) {
        Iterator<Waiting> it = queue.iterator();
        while (it.hasNext()) {
            if (it.next().taskId().equals(taskId)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    public synchronized boolean isRunning(String taskId) {
        return running.contains(taskId);
    }

    /** True while the task holds a slot here or waits in the queue for one. */
    public synchronized boolean holds(String taskId) {
        return running.contains(taskId) || queue.stream().anyMatch(w -> w.taskId().equals(taskId));
    }

    public synchronized boolean hasCapacity() {
        return running.size() < concurrency || queue.size() < queueSize;
    }

    public synchronized boolean hasFreeSlot() {
        return running.size() < concurrency;
    }

    public synchronized int running() {
        return running.size();
    }

    public synchronized int queued() {
        return queue.size();
    }

    /** Load relative to capacity, for best-wait-idle selection: 0 idle, 1 all slots busy, more when queued. */
    public synchronized double load() {
        return (running.size() + queue.size()) / (double) Math.max(1, concurrency);
    }

    /**
     * New limits. More concurrency starts waiting tasks at once; less lets the running ones end
     * (none is stopped) and starts no more until the account is under the new limit. A queue
     * longer than the new size keeps its tasks; it only takes no more until it is shorter.
     */
    public void resize(int newConcurrency, int newQueueSize) {
        List<Waiting> starts = new ArrayList<>();
        synchronized (this) {
            concurrency = newConcurrency;
            queueSize = newQueueSize;
            while (!closed && !queue.isEmpty() && running.size() < concurrency) {
                Waiting next = queue.removeFirst();
                running.add(next.taskId());
                starts.add(next);
            }
        }
        starts.forEach(w -> w.start().run());
    }

    /**
     * The account leaves the pool: it admits nothing more, and its waiting tasks are handed back
     * (their ids, oldest first) to be placed elsewhere. The running ones keep their slots.
     */
    public synchronized List<String> closeAndTakeQueued() {
        closed = true;
        List<String> taken = new ArrayList<>();
        queue.forEach(w -> taken.add(w.taskId()));
        queue.clear();
        if (running.isEmpty()) {
            idleAfterClose.complete(null);
        }
        return taken;
    }

    /** Completes once the slots are closed and no task runs any more. */
    public CompletableFuture<Void> idleAfterClose() {
        return idleAfterClose;
    }
}
