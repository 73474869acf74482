package dev.mjbridge.notify;

import dev.mjbridge.task.TaskStatus;

/**
 * One attempt of one delivery, as {@code GET /mj/task/{id}/deliveries} shows it.
 *
 * @param deliveryId the {@code X-Mj-Delivery} sent; shared by the retries of one delivery
 * @param status     the task status posted
 * @param progress   the task progress posted
 * @param hook       scheme, host, port and path of the hook: no query string, long path segments masked
 * @param at         when the attempt started, epoch milliseconds
 * @param httpStatus the receiver's HTTP status, 0 when there was no answer
 * @param error      what went wrong in words, null when sent
 * @param durationMs how long the attempt took
 * @param outcome    sent, retrying or gave up
 */
public record DeliveryAttempt(String deliveryId, TaskStatus status, String progress, String hook, long at,
                              int httpStatus, String error, long durationMs, DeliveryOutcome outcome) {
}
