package dev.mjbridge.notify;

import dev.mjbridge.discord.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs deliveries: one at a time per task, in the order offered, so a task's states never
 * overtake each other; different tasks proceed in parallel. A failed delivery is retried
 * after a backoff before the task's next state is sent. Nothing here blocks a thread while
 * waiting: the HTTP call is asynchronous and retries are timers. The only blocking step,
 * the DNS lookup of a per-request hook's re-check, runs on a small worker pool.
 */
final class DeliveryDispatcher implements DeliveryRoute {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final NotifyProperties properties;
    private final ObjectMapper mapper;
    private final HookPost post;
    private final Backoff delays;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;
    private final Map<String, TaskLine> lines = new ConcurrentHashMap<>();
    private final DeliveryLog deliveryLog = new DeliveryLog();
    private final Clock clock;
    private final DeliveryMeters meters;
    /** Undelivered states over all tasks (not counting those being sent). */
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closed;

    DeliveryDispatcher(NotifyProperties properties, NotifyHookPolicy policy, ObjectMapper mapper,
                       ScheduledExecutorService timer, ExecutorService worker) {
        this(properties, policy, mapper, timer, worker, Clock.systemUTC(), DeliveryMeters.none());
    }

    DeliveryDispatcher(NotifyProperties properties, NotifyHookPolicy policy, ObjectMapper mapper,
                       ScheduledExecutorService timer, ExecutorService worker, Clock clock, DeliveryMeters meters) {
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
        this.mapper = mapper;
        this.timer = timer;
        this.worker = worker;
        this.post = new HookPost(properties, policy, timer);
        this.delays = properties.retryBackoff();
    }

    /** Queues a state behind the task's earlier ones; returns at once. */
    @Override
    public void offer(Delivery delivery) {
        String taskId = delivery.task().id();
        while (true) {
            TaskLine line = lines.computeIfAbsent(taskId, TaskLine::new);
            Delivery start;
            synchronized (line) {
                if (line.retired) {
                    continue; // lost a race with the line's retirement; take the fresh one
                }
                int before = line.pending.size();
                line.pending.add(delivery, queued.get() >= properties.maxQueued());
                queued.addAndGet(line.pending.size() - before);
                if (line.busy) {
                    return;
                }
                line.busy = true;
                start = takeNext(line).orElseThrow();
            }
            attempt(line, start);
            return;
        }
    }

    /** The task's last delivery attempts, oldest first. */
    @Override
    public List<DeliveryAttempt> attempts(String taskId) {
        return deliveryLog.attempts(taskId);
    }

    /** Undelivered states over all tasks; for tests and metrics. */
    @Override
    public int queued() {
        return queued.get();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        worker.shutdownNow();
    }

    private void attempt(TaskLine line, Delivery delivery) {
        try {
            worker.execute(() -> send(line, delivery));
        } catch (RejectedExecutionException e) {
            log.debug("notifier stopped; {} not delivered", delivery.describe());
        }
    }

    private void send(TaskLine line, Delivery delivery) {
        try {
            sendChecked(line, delivery);
        } catch (RuntimeException e) {
            // Whatever went wrong, the task's later states must not wait behind this one forever.
            log.error("webhook delivery of {} failed unexpectedly", delivery.describe(), e);
            next(line);
        }
    }

    private void sendChecked(TaskLine line, Delivery delivery) {
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(delivery.task());
        } catch (JacksonException e) {
            log.error("cannot serialize {} for its webhook", delivery.describe(), e);
            record(delivery, DeliveryResult.failed("cannot serialize the task"), start, startNanos,
                    DeliveryOutcome.GAVE_UP);
            next(line);
            return;
        }
        post.post(delivery.target(), delivery.id(), json, start).thenAccept(posted -> {
            if (posted.retryable()) {
                finished(line, delivery, posted.result(), start, startNanos);
                return;
            }
            log.warn("webhook {} for task {} is not a URL; not delivered", delivery.target(), line.taskId);
            record(delivery, posted.result(), start, startNanos, DeliveryOutcome.GAVE_UP);
            next(line);
        });
    }

    private void record(Delivery delivery, DeliveryResult result, Instant start, long startNanos,
                        DeliveryOutcome outcome) {
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        meters.count(outcome);
        deliveryLog.record(delivery.task().id(), new DeliveryAttempt(delivery.id(), delivery.task().status(),
                delivery.task().progress(), delivery.target().toString(), start.toEpochMilli(), result.status(),
                result.problem(), durationMs, outcome));
    }

    private void finished(TaskLine line, Delivery delivery, DeliveryResult result, Instant start, long startNanos) {
        if (closed) {
            return; // shutting down: what failed now failed because of it
        }
        if (result.delivered()) {
            log.debug("webhook {} got {}", delivery.target(), delivery.describe());
            record(delivery, result, start, startNanos, DeliveryOutcome.SENT);
            next(line);
            return;
        }
        Delivery failed = delivery.failedOnce();
        boolean last = failed.failures() >= properties.attempts();
        record(delivery, result, start, startNanos, last ? DeliveryOutcome.GAVE_UP : DeliveryOutcome.RETRYING);
        if (last) {
            log.warn("webhook {} gave up on {} after {} attempts: {}", delivery.target(), delivery.describe(),
                    failed.failures(), result.problem());
            next(line);
            return;
        }
        Duration wait = delays.delay(failed.failures() - 1);
        log.info("webhook {} failed for {} ({}); attempt {} of {} in {} ms", delivery.target(), delivery.describe(),
                result.problem(), failed.failures() + 1, properties.attempts(), wait.toMillis());
        try {
            timer.schedule(() -> retry(line, failed), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("notifier stopped; {} not retried", delivery.describe());
        }
    }

    private void retry(TaskLine line, Delivery failed) {
        Delivery current;
        synchronized (line) {
            int before = line.pending.size();
            current = line.pending.supersede(failed);
            queued.addAndGet(line.pending.size() - before);
        }
        attempt(line, current);
    }

    private void next(TaskLine line) {
        Optional<Delivery> next;
        synchronized (line) {
            next = takeNext(line);
            if (next.isEmpty()) {
                // Idle lines are dropped so that memory follows the tasks in flight.
                line.busy = false;
                line.retired = true;
                lines.remove(line.taskId, line);
                return;
            }
        }
        attempt(line, next.get());
    }

    /** Caller holds the line's lock. */
    private Optional<Delivery> takeNext(TaskLine line) {
        Optional<Delivery> next = line.pending.poll();
        next.ifPresent(d -> queued.decrementAndGet());
        return next;
    }

    /** One task's queue and whether a delivery of it is under way; guarded by its own monitor. */
    private final class TaskLine {
        final String taskId;
        final PendingDeliveries pending = new PendingDeliveries(properties.maxQueuedPerTask());
        boolean busy;
        /** Removed from the map; an offer that still holds it must create a new line. */
        boolean retired;

        TaskLine(String taskId) {
            this.taskId = taskId;
        }
    }
}
