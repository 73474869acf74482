package dev.mjbridge.notify;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.ObjectMapper;

/**
 * Webhooks of an instance of a cluster: the states it makes go to the database's outbox
 * ({@link OutboxWriter}), and its {@link OutboxDispatcher} delivers due rows of every instance. The
 * delivery log is the outbox's attempts, so any instance shows a task's attempts, whoever made them.
 */
final class ClusterDeliveries implements DeliveryRoute {

    private static final Logger log = LoggerFactory.getLogger(ClusterDeliveries.class);

    private final OutboxStore store;
    private final OutboxWriter writer;
    private final OutboxDispatcher dispatcher;

    ClusterDeliveries(OutboxStore store, OutboxMember member, NotifyProperties properties, NotifyHookPolicy policy,
                      ObjectMapper mapper, DeliveryMeters meters) {
        this.store = store;
        this.dispatcher = new OutboxDispatcher(store, member, properties, policy, meters,
                Executors.newSingleThreadScheduledExecutor(Threads.daemon("mj-outbox-timer")),
                Executors.newFixedThreadPool(2, Threads.daemon("mj-outbox-worker")), Clock.systemUTC());
        this.writer = new OutboxWriter(store, mapper, properties.maxQueued(), meters, dispatcher::wake);
        writer.start();
        dispatcher.start();
    }

    @Override
    public void offer(Delivery delivery) {
        writer.offer(delivery, true);
    }

    /** Not fenced: the operator asked for the version this instance reads, wherever the task is followed now. */
    @Override
    public void offerAgain(Delivery delivery) {
        writer.offer(delivery, false);
    }

    @Override
    public List<DeliveryAttempt> attempts(String taskId) {
        try {
            return store.attempts(taskId, DeliveryLog.PER_TASK);
        } catch (DataAccessException e) {
            log.warn("webhook outbox: cannot read the attempts of task {} ({})", taskId,
                    OutboxErrors.describe(e));
            return List.of();
        }
    }

    @Override
    public int queued() {
        return writer.queued();
    }

    @Override
    public void wake() {
        dispatcher.wake();
    }

    /** Writes what is queued first, then stops delivering and gives back this instance's claims. */
    @Override
    public void close() {
        writer.close();
        dispatcher.close();
    }
}
