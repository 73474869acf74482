package dev.mjbridge.notify;

import dev.mjbridge.config.MjProperties;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Posts a task's JSON (what {@code GET /mj/task/{id}/fetch} returns) to its webhook each
 * time its status or progress changes: the task's own {@code notifyHook}, else the global
 * {@code mj.notify-hook}, else nowhere. Runs on the task engine's event path, so it only
 * queues; {@link DeliveryDispatcher} does the sending, in order per task, with retries. In a cluster
 * the states go to the database's outbox instead ({@link ClusterDeliveries}), from which every
 * instance delivers them with the same guarantees, so a delivery outlives its instance.
 */
@Component
public final class WebhookNotifier implements TaskListener, AutoCloseable {

    private final String globalHook;
    private final ChangeFilter changes = new ChangeFilter();
    private final DeliveryRoute route;

    public WebhookNotifier(NotifyProperties properties, MjProperties mj, ObjectMapper mapper, NotifyHookPolicy policy) {
        this(properties, mj.notifyHook(), mapper, policy);
    }

    /**
     * Counts its deliveries ({@link DeliveryMeters}) and shows its queue as {@code mj.webhook.queued}. In a
     * cluster (an {@link OutboxStore} exists only then) the states go through the database's outbox.
     */
    @Autowired
    public WebhookNotifier(NotifyProperties properties, MjProperties mj, ObjectMapper mapper, NotifyHookPolicy policy,
                           ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<OutboxStore> outbox,
                           ObjectProvider<OutboxMember> member) {
        this(properties, mj.notifyHook(), mapper, policy, meterRegistry.getIfAvailable(CompositeMeterRegistry::new),
                outbox.getIfAvailable(), member.getIfAvailable());
    }

    WebhookNotifier(NotifyProperties properties, String globalHook, ObjectMapper mapper, NotifyHookPolicy policy) {
        this(properties, globalHook, mapper, policy, new CompositeMeterRegistry(), null, null);
    }

    /** Delivering through the outbox {@code store} as {@code member} of a cluster (or from memory without them). */
    WebhookNotifier(NotifyProperties properties, String globalHook, ObjectMapper mapper, NotifyHookPolicy policy,
                    MeterRegistry registry, OutboxStore outbox, OutboxMember member) {
        this.globalHook = globalHook == null || globalHook.isBlank() ? null : globalHook.trim();
        DeliveryMeters meters = new DeliveryMeters(registry);
        if (outbox == null) {
            this.route = new DeliveryDispatcher(properties, policy, mapper,
                    Executors.newSingleThreadScheduledExecutor(Threads.daemon("mj-notify-timer")),
                    // Two threads: they only re-check per-request hooks (a DNS lookup) and serialize.
                    Executors.newFixedThreadPool(2, Threads.daemon("mj-notify-worker")), Clock.systemUTC(), meters);
        } else {
            if (member == null) {
                throw new IllegalStateException("the webhook outbox needs this instance's name in the cluster");
            }
            this.route = new ClusterDeliveries(outbox, member, properties, policy, mapper, meters);
        }
        Gauge.builder("mj.webhook.queued", route, DeliveryRoute::queued)
                .description("Task states waiting for their webhook delivery").register(registry);
    }

    @Override
    public void onTaskChanged(Task task) {
        HookTarget target = targetOf(task);
        if (target != null && changes.isNews(task)) {
            route.offer(Delivery.first(task, target));
        }
    }

    /** The task's last delivery attempts, oldest first (bounded: see {@link DeliveryLog}). */
    public List<DeliveryAttempt> deliveries(String taskId) {
        return route.attempts(taskId);
    }

    /**
     * Sends the task's state again as a new delivery, whether or not it changed since the last
     * one: for a receiver that lost it. A client's own hook is checked as on every delivery.
     */
    public Redelivery redeliver(Task task) {
        HookTarget target = targetOf(task);
        if (target == null) {
            return new Redelivery.NoHook("task " + task.id() + " has no notifyHook and mj.notify-hook is not set");
        }
        Delivery delivery = Delivery.first(task, target);
        route.offerAgain(delivery);
        return new Redelivery.Queued(delivery.id());
    }

    /**
     * In a cluster, looks for deliveries due now instead of at the next poll (for a signal that another
     * instance wrote one, such as a LISTEN/NOTIFY); nothing to do on a single instance.
     */
    public void wake() {
        route.wake();
    }

    /** Undelivered task states; for tests and metrics. */
    int queued() {
        return route.queued();
    }

    @Override
    public void close() {
        route.close();
    }

    private HookTarget targetOf(Task task) {
        String own = task.internal().notifyHook();
        if (own != null && !own.isBlank()) {
            return HookTarget.perRequest(own);
        }
        return globalHook == null ? null : HookTarget.global(globalHook);
    }
}
