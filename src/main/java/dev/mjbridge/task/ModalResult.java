package dev.mjbridge.task;

/** What {@code POST /mj/submit/modal} achieved. */
public sealed interface ModalResult {

    /** The modal was submitted; the task continues. */
    record Submitted(Task task) implements ModalResult {
    }

    record NotFound() implements ModalResult {
    }

    /** The task is not waiting for a modal (wrong status), or the input does not fit the modal. */
    record Invalid(String field, String reason) implements ModalResult {
    }
}
