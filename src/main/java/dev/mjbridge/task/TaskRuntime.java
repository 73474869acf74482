package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobRequest;

/**
 * What the engine keeps on an unfinished task that clients never see: the request still
 * to be sent, where it may run, and for button tasks the message pressed. Part of the
 * task's {@link TaskInternal}, stored with it, and dropped when the task becomes final.
 * The account is the task's own ({@link Task#accountId()}).
 *
 * @param parentMessageId the message whose button this task pressed (results reply to it), null for none
 * @param index           the image index of that button (1-4), 0 when none
 * @param pendingAnswer   what to type into the modal the button will open, if any
 */
public record TaskRuntime(JobRequest request, Routing routing, String parentMessageId, int index,
                          JobRequest.ModalAnswer pendingAnswer) {

    /** A runtime whose pending answer is the one the request carries (a button pressed with the modal's text). */
    static TaskRuntime of(JobRequest request, Routing routing, String parentMessageId, int index) {
        return new TaskRuntime(request, routing, parentMessageId, index,
                request instanceof JobRequest.Button button ? button.answer() : null);
    }

    TaskRuntime withPendingAnswer(JobRequest.ModalAnswer value) {
        return new TaskRuntime(request, routing, parentMessageId, index, value);
    }

    TaskRuntime withRequest(JobRequest value) {
        return new TaskRuntime(value, routing, parentMessageId, index, pendingAnswer);
    }
}
