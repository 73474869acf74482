package dev.mjbridge.images;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore for asynchronous work: {@link #acquire()} hands back a future that completes once
 * a permit is free, so a download waiting its turn holds no thread. Permits go to waiters in
 * the order they asked.
 */
final class AsyncPermits {

    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int free;

    AsyncPermits(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one permit, was " + permits);
        }
        this.free = permits;
    }

    CompletableFuture<Void> acquire() {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        synchronized (this) {
            if (free == 0) {
                waiting.add(turn);
                return turn;
            }
            free--;
        }
        turn.complete(null);
        return turn;
    }

    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                free++;
                return;
            }
        }
        // Completed outside the lock: the waiter's continuation runs here and may acquire again.
        next.complete(null);
    }

    synchronized int available() {
        return free;
    }

    synchronized int queued() {
        return waiting.size();
    }
}
