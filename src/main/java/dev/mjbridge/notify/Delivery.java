package dev.mjbridge.notify;

import dev.mjbridge.task.Task;

import java.util.UUID;

/**
 * One state of one task on its way to a hook.
 *
 * @param task     the snapshot to post (serialized only when sent, so superseded states cost nothing)
 * @param target   where to post it
 * @param failures failed attempts so far
 * @param id       sent as {@code X-Mj-Delivery}: the same on every retry of this state to this hook,
 *                 so a receiver can tell a retry from a new state
 */
record Delivery(Task task, HookTarget target, int failures, String id) {

    static Delivery first(Task task, HookTarget target) {
        return new Delivery(task, target, 0, UUID.randomUUID().toString());
    }

    Delivery failedOnce() {
        return new Delivery(task, target, failures + 1, id);
    }

    /** A newer state of the same task taking this one's place in the retry sequence (it is another delivery). */
    Delivery replacedBy(Delivery newer) {
        return new Delivery(newer.task, newer.target, failures, newer.id);
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
