/**
 * Webhooks: telling clients about their tasks.
 *
 * <ul>
 *   <li>{@link dev.mjbridge.notify.WebhookNotifier}: the task listener; picks the hook and
 *       the changes worth posting.</li>
 *   <li>{@link dev.mjbridge.notify.DeliveryDispatcher}: per-task ordered delivery with
 *       retries, backoff and bounded queues ({@link dev.mjbridge.notify.PendingDeliveries}).</li>
 *   <li>{@link dev.mjbridge.notify.NotifyHookPolicy}: the SSRF check of client-supplied hooks,
 *       public for the API layer.</li>
 *   <li>{@link dev.mjbridge.notify.WebhookSignature}: the {@code X-Mj-Signature} header;
 *       {@link dev.mjbridge.notify.DeliveryLog}: each task's last attempts, for the operator.</li>
 *   <li>{@link dev.mjbridge.notify.NotifyProperties}: {@code mj.notify.*}.</li>
 *   <li>In a cluster only ({@link dev.mjbridge.notify.OutboxMember} given): the webhook outbox in the
 *       database, {@link dev.mjbridge.notify.OutboxStore}, written by
 *       {@link dev.mjbridge.notify.OutboxWriter} and delivered by every instance's
 *       {@link dev.mjbridge.notify.OutboxDispatcher}; both routes post through
 *       {@link dev.mjbridge.notify.HookPost}.</li>
 * </ul>
 */
package dev.mjbridge.notify;
