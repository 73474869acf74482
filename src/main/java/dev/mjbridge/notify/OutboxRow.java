package dev.mjbridge.notify;

import dev.mjbridge.task.TaskStatus;

/**
 * A row of the outbox as a claim returns it: one state of one task, to post.
 *
 * @param id         the row's key
 * @param taskId     the task
 * @param seq        its order within the task
 * @param deliveryId sent as {@code X-Mj-Delivery}
 * @param target     where to post it
 * @param status     the task status in the body
 * @param progress   the task progress in the body
 * @param body       the bytes to post, as text (UTF-8)
 * @param attempts   failed attempts so far
 */
record OutboxRow(long id, String taskId, int seq, String deliveryId, HookTarget target, TaskStatus status,
                 String progress, String body, int attempts) {

    String describe() {
        return "task " + taskId + " " + status + " " + progress + " (outbox row " + id + ")";
    }
}
