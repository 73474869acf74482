package dev.mjbridge.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The undelivered states of one task, oldest first (the one being sent is not in here).
 * Not thread-safe: its owner holds the task's lock.
 *
 * <p>Memory is bounded by coalescing progress: a state may be dropped only when a newer
 * state with the same status follows it, because that newer state tells the receiver
 * everything the old one did. So status changes survive, and since states are kept in
 * order, the final state stays last.
 */
final class PendingDeliveries {

    private static final Logger log = LoggerFactory.getLogger(PendingDeliveries.class);

    private final List<Delivery> queue = new ArrayList<>();
    private final int capacity;

    PendingDeliveries(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues a newer state. With {@code squeeze} (the notifier as a whole holds too much) a
     * progress step replaces the queued state it supersedes right away instead of queuing
     * behind it.
     */
    void add(Delivery delivery, boolean squeeze) {
        if (squeeze && !queue.isEmpty() && queue.get(queue.size() - 1).sameStatusAs(delivery)) {
            Delivery dropped = queue.set(queue.size() - 1, delivery);
            log.info("webhook queues full: dropping intermediate progress {} in favour of {}",
                    dropped.describe(), delivery.task().progress());
            return;
        }
        queue.add(delivery);
        if (queue.size() > capacity) {
            makeRoom();
        }
    }

    Optional<Delivery> poll() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.remove(0));
    }

    int size() {
        return queue.size();
    }

    /**
     * While {@code waiting} waits for a retry: when newer states with the same status are
     * queued, the newest of them takes its place (no use retrying stale progress), keeping
     * the count of failures so a dead receiver is not retried forever.
     */
    Delivery supersede(Delivery waiting) {
        Delivery current = waiting;
        while (!queue.isEmpty() && !current.isFinal() && queue.get(0).sameStatusAs(current)) {
            current = current.replacedBy(queue.remove(0));
        }
        return current;
    }

    private void makeRoom() {
        for (int i = 0; i + 1 < queue.size(); i++) {
            if (queue.get(i).sameStatusAs(queue.get(i + 1))) {
                Delivery dropped = queue.remove(i);
                log.info("webhook queue for task {} full: dropping intermediate progress {}",
                        dropped.task().id(), dropped.task().progress());
                return;
            }
        }
        // Only status changes are queued, which the state machine keeps to a handful per
        // task; reaching here means a pathological task, and memory wins over completeness.
        for (int i = 0; i < queue.size(); i++) {
            if (!queue.get(i).isFinal()) {
                Delivery dropped = queue.remove(i);
                log.warn("webhook queue for task {} full of status changes: dropping {}",
                        dropped.task().id(), dropped.describe());
                return;
            }
        }
    }
}
