package dev.mjbridge.cluster;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.account.AccountPool;

/**
 * Hands this instance's accounts over to the others before it stops: on shutdown (the context
 * closing: SIGTERM, {@code docker stop}) and on {@code POST /mj/cluster/drain}.
 * <ol>
 *   <li>readiness turns DOWN, and the registry shows the instance draining, so the others leave it
 *       out of the shares and aim at its accounts;</li>
 *   <li>every held account leaves as a given-up one does: no new work, no new claim, its queued
 *       tasks stay with it in the database for its next owner;</li>
 *   <li>each lease is released as soon as its account's running jobs ended and it disconnected, so
 *       another instance claims it in its next round;</li>
 *   <li>at {@code mj.cluster.drain-timeout} the sessions still running jobs are stopped and their
 *       leases released at once: their jobs are followed to the end by the next owner.</li>
 * </ol>
 * Runs once: a second call (the close that follows a POST drain) waits for the first.
 */
public final class ClusterDrain {

    private static final Logger log = LoggerFactory.getLogger(ClusterDrain.class);
    static final String CUT_SHORT = "this instance drained and its drain timeout passed: another instance follows "
            + "its running jobs";
    /** How often the drain looks for accounts whose jobs ended: a lease is released within this. */
    private static final long LOOK_EVERY_MILLIS = 100;

    /** What a drain did: the accounts it held, and those it had to stop with jobs still running. */
    public record Outcome(Set<String> handedOver, Set<String> cutShort) {
    }

    private final LeaseKeeper keeper;
    private final AccountPool pool;
    private final Duration timeout;
    private final Runnable refuseTraffic;
    private CompletableFuture<Outcome> outcome;

    /**
     * @param refuseTraffic turns readiness DOWN (a load balancer sends the instance nothing new)
     */
    ClusterDrain(LeaseKeeper keeper, AccountPool pool, Duration timeout, Runnable refuseTraffic) {
        this.keeper = keeper;
        this.pool = pool;
        this.timeout = timeout;
        this.refuseTraffic = refuseTraffic;
    }

    /** {@code mj.cluster.drain-timeout}. */
    public Duration timeout() {
        return timeout;
    }

    /** Starts the drain on a thread of its own (once); the future completes when every lease is released. */
    public synchronized CompletableFuture<Outcome> start() {
        if (outcome == null) {
            CompletableFuture<Outcome> result = new CompletableFuture<>();
            outcome = result;
            Thread thread = new Thread(() -> {
                try {
                    result.complete(run());
                } catch (RuntimeException e) {
                    log.error("cluster: the drain failed; the leases left are released as the instance leaves", e);
                    result.completeExceptionally(e);
                }
            }, "mj-cluster-drain");
            thread.setDaemon(true);
            thread.start();
        }
        return outcome;
    }

    /** True once a drain began. */
    public synchronized boolean started() {
        return outcome != null;
    }

    /**
     * Drains and waits for the end, at most the drain timeout and a little more (the close of the
     * context: it must not hang on a database that does not answer).
     */
    public void drainAndWait() {
        try {
            start().get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("cluster: the drain did not end cleanly ({}); the instance leaves anyway", e.toString());
        }
    }

    private Outcome run() {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> held = new LinkedHashSet<>(keeper.held());
        log.info("cluster: draining: accounts {} take no new work; their running jobs have {} to end", held, timeout);
        keeper.startDraining();
        refuseTraffic.run();
        boolean failing = false;
        while (true) {
            try {
                keeper.leaveEverything();
                keeper.releaseEnded();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("cluster: draining: releasing an account failed ({}); trying again", e.getMessage());
                }
                failing = true;
            }
            if (keeper.held().isEmpty() || System.nanoTime() - deadline >= 0) {
                break;
            }
            try {
                Thread.sleep(Math.min(LOOK_EVERY_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Set<String> cut = Set.of();
        try {
            cut = keeper.stopAndReleaseAll(CUT_SHORT);
        } catch (RuntimeException e) {
            log.warn("cluster: draining: could not release every lease ({}); they are released as the instance "
                    + "leaves, or expire", e.getMessage());
        }
        if (cut.isEmpty()) {
            log.info("cluster: drained: every account ended its jobs and was released ({})", held);
        } else {
            log.warn("cluster: drained: accounts {} stopped with jobs running at the drain timeout ({}); their next "
                    + "owner follows them", cut, timeout);
        }
        return new Outcome(Set.copyOf(held), Set.copyOf(cut));
    }
}
