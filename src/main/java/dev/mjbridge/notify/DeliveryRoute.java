package dev.mjbridge.notify;

import java.util.List;

/**
 * Where {@link WebhookNotifier} hands the states to post: a single instance delivers them from
 * memory ({@link DeliveryDispatcher}); an instance of a cluster writes them to the database's
 * outbox, from which any instance delivers them ({@link ClusterDeliveries}).
 */
sealed interface DeliveryRoute extends AutoCloseable permits DeliveryDispatcher, ClusterDeliveries {

    /** A new state of a task, made by this instance; returns at once. */
    void offer(Delivery delivery);

    /** A state sent again on an operator's request (it may be an older version than another instance holds). */
    default void offerAgain(Delivery delivery) {
        offer(delivery);
    }

    /** The task's last delivery attempts, oldest first. */
    List<DeliveryAttempt> attempts(String taskId);

    /** Undelivered states held in this process's memory. */
    int queued();

    /** Look for deliveries due now instead of at the next poll; nothing to do where nothing polls. */
    default void wake() {
    }

    @Override
    void close();
}
