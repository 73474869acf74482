package dev.mjbridge.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a paced send later without holding a thread meanwhile; tests run it when they choose. */
@FunctionalInterface
public interface PacingTimer {

    void runAfter(Duration wait, Runnable action);

    /** Real time, on the JDK's shared delay timer. */
    static PacingTimer realTime() {
        return (wait, action) -> {
            if (wait.isZero() || wait.isNegative()) {
                action.run();
            } else {
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(action);
            }
        };
    }
}
