package dev.mjbridge.images;

/**
 * One task whose stored pictures retention deleted.
 *
 * @param taskId the task
 * @param files  how many files were recorded for it
 * @param bytes  their size together
 * @param reason which rule pruned it
 */
public record PrunedTask(String taskId, int files, long bytes, PruneReason reason) {
}
