package dev.mjbridge.task;

/** Life cycle of a task, as clients see it in the {@code status} field. */
public enum TaskStatus {
    /** Accepted and waiting for an account (queued). */
    NOT_START,
    /** Sent to Discord; Midjourney has not reported progress yet. */
    SUBMITTED,
    /** Waiting for the client (or the account) to fill in a modal: custom zoom, remix, vary region. */
    MODAL,
    /** Midjourney reported the job started or made progress. */
    IN_PROGRESS,
    FAILURE,
    SUCCESS,
    CANCEL;

    /** Final states are sticky: nothing moves a task out of them. */
    public boolean isFinal() {
        return this == FAILURE || this == SUCCESS || this == CANCEL;
    }
}
