package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.AccountSlots;
import dev.mjbridge.midjourney.JobRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Puts tasks on accounts: picks the best eligible account, takes a slot there (running,
 * queued or none), and starts queued tasks when their slot frees up, also after a restart.
 * <p>
 * Only ranking the accounts, putting the new task into memory and taking the slot happen
 * under the admission lock, so two submits never take one slot; all of that is memory.
 * The database write of the new task happens behind, and the submit waits for it after
 * the lock, before the task is sent or the client is answered.
 */
final class TaskAdmission {

    private static final Logger log = LoggerFactory.getLogger(TaskAdmission.class);

    private final AccountPool pool;
    private final TaskWriter writer;
    private final JobRunner runner;
    private final InFlightIndex index;
    private final Object lock = new Object();
    private final Duration maxWait;

    /** Without pacing waits: a task no account takes now is refused. */
    TaskAdmission(AccountPool pool, TaskWriter writer, JobRunner runner, InFlightIndex index) {
        this(pool, writer, runner, index, Duration.ZERO);
    }

    /**
     * @param maxWait how far ahead an account held back by its pacing may take a task (it waits
     *                for it, queued); beyond that the task is refused with the reason
     */
    /** Any work-hours window opens, and any day restarts, within a week. */
    private static final Duration RESUME_HORIZON = Duration.ofDays(8);

    TaskAdmission(AccountPool pool, TaskWriter writer, JobRunner runner, InFlightIndex index, Duration maxWait) {
        this.maxWait = maxWait;
        this.pool = pool;
        this.writer = writer;
        this.runner = runner;
        this.index = index;
    }

    /** Running there (1), queued there (22), or nowhere (23). */
    SubmitResult admit(Task task, JobRequest asked, Routing routing, String parentMessageId, int imageIndex) {
        return admit(task, asked, routing, parentMessageId, imageIndex, false).orElseThrow();
    }

    /**
     * In a cluster: running on one of this instance's accounts (1) when one has a free slot now;
     * otherwise empty, and the task is not taken (it goes to the cluster's shared queue instead).
     */
    Optional<SubmitResult> admitToFreeSlot(Task task, JobRequest asked, Routing routing, String parentMessageId,
                                           int imageIndex) {
        return admit(task, asked, routing, parentMessageId, imageIndex, true);
    }

    private Optional<SubmitResult> admit(Task task, JobRequest asked, Routing routing, String parentMessageId,
                                         int imageIndex, boolean freeSlotOnly) {
        AccountSelector.Need need = needOf(routing);
        Account chosen;
        AccountSlots.Admission admission;
        Task tracked;
        JobRequest request;
        CompletableFuture<Boolean> stored;
        Optional<PacedStart> later = Optional.empty();
        synchronized (lock) {
            List<Account> ranked = pool.candidates(need);
            if (freeSlotOnly) {
                ranked = ranked.stream().filter(a -> a.slots().hasFreeSlot()).toList();
                if (ranked.isEmpty()) {
                    return Optional.empty();
                }
            }
            if (ranked.isEmpty()) {
                later = pacedStart(need);
                if (later.isEmpty()) {
                    return Optional.of(new SubmitResult.NoCapacity(whyNoAccount(need)));
                }
                chosen = later.get().account();
            } else {
                chosen = ranked.get(0);
            }
            Account account = chosen;
            request = ModeParameter.apply(asked, routing.mode(), account.config().mode());
            tracked = task.withProperties(task.properties().withDiscordInstanceId(account.id())
                            .withDiscordChannelId(account.config().channelId()))
                    .withInternal(task.internal().withRuntime(TaskRuntime.of(request, routing, parentMessageId, imageIndex)));
            // In memory before the slot: the queued start may fire as soon as the slot is taken, and reads memory.
            stored = writer.track(tracked);
            admission = account.slots().admit(task.id(), () -> startQueued(task.id(), account));
            if (!(admission instanceof AccountSlots.Admission.Full)) {
                // Under the lock: two submits never both take an account's last job of a day.
                later.ifPresentOrElse(start -> account.pacing().countJobAt(start.at()), () -> account.pacing().countJob());
            }
        }
        if (admission instanceof AccountSlots.Admission.Full) {
            // The ranking said there was room; only a concurrent submit can have taken it.
            writer.apply(task.id(), new TaskUpdate.Failed("No account could take the task: all queues are full"));
            return Optional.of(new SubmitResult.NoCapacity("all eligible accounts are busy: their queues are full"));
        }
        if (!durable(task.id(), stored)) {
            return Optional.of(new SubmitResult.NotStored("the task database did not confirm the task in time; it was not started"));
        }
        if (admission instanceof AccountSlots.Admission.Queued queued) {
            return Optional.of(new SubmitResult.Queued(tracked, chosen.id(), queued.ahead()));
        }
        if (later.isPresent()) {
            // It holds its slot meanwhile; the start is a timer, no thread waits.
            Account account = chosen;
            log.info("task {} waits for account {}'s pacing until {}", task.id(), account.id(), later.get().at());
            account.pacing().runAt(later.get().at(), () -> startQueued(task.id(), account));
            return Optional.of(new SubmitResult.Queued(tracked, chosen.id(), 0, later.get().at()));
        }
        runner.run(tracked, chosen, request);
        return Optional.of(new SubmitResult.Submitted(index.findById(task.id()).orElse(tracked), chosen.id()));
    }

    /**
     * A task answered must survive a killed process: when the store cannot take it, it fails (in
     * memory, which frees its slot) instead of being sent.
     */
    private boolean durable(String taskId, CompletableFuture<Boolean> stored) {
        try {
            writer.awaitStored(taskId, stored);
            return true;
        } catch (IllegalStateException e) {
            log.error("task {} not started: {}", taskId, e.getMessage());
            writer.apply(taskId, new TaskUpdate.Failed("mj-bridge could not store the task: its database did not answer"));
            return false;
        }
    }

    /**
     * In a cluster, takes a free slot on one of this instance's accounts for a task claimed from the
     * shared queue, best account first, and counts it against the account's pacing.
     *
     * @return the account whose slot it holds now; empty when none suits it with a free slot
     */
    Optional<Account> reserveFreeSlot(String taskId, Routing routing) {
        AccountSelector.Need need = needOf(routing);
        synchronized (lock) {
            for (Account account : pool.candidates(need)) {
                if (!account.slots().hasFreeSlot()) {
                    continue;
                }
                if (account.slots().admit(taskId, () -> startQueued(taskId, account))
                        instanceof AccountSlots.Admission.Started) {
                    account.pacing().countJob();
                    return Optional.of(account);
                }
                account.slots().removeQueued(taskId);
            }
            return Optional.empty();
        }
    }

    /** Follows and sends a task claimed from the cluster's shared queue onto {@code account}'s slot. */
    void startClaimed(Task task, Account account) {
        writer.adopt(task);
        runner.run(task, account, task.internal().runtime().request());
    }

    /** Called by the account when a queued task's slot frees up; reads the task from memory. */
    void startQueued(String taskId, Account account) {
        Optional<Task> task = index.findById(taskId);
        TaskRuntime runtime = task.map(t -> t.internal().runtime()).orElse(null);
        if (task.isEmpty() || runtime == null || task.get().status().isFinal()) {
            account.slots().release(taskId);
            return;
        }
        if (account.leaving()) {
            // A paced start due on an account that left meanwhile: placed elsewhere like its queue.
            account.slots().release(taskId);
            moveQueued(account, List.of(taskId), null);
            return;
        }
        if (account.disabled()) {
            // The account was disabled or paused while the task waited: say so rather than send from it.
            // A reconnect is no reason: the runner holds the work until the session is back.
            writer.apply(taskId, new TaskUpdate.Failed("Account " + account.id() + " stopped taking work while the task "
                    + "was queued: " + account.health().reason()));
            return;
        }
        runner.run(task.get(), account, runtime.request());
    }

    /**
     * The queued tasks of an account that left the pool go to its successor (same id, new
     * session) when it still suits them, else to the best other eligible account with room; a
     * task that no account takes fails. Nothing was sent for them yet, so none is sent twice.
     */
    void moveQueued(Account from, List<String> taskIds, Account successor) {
        for (String taskId : taskIds) {
            Optional<Task> found = index.findById(taskId);
            TaskRuntime runtime = found.map(t -> t.internal().runtime()).orElse(null);
            if (found.isEmpty() || runtime == null || found.get().status() != TaskStatus.NOT_START) {
                continue;
            }
            Optional<Placed> placed = place(taskId, needOf(runtime.routing()), successor);
            if (placed.isEmpty()) {
                writer.apply(taskId, new TaskUpdate.Failed("account " + from.id() + " removed from the pool"));
                continue;
            }
            Account to = placed.get().account();
            log.info("task {}: moved from account {} (leaving the pool) to {}", taskId, from.id(),
                    to == successor ? "its replacement" : "account " + to.id());
            if (placed.get().admission() instanceof AccountSlots.Admission.Started) {
                runner.run(index.findById(taskId).orElse(found.get()), to, runtime.request());
            }
        }
    }

    private record Placed(Account account, AccountSlots.Admission admission) {
    }

    /** Takes a slot for a moved task, successor first; the task shows its new account before it can start. */
    private Optional<Placed> place(String taskId, AccountSelector.Need need, Account successor) {
        synchronized (lock) {
            List<Account> options = new java.util.ArrayList<>();
            if (successor != null && successor.config().enabled() && AccountSelector.suits(successor, need)) {
                options.add(successor);
            }
            pool.candidates(need).stream().filter(a -> a != successor).forEach(options::add);
            for (Account account : options) {
                if (!account.slots().hasCapacity()) {
                    continue;
                }
                writer.apply(taskId, new TaskUpdate.Reassigned(account.id(), account.config().channelId()));
                AccountSlots.Admission admission = account.slots().admit(taskId, () -> startQueued(taskId, account));
                if (admission instanceof AccountSlots.Admission.Full) {
                    continue;
                }
                if (account != successor) {
                    // The replacement carries the old account's count, this job included.
                    account.pacing().countJob();
                }
                return Optional.of(new Placed(account, admission));
            }
            return Optional.empty();
        }
    }

    /**
     * Picks up a task that was unfinished when the process stopped: a queued one waits for
     * a slot again and is sent; one already at Discord holds its slot and is followed (its
     * account reconciles from channel history once connected); one waiting for the
     * client's modal input keeps waiting.
     */
    void resume(Task task) {
        TaskRuntime runtime = task.internal().runtime();
        Account account = task.accountId() == null ? null : pool.find(task.accountId()).orElse(null);
        writer.adopt(task);
        if (account == null) {
            writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge restarted and account " + task.accountId()
                    + " no longer exists"));
            return;
        }
        if (task.status() == TaskStatus.NOT_START) {
            AccountSlots.Admission admission = account.slots().admit(task.id(), () -> startQueued(task.id(), account));
            if (admission instanceof AccountSlots.Admission.Started) {
                resumeWithinPacing(task, account, runtime.request());
            } else if (admission instanceof AccountSlots.Admission.Full) {
                writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge restarted and account " + account.id()
                        + " has no room for the task any more"));
            } else {
                // Counted now, as at admission: the restored count only knows the tasks already sent.
                account.pacing().countJob();
            }
        } else if (task.properties().nonce() != null) {
            account.slots().occupy(task.id());
        }
    }

    /**
     * A task that had not been sent when the process stopped may have been waiting for its
     * account's pacing (daily limit, work hours): it waits for it again, and counts toward the
     * day it is sent in.
     */
    private void resumeWithinPacing(Task task, Account account, JobRequest request) {
        if (account.pacing().blocked().isEmpty()) {
            account.pacing().countJob();
            runner.run(task, account, request);
            return;
        }
        Optional<Instant> at = account.pacing().availableWithin(RESUME_HORIZON);
        if (at.isEmpty()) {
            writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge restarted and account " + account.id()
                    + " takes no work within " + RESUME_HORIZON.toDays() + " days: "
                    + PacingRefusal.reason(List.of(account)).orElse("its pacing holds it back")));
            return;
        }
        account.pacing().countJobAt(at.get());
        log.info("task {} waits again for account {}'s pacing until {}", task.id(), account.id(), at.get());
        account.pacing().runAt(at.get(), () -> startQueued(task.id(), account));
    }

    /** An account held back by its pacing that takes the task at {@code at}, within the max wait. */
    private record PacedStart(Account account, Instant at) {
    }

    /**
     * The eligible account that its pacing lets take the task soonest, if within the max wait.
     * Only an account with a free slot: the task holds that slot until it starts, so the slot
     * queue (which starts tasks as slots free, whatever the hour) never holds a paced task.
     */
    private Optional<PacedStart> pacedStart(AccountSelector.Need need) {
        PacedStart best = null;
        for (Account account : pool.eligible(need)) {
            if (!account.slots().hasFreeSlot()) {
                continue;
            }
            Optional<Instant> at = account.pacing().availableWithin(maxWait);
            if (at.isPresent() && (best == null || at.get().isBefore(best.at()))) {
                best = new PacedStart(account, at.get());
            }
        }
        return Optional.ofNullable(best);
    }

    static AccountSelector.Need needOf(Routing routing) {
        return new AccountSelector.Need(routing.botType(), routing.pinnedAccountId(), routing.sameChannelAs(),
                routing.filter(), routing.mode());
    }

    String whyNoAccount(AccountSelector.Need need) {
        List<Account> eligible = pool.eligible(need);
        if (!eligible.isEmpty()) {
            return PacingRefusal.reason(eligible).orElse("all eligible accounts are busy: their queues are full");
        }
        if (need.pinnedAccountId() != null) {
            return "the parent task's account (" + need.pinnedAccountId() + ") cannot take work now";
        }
        return "no enabled, connected account matches (bot " + need.botType()
                + (need.mode() == null ? "" : ", mode " + need.mode()) + ")";
    }
}
