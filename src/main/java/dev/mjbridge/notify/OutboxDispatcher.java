package dev.mjbridge.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import dev.mjbridge.discord.Backoff;

/**
 * Delivers the outbox's rows, in a cluster: claims due rows for this instance, posts each (the same
 * attempt as a single instance's, {@link HookPost}), then marks it delivered or schedules its retry by
 * the same rules ({@code mj.notify.attempts}, the retry backoff). Any instance delivers any task's rows,
 * so a delivery outlives the instance that made it or was making it: a claim of a dead instance expires
 * and another instance's next claim takes the row.
 *
 * <p>Claims run every {@link #POLL} and on {@link #wake()} (a row just written, a row just finished
 * whose task has a next one). Posts run without holding a thread; the claims, the DNS re-check of a
 * client's hook and the writes of the outcome run on two worker threads.
 */
final class OutboxDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** How often an idle instance looks for due rows (a retry that came due, a row of a dead instance). */
    static final Duration POLL = Duration.ofMillis(500);
    /** Rows being posted at once by one instance, at most. */
    static final int MAX_IN_FLIGHT = 32;
    /** Finished rows are kept this long for the delivery log, then deleted. */
    static final Duration KEEP_FINISHED = Duration.ofDays(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    /** How long a shutdown waits for the posts under way, so that their outcomes are written, not repeated. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final OutboxStore store;
    private final String claimer;
    private final Duration claimTtl;
    private final long startWindowNanos;
    private final NotifyProperties properties;
    private final Backoff delays;
    private final HookPost post;
    private final DeliveryMeters meters;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Notified when the last post under way ends. */
    private final Object idle = new Object();
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    /** Logs a failing database once per outage, not once per poll. */
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile boolean closed;

    OutboxDispatcher(OutboxStore store, OutboxMember member, NotifyProperties properties, NotifyHookPolicy policy,
                     DeliveryMeters meters, ScheduledExecutorService timer, ExecutorService worker, Clock clock) {
        this.store = store;
        this.claimer = member.instanceId();
        this.claimTtl = member.claimTtl(properties);
        this.startWindowNanos = member.startWindow().toNanos();
        this.properties = properties;
        this.delays = properties.retryBackoff();
        this.post = new HookPost(properties, policy, timer);
        this.meters = meters;
        this.timer = timer;
        this.worker = worker;
        this.clock = clock;
    }

    /** Starts the polls. */
    void start() {
        timer.scheduleWithFixedDelay(this::wake, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> runOnWorker(this::prune), PRUNE_EVERY.toMillis(), PRUNE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Claims due rows now rather than at the next poll; returns at once. At most one round waits. */
    void wake() {
        if (closed || !roundQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::round);
        } catch (RejectedExecutionException e) {
            roundQueued.set(false);
        }
    }

    /** Rows being posted by this instance now (and a claim under way); for tests. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops claiming, lets the posts under way end (for {@link #CLOSE_GRACE} at most) and writes their
     * outcomes, then gives back what this instance still holds.
     */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        synchronized (idle) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        timer.shutdownNow();
        worker.shutdownNow();
        try {
            // The others take these at once instead of after the claims' expiry. A post of one of them
            // may still be under way (past the grace): its receiver may then get it twice (the same
            // X-Mj-Delivery).
            int released = store.releaseAll(claimer);
            if (released > 0) {
                log.info("webhook outbox: gave back {} claimed deliveries on shutdown", released);
            }
        } catch (DataAccessException e) {
            log.warn("webhook outbox: could not give back this instance's claims ({}); they expire in {}",
                    OutboxErrors.describe(e), claimTtl);
        }
    }

    private void round() {
        roundQueued.set(false);
        // The round counts as under way too: a dispatcher closing meanwhile waits for its claim, and gives
        // back what it took, instead of releasing first and leaving a claim made just after.
        inFlight.incrementAndGet();
        try {
            int room = MAX_IN_FLIGHT - (inFlight.get() - 1);
            if (closed || room <= 0) {
                return;
            }
            List<OutboxRow> rows;
            try {
                rows = store.claim(claimer, claimTtl, room);
            } catch (DataAccessException e) {
                if (failing.compareAndSet(false, true)) {
                    log.warn("webhook outbox: cannot claim deliveries ({}); trying again every {} ms",
                            OutboxErrors.describe(e), POLL.toMillis());
                }
                return;
            }
            if (failing.compareAndSet(true, false)) {
                log.info("webhook outbox: claims work again");
            }
            long claimedAt = System.nanoTime();
            for (OutboxRow row : rows) {
                inFlight.incrementAndGet();
                attempt(row, claimedAt);
            }
        } finally {
            done();
        }
    }

    private void attempt(OutboxRow row, long claimedAt) {
        if (System.nanoTime() - claimedAt > startWindowNanos) {
            // Held up (a pause, a stuck worker) until the claim may soon pass to another instance.
            ended(() -> store.unclaim(row.id(), claimer), false);
            return;
        }
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        try {
            post.post(row.target(), row.deliveryId(), row.body().getBytes(StandardCharsets.UTF_8), start)
                    .thenAcceptAsync(posted -> finished(row, posted, start, startNanos), worker)
                    .exceptionally(e -> {
                        if (e.getCause() instanceof RejectedExecutionException) {
                            // The worker pool is gone: shutting down; the claim is given back by close().
                            done();
                        } else {
                            log.error("webhook delivery of {} failed unexpectedly", row.describe(), e);
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            // Whatever went wrong, the row must not stay claimed (and its task's next states wait) until expiry.
            log.error("webhook delivery of {} failed unexpectedly", row.describe(), e);
            ended(() -> store.unclaim(row.id(), claimer), false);
        }
    }

    private void finished(OutboxRow row, HookPost.Posted posted, Instant start, long startNanos) {
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        DeliveryResult result = posted.result();
        int failures = row.attempts() + 1;
        DeliveryOutcome outcome = result.delivered() ? DeliveryOutcome.SENT
                : !posted.retryable() || failures >= properties.attempts() ? DeliveryOutcome.GAVE_UP
                : DeliveryOutcome.RETRYING;
        meters.count(outcome);
        OutboxStore.AttemptRecord attempt = new OutboxStore.AttemptRecord(start.toEpochMilli(), result, durationMs,
                outcome);
        switch (outcome) {
            case SENT -> {
                log.debug("webhook {} got {}", row.target(), row.describe());
                ended(() -> ownedOrSay(row, store.finish(row, claimer, OutboxStore.DELIVERED, attempt)), true);
            }
            case GAVE_UP -> {
                log.warn("webhook {} gave up on {} after {} attempts: {}", row.target(), row.describe(), failures,
                        result.problem());
                ended(() -> ownedOrSay(row, store.finish(row, claimer, OutboxStore.GAVE_UP, attempt)), true);
            }
            case RETRYING -> {
                Duration wait = delays.delay(failures - 1);
                log.info("webhook {} failed for {} ({}); attempt {} of {} in {} ms", row.target(), row.describe(),
                        result.problem(), failures + 1, properties.attempts(), wait.toMillis());
                ended(() -> ownedOrSay(row, store.retryLater(row, claimer, failures, wait, attempt)), false);
            }
        }
    }

    private void ownedOrSay(OutboxRow row, boolean own) {
        if (!own) {
            log.warn("webhook outbox: the claim of {} expired before its outcome was written; another instance "
                    + "may post it again", row.describe());
        }
    }

    /** Writes a row's outcome; with {@code next}, the task's next row is claimable now: look at once. */
    private void ended(Runnable write, boolean next) {
        try {
            write.run();
        } catch (DataAccessException | TransactionException e) {
            // The row stays claimed until its claim expires; then it is tried again (by any instance).
            log.warn("webhook outbox: cannot write a delivery's outcome ({}); it is tried again after its claim "
                    + "expires", OutboxErrors.describe(e));
        } finally {
            done();
        }
        if (next) {
            wake();
        }
    }

    /** One post fewer under way; tells a closing dispatcher waiting for the last one. */
    private void done() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private void runOnWorker(Runnable job) {
        try {
            worker.execute(job);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void prune() {
        try {
            int deleted = store.prune(KEEP_FINISHED);
            if (deleted > 0) {
                log.debug("webhook outbox: deleted {} deliveries finished over {} ago", deleted, KEEP_FINISHED);
            }
        } catch (DataAccessException | TransactionException e) {
            log.debug("webhook outbox: prune failed ({}); next time", OutboxErrors.describe(e));
        }
    }
}
