package dev.mjbridge.task;

import java.util.List;

/**
 * Told of the task versions the write-behind store has just committed to the database, once per
 * write, on the store's writer thread: what other readers of the database (the other instances of a
 * cluster) can now see. Return quickly (hand work to a thread of your own); an exception is logged
 * and does not undo the write. A single instance has none ({@link #NONE}).
 */
@FunctionalInterface
public interface StoredTasksListener {

    StoredTasksListener NONE = tasks -> { };

    /** @param tasks the versions written in one transaction, each task once (a refused one left out) */
    void stored(List<Task> tasks);
}
