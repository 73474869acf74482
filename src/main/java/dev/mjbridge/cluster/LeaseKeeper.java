package dev.mjbridge.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.task.LeaseStamp;

/**
 * Holds this instance's share of the accounts: registers the instance, claims and renews leases
 * every {@code renew-interval} on a thread of its own, gives an account up gradually when it holds
 * more than its share ({@link SharePlan}), and tells the pool which accounts to connect.
 * <p>
 * A second thread, the watchdog, does one thing: stops the session of every account whose local
 * deadline passed ({@link LocalLeases}). It never touches the database, so a database that hangs
 * the renewal thread cannot keep a session up past its lease.
 */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    static final String LOST = "its cluster lease was not renewed in time (another instance may take it)";
    static final String STOPPING = "this instance is shutting down (its lease is released)";

    private final ClusterProperties properties;
    private final LeaseStore store;
    private final AccountPool pool;
    private final String address;
    private final LocalLeases leases;
    private final IntConsumer idSlots;
    private volatile Integer port;
    private volatile boolean aloneAtStart;
    private volatile boolean silent;
    private volatile boolean closed;
    private volatile Set<String> elsewhere = Set.of();
    /** Set by {@link ClusterDrain}: every held account is on its way out, and nothing is claimed any more. */
    private volatile boolean draining;
    /**
     * A leaving account (given up, or draining) is released only once this says its tasks are over here and
     * written, the ones it gave back to the cluster's queue included.
     */
    private volatile Predicate<String> settled = id -> true;
    private boolean failing;
    private long rounds;
    private ScheduledExecutorService renewals;
    private ScheduledExecutorService watchdog;

    /**
     * @param idSlots told the task id slot this instance holds, at start and whenever it had to take a new
     *                one (it was taken for dead and registered again)
     */
    LeaseKeeper(ClusterProperties properties, LeaseStore store, AccountPool pool, String address, IntConsumer idSlots) {
        this.idSlots = idSlots;
        this.properties = properties;
        this.store = store;
        this.pool = pool;
        this.address = address;
        this.leases = new LocalLeases(System::nanoTime,
                properties.leaseTtl().minus(properties.safetyMargin()).toNanos());
    }

    /**
     * Joins the cluster before the accounts are built: registers, claims a first share (the pool
     * builds only those), then renews on its own thread.
     */
    void start() {
        pool.connectOnly(leases::connectable);
        registerWithIdSlot();
        aloneAtStart = store.liveInstances(properties.leaseTtl()).stream()
                .noneMatch(i -> !i.id().equals(properties.instanceId()));
        log.info("cluster: instance {} joined ({}), lease ttl {}, renewed every {}", properties.instanceId(),
                aloneAtStart ? "alone: it takes up the unfinished tasks" : "others are live", properties.leaseTtl(),
                properties.renewInterval());
        watchdog = Executors.newSingleThreadScheduledExecutor(daemon("mj-cluster-watchdog"));
        long check = Math.max(20, Math.min(250, properties.safetyMargin().toMillis() / 10));
        watchdog.scheduleWithFixedDelay(this::enforceDeadlines, check, check, TimeUnit.MILLISECONDS);
        round();
        renewals = Executors.newSingleThreadScheduledExecutor(daemon("mj-cluster-keeper"));
        long every = properties.renewInterval().toMillis();
        renewals.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void registerWithIdSlot() {
        store.register(properties.instanceId(), address, port);
        int slot = store.claimIdSlot(properties.instanceId(), properties.leaseTtl());
        idSlots.accept(slot);
        log.info("cluster: instance {} holds task id slot {}", properties.instanceId(), slot);
    }

    /** True when no other instance was live as this one joined: the unfinished tasks are its own. */
    boolean aloneAtStart() {
        return aloneAtStart;
    }

    /** The web server's port is known: the registry shows it. */
    void serving(int port) {
        this.port = port;
        try {
            store.register(properties.instanceId(), address, port);
        } catch (DataAccessException e) {
            log.warn("cluster: could not record this instance's port: {}", e.getMessage());
        }
    }

    public String instanceId() {
        return properties.instanceId();
    }

    /** What a task sent now from {@code accountId} is stamped with: this instance and the lease's epoch. */
    public Optional<LeaseStamp> stampFor(String accountId) {
        Long epoch = leases.epoch(accountId);
        return epoch == null ? Optional.empty() : Optional.of(new LeaseStamp(properties.instanceId(), epoch));
    }

    /** The accounts this instance holds a lease on now. */
    public Set<String> held() {
        return leases.held();
    }

    /**
     * Makes this instance behave as one that lost the database: no more renewals, heartbeats or
     * claims, and no release; the watchdog still stops each session at its deadline. For the tests
     * of an instance's death; there is no way back but a restart.
     */
    public void goSilent() {
        silent = true;
    }

    private void enforceDeadlines() {
        try {
            leases.dropExpired(this::stopNow);
        } catch (RuntimeException e) {
            log.error("cluster: stopping the sessions of lapsed leases failed", e);
        }
    }

    private void stopNow(Set<String> accounts) {
        log.warn("cluster: lease(s) of {} not renewed in time: stopping their sessions", accounts);
        pool.dropNow(accounts, LOST);
    }

    /** One renewal round; never throws (a failed round is retried by the next). */
    void round() {
        if (silent || closed) {
            return;
        }
        String me = properties.instanceId();
        try {
            long started = leases.now();
            if (!store.heartbeat(me)) {
                // Taken for dead meanwhile: a live instance may hold its old id slot by now.
                registerWithIdSlot();
            }
            Map<String, Long> epochs = leases.epochs();
            List<String> renewed = store.renew(me, epochs, properties.leaseTtl());
            leases.renewed(renewed, started);
            for (String id : renewed) {
                if (leases.epoch(id) == null) {
                    // The watchdog stopped it while the answer was on its way: the lease is of no use here.
                    store.release(id, me, epochs.get(id));
                }
            }
            Set<String> lost = new HashSet<>(epochs.keySet());
            lost.removeAll(renewed);
            if (!lost.isEmpty()) {
                lost.forEach(leases::forget);
                stopNow(lost);
            }
            finishLeaving(me);

            List<LeaseStore.Lease> rows = store.leases();
            Set<String> held = leases.held();
            Set<String> taken = rows.stream().filter(LeaseStore.Lease::valid)
                    .filter(l -> !(l.owner().equals(me) && held.contains(l.accountId())))
                    .map(LeaseStore.Lease::accountId).collect(Collectors.toSet());
            List<LeaseStore.Instance> liveInstances = store.liveInstances(properties.leaseTtl());
            // A draining instance takes no share: the others aim at its accounts as it releases them.
            Set<String> live = liveInstances.stream().filter(i -> !i.draining())
                    .map(LeaseStore.Instance::id).collect(Collectors.toSet());
            elsewhere = heldByOthers(me, rows, liveInstances);
            List<String> accounts = pool.configs().stream().map(AccountConfig::id).toList();
            Map<String, Integer> running = held.stream().collect(Collectors.toMap(id -> id,
                    id -> pool.find(id).map(a -> a.slots().running()).orElse(0)));
            // A draining instance claims and gives up nothing: ClusterDrain lets every account go.
            SharePlan.Plan plan = draining ? new SharePlan.Plan(List.of(), Optional.empty(), List.of())
                    : SharePlan.decide(new SharePlan.View(me, accounts, live, taken, held, leases.leaving(), running));

            for (String id : plan.claim()) {
                long claimStarted = leases.now();
                store.claim(id, me, properties.leaseTtl()).ifPresent(epoch -> {
                    if (leases.claimed(id, epoch, claimStarted)) {
                        log.info("cluster: claimed account {} (epoch {})", id, epoch);
                    }
                });
            }
            plan.giveUp().ifPresent(id -> {
                log.info("cluster: giving account {} up to even the shares (it ends its running jobs first)", id);
                leases.startLeaving(id);
            });
            plan.dropped().forEach(leases::startLeaving);
            pool.refreshHeld();
            if (++rounds % 20 == 0) {
                store.forgetSilent(properties.leaseTtl().multipliedBy(20));
            }
            if (failing) {
                log.info("cluster: the database answers again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("cluster: renewal round failed ({}); sessions stop at their leases' deadlines unless a "
                        + "later round renews them", e.getMessage());
            }
            failing = true;
        }
    }

    /**
     * The accounts other instances hold and take work with, as this round read them: for the task engine,
     * whether a task none of this instance's accounts can start may wait for one of theirs.
     */
    public Set<String> heldElsewhere() {
        return elsewhere;
    }

    private static Set<String> heldByOthers(String me, List<LeaseStore.Lease> rows, List<LeaseStore.Instance> live) {
        Set<String> working = live.stream().filter(i -> !i.draining() && !i.id().equals(me))
                .map(LeaseStore.Instance::id).collect(Collectors.toSet());
        return rows.stream().filter(LeaseStore.Lease::valid).filter(l -> working.contains(l.owner()))
                .map(LeaseStore.Lease::accountId).collect(Collectors.toUnmodifiableSet());
    }

    /** True once a drain began: no more claims, every held account leaving. */
    public boolean draining() {
        return draining;
    }

    /**
     * Begins a drain ({@link ClusterDrain}): shown as draining in the registry, no more claims, and every
     * held account leaves as a given-up one does (no new work, running jobs end, then disconnected).
     */
    void startDraining() {
        try {
            if (!silent) {
                store.markDraining(properties.instanceId());
            }
        } catch (DataAccessException e) {
            log.warn("cluster: could not mark this instance draining in the registry: {}", e.getMessage());
        }
        draining = true;
        leaveEverything();
    }

    /** Every held account starts leaving, one a round claimed as the drain began included. */
    void leaveEverything() {
        Set<String> leaving = leases.leaving();
        Set<String> joining = leases.held().stream().filter(id -> !leaving.contains(id)).collect(Collectors.toSet());
        if (!joining.isEmpty()) {
            joining.forEach(leases::startLeaving);
            pool.refreshHeld();
        }
    }

    /** A leaving account whose session ended is released only once {@code settled} says so. */
    void releaseOnlyWhen(Predicate<String> settled) {
        this.settled = settled;
    }

    /** Releases the leases of leaving accounts whose session has ended (a drain does not wait for a round). */
    void releaseEnded() {
        if (!silent && !closed) {
            finishLeaving(properties.instanceId());
        }
    }

    /**
     * Stops the sessions of every account still held, running jobs or not, and releases their leases
     * at once, so the others take them over now (the drain's bound passed).
     *
     * @return the accounts stopped
     */
    Set<String> stopAndReleaseAll(String reason) {
        Map<String, Long> epochs = leases.epochs();
        if (epochs.isEmpty()) {
            return Set.of();
        }
        epochs.keySet().forEach(leases::startLeaving);
        pool.dropNow(epochs.keySet(), reason);
        epochs.keySet().forEach(leases::forget);
        if (!silent) {
            epochs.forEach((id, epoch) -> store.release(id, properties.instanceId(), epoch));
        }
        return epochs.keySet();
    }

    /** Releases the leases of accounts given up whose session has ended. */
    private void finishLeaving(String me) {
        for (String id : leases.leaving()) {
            Long epoch = leases.epoch(id);
            if (epoch != null && !pool.hasSession(id) && settled.test(id)) {
                store.release(id, me, epoch);
                leases.forget(id);
                log.info("cluster: released account {}", id);
            }
        }
    }

    /** What the registry and the leases say now. */
    public ClusterOverview overview() {
        try {
            List<LeaseStore.Lease> rows = store.leases();
            Map<String, List<String>> heldBy = LeaseStore.heldBy(rows);
            List<ClusterOverview.InstanceRow> instances = store.liveInstances(properties.leaseTtl()).stream()
                    .map(i -> new ClusterOverview.InstanceRow(i.id(), i.address(), i.port(), i.startedAt().toString(),
                            i.heartbeatAt().toString(), i.heartbeatAgeMillis(), i.draining(),
                            heldBy.getOrDefault(i.id(), List.of())))
                    .toList();
            List<ClusterOverview.LeaseRow> leaseRows = rows.stream()
                    .map(l -> new ClusterOverview.LeaseRow(l.accountId(), l.owner(), l.epoch(), l.expiresInMillis()))
                    .toList();
            LeaseStore.QueueDepth queue = store.queueDepth();
            return new ClusterOverview(true, properties.instanceId(), properties.leaseTtl().toMillis(), draining,
                    queue.queued(), queue.waitingForAnAccount(), instances, leaseRows, null);
        } catch (DataAccessException e) {
            return new ClusterOverview(true, properties.instanceId(), properties.leaseTtl().toMillis(), draining,
                    null, null, List.of(), List.of(), "the database could not be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Leaves the cluster: no more rounds, every session of a held account stopped, then the leases
     * released and the registry row deleted, so the others claim the accounts at once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutDown(renewals);
        Set<String> stopped = leases.clear(ids -> pool.dropNow(ids, STOPPING));
        shutDown(watchdog);
        if (silent) {
            return;
        }
        try {
            store.leave(properties.instanceId());
            log.info("cluster: instance {} left, released {}", properties.instanceId(), stopped);
        } catch (DataAccessException e) {
            log.warn("cluster: could not release the leases ({}); they expire within {}", e.getMessage(),
                    properties.leaseTtl());
        }
    }

    private static void shutDown(ScheduledExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
