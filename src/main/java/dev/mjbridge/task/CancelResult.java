package dev.mjbridge.task;

/** What {@code POST /mj/task/{id}/cancel} achieved. */
public sealed interface CancelResult {

    /** The task was waiting (queued, or in MODAL) and is now CANCEL. */
    record Cancelled(Task task) implements CancelResult {
    }

    /** The task already reached a final status; nothing changed. */
    record AlreadyFinished(Task task) implements CancelResult {
    }

    /**
     * Midjourney is already working on it and showed no {@code Cancel Job} button for it (an
     * imagine, or a press whose start message was not seen): there is no way to stop it.
     */
    record AlreadyRunning(Task task) implements CancelResult {
    }

    /**
     * Midjourney is working on it and we pressed its {@code Cancel Job} button; the task ends
     * as FAILURE when Midjourney marks the job {@code (Stopped)}.
     */
    record Stopping(Task task) implements CancelResult {
    }

    record NotFound() implements CancelResult {
    }
}
