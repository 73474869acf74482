package dev.mjbridge.task;

/**
 * Told of every change of a task (status, progress, result), in order per task, after
 * the change is stored. Implementations must return quickly (hand work to their own
 * executor): they run on the event path.
 */
public interface TaskListener {

    void onTaskChanged(Task task);

    /**
     * A task was accepted and is followed from now on (once per task, before its first
     * {@link #onTaskChanged}; not for tasks taken up again after a restart). Ignored by default.
     */
    default void onTaskSubmitted(Task task) {
    }

    /**
     * The same change with the bytes {@code GET /mj/task/{id}/fetch} answers for this version (and its
     * version number, for readers that must tell newer from older). By default the JSON is ignored.
     */
    default void onTaskChanged(Task task, TaskJson json) {
        onTaskChanged(task);
    }

    /**
     * A change of a task another instance of a cluster follows, as read from the database after that
     * instance announced it ({@link RemoteTaskChanges}); {@code json} is what fetch answers for it here.
     * Never for a task this process follows. Ignored by default: webhooks and meters of a task are its
     * own instance's job; only what serves local readers (the live streams) wants it.
     */
    default void onRemoteTaskChanged(Task task, TaskJson json) {
    }
}
