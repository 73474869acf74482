package dev.mjbridge.api;

import dev.mjbridge.task.TaskJson;

/**
 * One change of one task as the streams send it.
 *
 * @param id    the stream event id: a process-wide sequence, increasing in the order changes were told
 * @param task  the version, with the exact bytes {@code GET /mj/task/{id}/fetch} answers for it
 */
record TaskEvent(long id, TaskJson task) {
}
