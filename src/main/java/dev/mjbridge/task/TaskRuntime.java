package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobRequest;

/**
 * What the engine keeps beside an in-flight task that clients never see: the request
 * still to be sent, where it may run, and for button tasks the message pressed.
 *
 * @param parentMessageId the message whose button this task pressed (results reply to it)
 * @param index           the image index of that button (1-4), 0 when none
 * @param pendingAnswer   what to type into the modal the button will open, if any
 */
record TaskRuntime(JobRequest request, Routing routing, String accountId, String parentMessageId, int index,
                   JobRequest.ModalAnswer pendingAnswer) {

    TaskRuntime withAccount(String value) {
        return new TaskRuntime(request, routing, value, parentMessageId, index, pendingAnswer);
    }

    TaskRuntime withPendingAnswer(JobRequest.ModalAnswer value) {
        return new TaskRuntime(request, routing, accountId, parentMessageId, index, value);
    }

    TaskRuntime withRequest(JobRequest value) {
        return new TaskRuntime(value, routing, accountId, parentMessageId, index, pendingAnswer);
    }
}
