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
 * @param epoch      the epoch of the account's lease the task was sent under; null for no fence (a
 *                   task not sent yet, or a state sent again on request)
 */
record OutboxEntry(String taskId, String deliveryId, HookTarget target, TaskStatus status, String progress,
                   String body, String accountId, Long epoch) {

    boolean fenced() {
        return accountId != null && epoch != null;
    }
}
