package dev.mjbridge.task;

/**
 * Whether an account's sent tasks are over here: none of them is at Discord or holding its result
 * while its picture is kept (SUBMITTED, IN_PROGRESS), and every version of a task is written to the
 * database. A draining cluster instance releases an account's lease only then, so the next owner
 * reads finished rows instead of following the jobs (and keeping the pictures) a second time. Queued
 * tasks (NOT_START) do not count: they stay with the account for its next owner.
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
