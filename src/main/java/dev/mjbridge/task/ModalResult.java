package dev.mjbridge.task;

/** What {@code POST /mj/submit/modal} achieved. */
public sealed interface ModalResult {

    /** The modal was submitted; the task continues. */
    record Submitted(Task task) implements ModalResult {
    }

    record NotFound() implements ModalResult {
    }

    /**
     * In a cluster: the task waits for its modal on an account another instance holds, which alone can send
     * the answer; the call belongs there.
     */
    record FollowedElsewhere(String accountId) implements ModalResult {
    }

    /** The task is not waiting for a modal (wrong status), or the input does not fit the modal. */
    record Invalid(String field, String reason) implements ModalResult {
    }
}
