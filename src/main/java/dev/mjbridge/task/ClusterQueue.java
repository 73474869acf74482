package dev.mjbridge.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.midjourney.JobRequest;

/**
 * The task engine's side of a cluster's shared queue ({@link WaitingTasks}). A submit that none of this
 * instance's accounts can start now is added to it, if an account anywhere in the cluster suits it; every
 * instance claims from it, oldest first, whatever its free slots can start, and sends those tasks as if
 * they had been submitted here. A task this instance gives up (its account leaves) goes back to it.
 * <p>
 * Claims run on one thread of their own: when woken (a slot freed here, an account joined, another
 * instance added a task) and every {@link #POLL} in case a wake-up was missed. Outside a cluster nothing
 * here runs.
 */
public final class ClusterQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterQueue.class);
    /** How often the queue is looked at without a wake-up. */
    static final Duration POLL = Duration.ofMillis(500);
    /** How many of the oldest waiting tasks one claim round looks at. */
    private static final int LOOK_AT = 500;

    private final ClusterAccounts cluster;
    private final WaitingTasks waiting;
    private final TaskAdmission admission;
    private final AccountPool pool;
    private final TaskWriter writer;
    private final AccountLeases leases;
    private final Duration unsuitableFor;
    private final StoredTasksListener stored;
    /** Since when a waiting task has found no suitable account anywhere in the cluster (epoch ms). */
    private final Map<String, Long> unsuitableSince = new ConcurrentHashMap<>();
    private final AtomicBoolean roundPending = new AtomicBoolean();
    private volatile ScheduledExecutorService claims;
    private volatile boolean failing;

    /**
     * @param unsuitableFor how long a waiting task may find no suitable account anywhere before it fails
     * @param stored        told of the versions written here without the write-behind store (added, claimed,
     *                      failed or cancelled while waiting), as that store tells it of its own writes
     */
    ClusterQueue(ClusterAccounts cluster, WaitingTasks waiting, TaskAdmission admission, AccountPool pool,
                 TaskWriter writer, AccountLeases leases, Duration unsuitableFor, StoredTasksListener stored) {
        this.stored = stored;
        this.cluster = cluster;
        this.waiting = waiting;
        this.admission = admission;
        this.pool = pool;
        this.writer = writer;
        this.leases = leases;
        this.unsuitableFor = unsuitableFor;
    }

    /** True when this instance is part of a cluster and tasks may wait in the shared queue. */
    boolean active() {
        return cluster.clustered();
    }

    /** Starts claiming (cluster only). */
    void start() {
        if (!active() || claims != null) {
            return;
        }
        claims = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mj-cluster-queue");
            thread.setDaemon(true);
            return thread;
        });
        claims.scheduleWithFixedDelay(this::round, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks at the queue now (soon, on the claim thread): a slot freed here, or a task was added elsewhere. */
    public void wake() {
        ScheduledExecutorService executor = claims;
        if (executor == null || !roundPending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                roundPending.set(false);
                round();
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            roundPending.set(false);
        }
    }

    /**
     * Adds a task none of this instance's accounts can start now. Code 22 when an account of the cluster
     * suits it and the queue has room (as many tasks as the suitable accounts can run and queue together),
     * else 23.
     */
    SubmitResult add(Task task, JobRequest asked, Routing routing, String parentMessageId, int imageIndex) {
        AccountSelector.Need need = TaskAdmission.needOf(routing);
        List<AccountConfig> suitable = suitableAnywhere(need);
        if (suitable.isEmpty()) {
            return new SubmitResult.NoCapacity(admission.whyNoAccount(need));
        }
        int capacity = suitable.stream().mapToInt(c -> c.concurrency() + c.queueSize()).sum();
        Task queued = task.withInternal(task.internal()
                .withRuntime(TaskRuntime.of(asked, routing, parentMessageId, imageIndex)));
        OptionalInt ahead;
        try {
            ahead = waiting.add(queued, capacity);
        } catch (DataAccessException e) {
            log.error("task {} not queued: the database did not take it ({})", task.id(), e.getMessage());
            return new SubmitResult.NotStored("the task database did not take the task; it was not queued");
        }
        if (ahead.isEmpty()) {
            return new SubmitResult.NoCapacity("all eligible accounts are busy: their queues are full");
        }
        writer.announce(queued, true);
        told(List.of(queued));
        cluster.taskQueued();
        return new SubmitResult.Queued(queued, null, ahead.getAsInt());
    }

    /**
     * In a cluster, the queued tasks of an account this instance gives up (to even the shares, or
     * draining) go back to the shared queue, where any instance holding a suitable account claims them.
     * A reconnect (the same account, a new session) keeps them, as on a single instance.
     */
    void giveBack(Account from, List<String> taskIds, Account successor) {
        if (successor != null) {
            admission.moveQueued(from, taskIds, successor);
            return;
        }
        for (String taskId : taskIds) {
            writer.applyAndStore(taskId, new TaskUpdate.BackToClusterQueue()).ifPresent(applied ->
                    applied.stored().whenComplete((written, error) -> {
                        // Only once the database shows it waiting may another instance claim it: until then
                        // this instance keeps it, so it is never nowhere.
                        if (error == null) {
                            writer.letGo(taskId);
                            cluster.taskQueued();
                        }
                    }));
            log.info("task {}: back to the cluster's queue (account {} left this instance)", taskId, from.id());
        }
    }

    /** Cancels a task waiting in the shared queue; empty when it is not waiting there (claimed meanwhile, or gone). */
    Optional<Task> cancelWaiting(String taskId, String reason) {
        List<Task> cancelled = waiting.claim(List.of(taskId),
                task -> writer.preview(task, new TaskUpdate.Cancelled(reason)));
        cancelled.forEach(task -> writer.announce(task, false));
        told(cancelled);
        return cancelled.stream().findFirst();
    }

    /** One claim round; never throws. */
    void round() {
        try {
            claimRound();
            if (failing) {
                log.info("cluster queue: the database answers again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("cluster queue: claiming failed ({}); retried at the next round", e.getMessage());
            }
            failing = true;
        }
    }

    private void claimRound() {
        List<WaitingTasks.Waiting> oldest = waiting.oldest(LOOK_AT);
        if (oldest.isEmpty()) {
            unsuitableSince.clear();
            return;
        }
        Map<String, Integer> freeSlots = freeSlots();
        Map<String, String> toFail = new HashMap<>();
        List<String> toClaim = new ArrayList<>();
        long now = System.currentTimeMillis();
        Set<String> present = new java.util.HashSet<>();
        for (WaitingTasks.Waiting task : oldest) {
            present.add(task.id());
            if (task.routing() == null) {
                toFail.put(task.id(), "the task's request was not kept");
                continue;
            }
            AccountSelector.Need need = TaskAdmission.needOf(task.routing());
            if (suitableAnywhere(need).isEmpty()) {
                long since = unsuitableSince.computeIfAbsent(task.id(), id -> now);
                if (now - since >= unsuitableFor.toMillis()) {
                    toFail.put(task.id(), "no account of the cluster could take the task for "
                            + unsuitableFor.toMinutes() + " minutes: " + admission.whyNoAccount(need));
                }
                continue;
            }
            unsuitableSince.remove(task.id());
            if (takeSlotFor(need, freeSlots)) {
                toClaim.add(task.id());
            }
        }
        unsuitableSince.keySet().retainAll(present);
        if (toClaim.isEmpty() && toFail.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(toClaim);
        ids.addAll(toFail.keySet());
        Map<String, Account> reserved = new LinkedHashMap<>();
        List<Task> claimed;
        try {
            claimed = waiting.claim(ids, task -> decide(task, toFail.get(task.id()), reserved));
        } catch (RuntimeException e) {
            // Nothing was claimed: the slots taken for it are free again.
            reserved.forEach((taskId, account) -> account.slots().release(taskId));
            throw e;
        }
        told(claimed);
        for (Task task : claimed) {
            Account account = reserved.get(task.id());
            if (account == null) {
                unsuitableSince.remove(task.id());
                writer.announce(task, false);
            } else {
                log.info("task {}: claimed from the cluster's queue for account {}", task.id(), account.id());
                admission.startClaimed(task, account);
            }
        }
    }

    private void told(List<Task> written) {
        if (written.isEmpty()) {
            return;
        }
        try {
            stored.stored(written);
        } catch (RuntimeException e) {
            log.warn("cluster queue: telling the others of {} task(s) failed: {}", written.size(), e.getMessage());
        }
    }

    /** The version a locked waiting task is claimed as: on a slot of this instance, or failed; empty to leave it. */
    private Optional<Task> decide(Task task, String failure, Map<String, Account> reserved) {
        if (failure != null) {
            return writer.preview(task, new TaskUpdate.Failed(failure));
        }
        TaskRuntime runtime = task.internal().runtime();
        if (runtime == null || runtime.request() == null || runtime.routing() == null) {
            return writer.preview(task, new TaskUpdate.Failed("the task's request was not kept"));
        }
        Optional<Account> slot = admission.reserveFreeSlot(task.id(), runtime.routing());
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        Account account = slot.get();
        reserved.put(task.id(), account);
        JobRequest request = ModeParameter.apply(runtime.request(), runtime.routing().mode(), account.config().mode());
        Task claimed = task.withProperties(task.properties().withDiscordInstanceId(account.id())
                        .withDiscordChannelId(account.config().channelId()))
                .withInternal(task.internal()
                        .withRuntime(TaskRuntime.of(request, runtime.routing(), runtime.parentMessageId(), runtime.index()))
                        .withLease(leases.stampFor(account.id()).orElse(null)));
        return Optional.of(claimed);
    }

    /** Free slots per account of this instance that takes work now (a first cut; the claim takes them for real). */
    private Map<String, Integer> freeSlots() {
        Map<String, Integer> free = new HashMap<>();
        for (Account account : pool.all()) {
            if (account.takesWork() && !account.leaving() && account.pacing().blocked().isEmpty()) {
                int slots = account.config().concurrency() - account.slots().running();
                if (slots > 0) {
                    free.put(account.id(), slots);
                }
            }
        }
        return free;
    }

    /** Counts one of the free slots of a suitable account of this instance as taken; false when none is left. */
    private boolean takeSlotFor(AccountSelector.Need need, Map<String, Integer> freeSlots) {
        if (freeSlots.isEmpty()) {
            return false;
        }
        for (Account account : pool.eligible(need)) {
            Integer free = freeSlots.get(account.id());
            if (free != null) {
                if (free == 1) {
                    freeSlots.remove(account.id());
                } else {
                    freeSlots.put(account.id(), free - 1);
                }
                return true;
            }
        }
        return false;
    }

    /** The settings of every account of the cluster that takes work and suits the need: here or held elsewhere. */
    private List<AccountConfig> suitableAnywhere(AccountSelector.Need need) {
        List<AccountConfig> suitable = new ArrayList<>();
        pool.eligible(need).forEach(account -> suitable.add(account.config()));
        Set<String> elsewhere = cluster.heldElsewhere();
        if (!elsewhere.isEmpty()) {
            for (AccountConfig config : pool.configs()) {
                if (config.enabled() && elsewhere.contains(config.id()) && AccountSelector.suitsSettings(config, need)
                        && suitable.stream().noneMatch(c -> c.id().equals(config.id()))) {
                    suitable.add(config);
                }
            }
        }
        return suitable;
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = claims;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
