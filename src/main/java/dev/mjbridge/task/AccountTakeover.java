package dev.mjbridge.task;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.account.Account;

/**
 * In a cluster, an account this instance has just claimed brings its unfinished tasks along: the ones
 * the previous owner sent are followed from here (the account reconciles from channel history once
 * connected, as after a restart), the queued ones wait for a slot on it again, and every one is stamped
 * with the new lease so the previous owner's late writes are refused by the store. A task this instance
 * still follows from an earlier lease on the account is only stamped anew, unless it was only queued: the
 * queue went with the earlier session, so it is queued on the account again. Outside a cluster there is no
 * lease and nothing happens: restart recovery took up every task at start-up.
 */
final class AccountTakeover {

    private static final Logger log = LoggerFactory.getLogger(AccountTakeover.class);

    private final TaskStore store;
    private final InFlightIndex index;
    private final TaskWriter writer;
    /** Follows a task from its stored row as restart recovery does; false when it could not be taken up. */
    private final Predicate<Task> takeUp;
    private final AccountLeases leases;

    /** @param takeUp restart recovery's {@link RestartRecovery#takeUp} */
    AccountTakeover(TaskStore store, InFlightIndex index, TaskWriter writer, Predicate<Task> takeUp,
                    AccountLeases leases) {
        this.store = store;
        this.index = index;
        this.writer = writer;
        this.takeUp = takeUp;
        this.leases = leases;
    }

    /** Called as the account joins the pool, before it connects. Serialised: an account is taken up once. */
    synchronized void takeUp(Account account) {
        Optional<LeaseStamp> stamp = leases.stampFor(account.id());
        if (stamp.isEmpty()) {
            return;
        }
        List<Task> unfinished;
        try {
            unfinished = store.findUnfinishedOf(account.id());
        } catch (RuntimeException e) {
            // The account still joins; its tasks wait in the database for the next claim of it.
            log.warn("account {}: could not read its unfinished tasks to take them up: {}", account.id(), e.getMessage());
            return;
        }
        int followed = 0;
        for (Task stored : unfinished) {
            Optional<Task> known = index.findById(stored.id());
            if (known.isPresent() && isSent(known.get())) {
                if (account.id().equals(known.get().accountId())) {
                    account.slots().occupy(stored.id());
                }
            } else if (known.isPresent()
                    && (!account.id().equals(known.get().accountId()) || account.slots().holds(stored.id()))) {
                // Queued here already: on this account (restart recovery of an instance starting alone put it
                // there), or on another of this instance's accounts (a hand-over not written yet). It stays.
            } else if (!takeUp.test(stored)) {
                // Unknown here, or left queued on this very account when an earlier lease of it lapsed (that
                // session's queue was left to the next owner): it waits for a slot here again, as the stored
                // row has it (another owner may have sent it meanwhile).
                continue;
            }
            writer.apply(stored.id(), new TaskUpdate.Stamped(stamp.get()));
            followed++;
        }
        if (!unfinished.isEmpty()) {
            log.info("account {} claimed at epoch {}: {} unfinished task(s) follow it here", account.id(),
                    stamp.get().epoch(), followed);
        }
    }

    /**
     * The other way: this instance lost these accounts (their leases lapsed, or it shuts down), so it stops
     * following their unfinished tasks. The database keeps them for the account's next owner; reads here
     * answer from the database from now on, not from a memory that no longer hears the account, and no
     * timeout here fails a task another instance follows to its end.
     */
    void letGo(Set<String> accounts) {
        int left = 0;
        for (Task task : index.snapshot()) {
            if (accounts.contains(task.accountId()) && !task.status().isFinal()) {
                writer.letGo(task.id());
                left++;
            }
        }
        if (left > 0) {
            log.info("accounts {} left this instance: {} unfinished task(s) left to their next owner", accounts, left);
        }
    }

    private static boolean isSent(Task task) {
        return task.status() != TaskStatus.NOT_START && task.properties().nonce() != null;
    }
}
