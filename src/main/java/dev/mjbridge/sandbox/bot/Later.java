package dev.mjbridge.sandbox.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
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

    Later(ScheduledExecutorService sandboxScheduler) {
        this.executor = sandboxScheduler;
    }

    void now(Runnable work) {
        executor.execute(() -> guarded(work));
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
