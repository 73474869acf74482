package dev.mjbridge.notify;

import dev.mjbridge.task.TaskStatus;

/**
 * A state of a task to add to the outbox.
 *
 * @param taskId     the task
 * @param deliveryId sent as {@code X-Mj-Delivery}
 * @param target     where to post it
 * @param status     the task status in the body
 * @param progress   the task progress in the body
 * @param body       the task's JSON, exactly as it is posted
 * @param accountId  the task's account, for the fence; null when none
 * @param epoch      the epoch of the account's lease the task was sent under; null for a task not sent
 *                   under a lease
 * @param change     a change this instance made (posted only if news to the task's rows, and fenced);
 *                   false for a state sent again on an operator's request, which is always added
 */
record OutboxEntry(String taskId, String deliveryId, HookTarget target, TaskStatus status, String progress,
                   String body, String accountId, Long epoch, boolean change) {

    boolean fenced() {
        return change && accountId != null && epoch != null;
    }
}
