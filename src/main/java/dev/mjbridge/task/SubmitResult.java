package dev.mjbridge.task;

import java.time.Instant;

/** What became of a submit, mapped by the API to the envelope codes 1, 22, 23 and 9. */
public sealed interface SubmitResult {

    /** Sent (or about to be sent) right away on {@code accountId}: code 1. */
    record Submitted(Task task, String accountId) implements SubmitResult {
    }

    /**
     * Waiting behind {@code ahead} other tasks on {@code accountId}, or for the account's pacing
     * to let it send at {@code startsAt} (null when only the queue holds it): code 22.
     */
    record Queued(Task task, String accountId, int ahead, Instant startsAt) implements SubmitResult {

        public Queued(Task task, String accountId, int ahead) {
            this(task, accountId, ahead, null);
        }
    }

    /** No eligible account can take it now (all full, none matching, none healthy): code 23. */
    record NoCapacity(String reason) implements SubmitResult {
    }

    /** The task could not be made durable, so it was not started (its database did not answer): code 9. */
    record NotStored(String reason) implements SubmitResult {
    }
}
