package dev.mjbridge.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work on a thread of its own for items that may come faster than it is done: items added while it
 * works wait together (each once) and are handed over in one call when it is free. So the caller
 * never waits, and a burst becomes one call instead of many.
 */
final class CoalescingWorker<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoalescingWorker.class);

    private final String name;
    private final Consumer<List<T>> work;
    private final ExecutorService thread;
    private final LinkedHashSet<T> waiting = new LinkedHashSet<>();
    private boolean scheduled;

    /** @param work called on the worker's thread with what waited, never empty; may throw (logged) */
    CoalescingWorker(String name, Consumer<List<T>> work) {
        this.name = name;
        this.work = work;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    void add(Collection<T> items) {
        if (items.isEmpty()) {
            return;
        }
        synchronized (waiting) {
            waiting.addAll(items);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        run(this::drain);
    }

    /** Runs {@code task} on the worker's thread, after what is already queued there. */
    void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("{}: failed", name, e);
                }
            });
        } catch (RejectedExecutionException closed) {
            log.debug("{}: closed, work dropped", name);
        }
    }

    private void drain() {
        List<T> batch;
        synchronized (waiting) {
            batch = new ArrayList<>(waiting);
            waiting.clear();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            work.accept(batch);
        }
    }

    /** Does what waits (bounded), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
