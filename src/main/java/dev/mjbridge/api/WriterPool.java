package dev.mjbridge.api;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads that write to the event streams: {@code mj.events.writer-threads} of them, plus one stand-in
 * for each write that hangs on a client that takes no bytes. A blocking write to such a client keeps its
 * thread until the server's write timeout gives up; the stand-in takes that thread's place meanwhile, so
 * the other streams' turns never wait behind it.
 */
final class WriterPool implements Executor {

    private final int threads;
    private final ThreadPoolExecutor pool;
    // Guarded by this. May dip below zero for a moment: a hung write can come back before its stand-in is asked for.
    private int standIns;

    WriterPool(int threads) {
        this.threads = threads;
        CustomizableThreadFactory factory = new CustomizableThreadFactory("mj-events-");
        // Daemons: an open stream never holds the JVM up.
        factory.setDaemon(true);
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    }

    @Override
    public void execute(Runnable turn) {
        pool.execute(turn);
    }

    /** A write was given up as stuck: one more thread serves the others while it hangs. */
    synchronized void standIn() {
        standIns++;
        resize();
    }

    /** The given-up write came back (completed or failed): its stand-in is no longer needed. */
    synchronized void standDown() {
        standIns--;
        resize();
    }

    /** Threads the pool may run now (for tests). */
    synchronized int size() {
        return pool.getMaximumPoolSize();
    }

    void shutdownNow() {
        pool.shutdownNow();
    }

    private void resize() {
        int size = threads + Math.max(0, standIns);
        // The maximum may never be below the core size: raise it first, lower it last.
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }
}
