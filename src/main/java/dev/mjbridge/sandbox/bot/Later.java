package dev.mjbridge.sandbox.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the bot's work off the HTTP thread, now or after a delay, on the sandbox's
 * scheduler. A failure is logged rather than lost silently inside the executor.
 */
@Component
class Later {

    private static final Logger log = LoggerFactory.getLogger(Later.class);

    private final ScheduledExecutorService executor;
    private final Map<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();

    Later(ScheduledExecutorService sandboxScheduler) {
        this.executor = sandboxScheduler;
    }

    void now(Runnable work) {
        executor.execute(() -> guarded(work));
    }

    /**
     * Runs {@code work} off the HTTP thread after every earlier work of the same {@code key}
     * has run. One user's interactions are handled in the order they arrived: a client that
     * sends its next command as soon as the last was acknowledged must not see the two admitted
     * the other way round because two scheduler threads raced.
     */
    void inOrder(String key, Runnable work) {
        CompletableFuture<Void> queued = chains.compute(key, (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .thenRunAsync(() -> guarded(work), executor));
        // The chain forgets a key once its last work ran, so idle users cost nothing.
        queued.whenComplete((done, error) -> chains.remove(key, queued));
    }

    void after(Duration delay, Runnable work) {
        executor.schedule(() -> guarded(work), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("sandbox bot: simulated work failed", e);
        }
    }
}
