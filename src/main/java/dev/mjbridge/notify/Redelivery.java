package dev.mjbridge.notify;

/** What asking to send a task's latest state again did. */
public sealed interface Redelivery {

    /** Queued behind the task's other deliveries, under a new delivery id. */
    record Queued(String deliveryId) implements Redelivery {
    }

    /** Nothing to send to: the task names no hook and there is no global one. */
    record NoHook(String reason) implements Redelivery {
    }
}
