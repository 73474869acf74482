package dev.mjbridge.notify;

import dev.mjbridge.task.Task;

/**
 * One state of one task on its way to a hook.
 *
 * @param task     the snapshot to post (serialized only when sent, so superseded states cost nothing)
 * @param target   where to post it
 * @param failures failed attempts so far
 */
record Delivery(Task task, HookTarget target, int failures) {

    static Delivery first(Task task, HookTarget target) {
        return new Delivery(task, target, 0);
    }

    Delivery failedOnce() {
        return new Delivery(task, target, failures + 1);
    }

    /** A newer state of the same task taking this one's place in the retry sequence. */
    Delivery replacedBy(Delivery newer) {
        return new Delivery(newer.task, newer.target, failures);
    }

    boolean sameStatusAs(Delivery other) {
        return task.status() == other.task.status();
    }

    boolean isFinal() {
        return task.status().isFinal();
    }

    String describe() {
        return "task " + task.id() + " " + task.status() + " " + task.progress();
    }
}
