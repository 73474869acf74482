package dev.mjbridge.task;

/**
 * One version of a task as the bytes the REST API answers with: the task JSON exactly as
 * clients see it (the {@link Task} record serialized by the application's JSON mapper).
 * The bytes are shared between requests: never modify them.
 *
 * @param id      the task id
 * @param version orders the versions of one task (and of all tasks): a later write has a larger number
 * @param status  the task's status in this version
 * @param current the task this JSON was made from while it is in flight, so a reader can tell it is the
 *                in-flight index's current version by identity; null once final (nothing else holds it then)
 * @param json    the UTF-8 task JSON
 */
public record TaskJson(String id, long version, TaskStatus status, Task current, byte[] json) {

    /** Size in bytes used to bound the cache: the JSON plus the entry's own overhead, roughly. */
    int weight() {
        return json.length + 2 * id.length() + 96;
    }

    boolean isFinal() {
        return status.isFinal();
    }

    /** The same version without the reference to the task: what a final version keeps. */
    TaskJson withoutTask() {
        return current == null ? this : new TaskJson(id, version, status, null, json);
    }
}
