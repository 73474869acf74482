package dev.mjbridge.task;

/**
 * Whether an account's sent tasks are over here: none of them is at Discord or holding its result
 * while its picture is kept (SUBMITTED, IN_PROGRESS), and every version of a task is written to the
 * database. A cluster instance releases the lease of an account it gives up (or drains) only then, so
 * the next owner reads finished rows instead of following the jobs (and keeping the pictures) a second
 * time, and finds the account's queued tasks already given back to the cluster's queue.
 */
public final class SettledTasks {

    private final InFlightIndex index;
    private final WriteBehindTaskStore store;

    public SettledTasks(InFlightIndex index, WriteBehindTaskStore store) {
        this.index = index;
        this.store = store;
    }

    public boolean settledOn(String accountId) {
        boolean busy = index.snapshot().stream().anyMatch(task -> accountId.equals(task.accountId())
                && (task.status() == TaskStatus.SUBMITTED || task.status() == TaskStatus.IN_PROGRESS));
        return !busy && store.backlog() == 0;
    }
}
