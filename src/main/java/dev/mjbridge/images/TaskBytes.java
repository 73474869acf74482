package dev.mjbridge.images;

/**
 * One task's stored pictures as retention sees them: a single unit.
 *
 * @param taskId   the task
 * @param bytes    the size of all its files together
 * @param storedAt when they were stored (epoch milliseconds)
 */
public record TaskBytes(String taskId, long bytes, long storedAt) {
}
