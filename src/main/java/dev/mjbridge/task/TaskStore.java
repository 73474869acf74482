package dev.mjbridge.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Durable storage of tasks, including their {@link TaskInternal} part. */
public interface TaskStore {

    /**
     * Inserts or replaces the task. A stored final task is never replaced by a
     * different status (the same rule as {@link TaskTransitions}, as a safety net
     * against a stale write); such a save is skipped and returns false.
     * Callers should still write one task from one thread at a time: of two
     * concurrent non-final versions, the last write wins.
     * <p>
     * In a cluster a version stamped ({@link TaskInternal#lease()}) under an older epoch of the
     * task's account than the account's lease or the stored version is skipped too (false): its
     * instance lost the lease and another one follows the task now.
     */
    boolean save(Task task);

    /**
     * Saves each task as {@link #save} would, all or none: one transaction where the database
     * has them. Tasks are distinct (one version per task).
     *
     * @return for each task in order, whether it was written (false: a stored final task kept, or a fenced write)
     */
    default List<Boolean> saveAll(List<Task> tasks) {
        List<Boolean> written = new java.util.ArrayList<>(tasks.size());
        for (Task task : tasks) {
            written.add(save(task));
        }
        return written;
    }

    Optional<Task> findById(String id);

    /** The tasks with these ids, in the caller's order; unknown ids are skipped, repeated ids given once. */
    List<Task> findByIds(Collection<String> ids);

    /** Newest first (by submit time, then id). */
    List<Task> listRecent(int offset, int limit);

    /**
     * How many tasks of {@code accountId} submitted at or after {@code sinceEpochMs} were sent to
     * Discord (they carry a nonce): what an account's daily limit counted before a restart.
     */
    long countSentSince(String accountId, long sinceEpochMs);

    /** Tasks not in a final status, oldest first: what to resume after a restart. */
    List<Task> findUnfinished();

    /**
     * The unfinished tasks of one account, oldest first: what a cluster instance takes up as it claims
     * the account (one indexed query, not every unfinished task of the cluster).
     */
    default List<Task> findUnfinishedOf(String accountId) {
        return findUnfinished().stream().filter(task -> accountId.equals(task.accountId())).toList();
    }

    long count();
}
