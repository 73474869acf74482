package dev.mjbridge.api;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwraps what a failed {@code CompletableFuture} hands to its callbacks. */
final class AsyncFailures {

    private AsyncFailures() {
    }

    static Throwable cause(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
