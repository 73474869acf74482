package dev.mjbridge.task;

/**
 * Told of every change of a task (status, progress, result), in order per task, after
 * the change is stored. Implementations must return quickly (hand work to their own
 * executor): they run on the event path.
 */
public interface TaskListener {

    void onTaskChanged(Task task);
}
