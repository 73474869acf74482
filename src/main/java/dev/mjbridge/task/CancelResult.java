package dev.mjbridge.task;

/** What {@code POST /mj/task/{id}/cancel} achieved. */
public sealed interface CancelResult {

    /** The task was waiting (queued, or in MODAL) and is now CANCEL. */
    record Cancelled(Task task) implements CancelResult {
    }

    /** The task already reached a final status; nothing changed. */
    record AlreadyFinished(Task task) implements CancelResult {
    }

    /** Midjourney is already working on it; Discord offers no way to stop a running job. */
    record AlreadyRunning(Task task) implements CancelResult {
    }

    record NotFound() implements CancelResult {
    }
}
