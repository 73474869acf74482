package dev.mjbridge.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.task.LeaseStamp;
import dev.mjbridge.task.Task;

/**
 * Writes the states this instance makes to the outbox, on a thread of its own ({@code mj-outbox-writer}):
 * the task engine's event path only queues, as it does for a single instance's deliveries. States are
 * written in the order offered, in batches, each batch in one transaction; a failed batch is tried again,
 * whole and in order, after a backoff. After each batch the dispatcher is woken, so the instance that
 * made a change also makes its first attempt.
 *
 * <p>The queue is bounded ({@code mj.notify.max-queued}): while the database does not answer, states
 * beyond it are dropped (and counted as given up), as an in-memory queue drops them when full.
 */
final class OutboxWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);
    private static final int BATCH = 200;
    private static final Duration FINAL_FLUSH = Duration.ofSeconds(5);

    /** A state to write, and whether it is a change made here (or a state sent again on request). */
    private record Offered(Delivery delivery, boolean change) {
    }

    private final OutboxStore store;
    private final ObjectMapper mapper;
    private final DeliveryMeters meters;
    private final Runnable written;
    private final BlockingQueue<Offered> queue;
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    /** @param written run after each batch is in the database (wakes the dispatcher) */
    OutboxWriter(OutboxStore store, ObjectMapper mapper, int capacity, DeliveryMeters meters, Runnable written) {
        this.store = store;
        this.mapper = mapper;
        this.meters = meters;
        this.written = written;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "mj-outbox-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues a state. A {@code change} is not written if its task's account moved on since (the fence)
     * or if the task's last row already says the same (as {@link ChangeFilter} does in memory, but for
     * the whole cluster: an instance taking a task up may report the state the previous one posted).
     */
    void offer(Delivery delivery, boolean change) {
        if (!queue.offer(new Offered(delivery, change))) {
            meters.count(DeliveryOutcome.GAVE_UP);
            log.warn("webhook outbox: {} states wait for the database already; dropping {}", queue.size(),
                    delivery.describe());
        }
    }

    int queued() {
        return queue.size();
    }

    /** Writes what is queued (for a few seconds at most), then stops. */
    @Override
    public void close() {
        closing.countDown();
        thread.interrupt();
        try {
            thread.join(FINAL_FLUSH.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            log.warn("webhook outbox: {} states not written at shutdown", queue.size());
        }
    }

    private void run() {
        List<Offered> batch = new ArrayList<>();
        while (closing.getCount() > 0 || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Offered first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
            } catch (InterruptedException e) {
                // closing: write what is queued, then stop
                queue.drainTo(batch, BATCH);
                if (batch.isEmpty()) {
                    return;
                }
            }
            if (!writeWithRetries(entries(batch))) {
                return;
            }
            batch.clear();
        }
    }

    /** False when it gave up because the writer is closing. */
    private boolean writeWithRetries(List<OutboxEntry> entries) {
        for (int failure = 0; ; failure++) {
            try {
                int added = entries.isEmpty() ? 0 : store.append(entries);
                if (added < entries.size()) {
                    log.debug("webhook outbox: {} states of tasks now followed elsewhere left out",
                            entries.size() - added);
                }
                written.run();
                return true;
            } catch (DataAccessException | TransactionException e) {
                if (refusedForGood(e)) {
                    return writeAlone(entries, (DataIntegrityViolationException) e);
                }
                if (closing.getCount() == 0) {
                    log.warn("webhook outbox: {} states not written at shutdown ({})", entries.size(),
                            OutboxErrors.describe(e));
                    return false;
                }
                Duration wait = backoff.delay(failure);
                if (failure == 0) {
                    log.warn("webhook outbox: cannot write {} states ({}); trying again", entries.size(),
                            OutboxErrors.describe(e));
                }
                try {
                    if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                        // closing: one last try right away
                        failure = -1;
                    }
                } catch (InterruptedException interrupted) {
                    failure = -1;
                }
            }
        }
    }

    /**
     * A state the database will never take (a value it refuses) must not hold up the others behind it
     * forever: the batch is written one state at a time, and the refused one is dropped. A collision on
     * a task's {@code seq} (another instance added to the task at the same moment) is not such a refusal.
     */
    private static boolean refusedForGood(RuntimeException e) {
        return e instanceof DataIntegrityViolationException && !(e instanceof DuplicateKeyException);
    }

    private boolean writeAlone(List<OutboxEntry> entries, DataIntegrityViolationException refusal) {
        if (entries.size() == 1) {
            OutboxEntry entry = entries.get(0);
            meters.count(DeliveryOutcome.GAVE_UP);
            log.error("webhook outbox: the database refuses task {} {} {} ({}); not delivered", entry.taskId(),
                    entry.status(), entry.progress(), OutboxErrors.describe(refusal));
            return true;
        }
        for (OutboxEntry entry : entries) {
            if (!writeWithRetries(List.of(entry))) {
                return false;
            }
        }
        return true;
    }

    private List<OutboxEntry> entries(List<Offered> batch) {
        List<OutboxEntry> entries = new ArrayList<>(batch.size());
        for (Offered offered : batch) {
            Delivery delivery = offered.delivery();
            Task task = delivery.task();
            String body;
            try {
                body = new String(mapper.writeValueAsBytes(task), StandardCharsets.UTF_8);
            } catch (JacksonException e) {
                log.error("cannot serialize {} for its webhook", delivery.describe(), e);
                meters.count(DeliveryOutcome.GAVE_UP);
                continue;
            }
            LeaseStamp lease = task.internal().lease();
            entries.add(new OutboxEntry(task.id(), delivery.id(), delivery.target(), task.status(), task.progress(),
                    body, task.accountId(), lease == null ? null : lease.epoch(), offered.change()));
        }
        return entries;
    }
}
