package dev.mjbridge.task;

/**
 * Whether this process takes up, at start-up, every task the database holds unfinished. A single
 * instance always does (they were its own before a restart). An instance of a cluster does only
 * when it starts alone: otherwise they may be another live instance's tasks in flight, and
 * sending them again would run each job twice; it takes up only the tasks of the accounts it
 * claims ({@link AccountTakeover}).
 */
@FunctionalInterface
public interface RecoveryScope {

    /** Every unfinished task is this process's: the single-instance answer. */
    RecoveryScope ALL = () -> true;

    boolean takesUpUnfinishedTasks();
}
