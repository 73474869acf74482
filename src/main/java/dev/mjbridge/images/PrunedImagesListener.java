package dev.mjbridge.images;

/**
 * Told when retention has deleted a task's stored pictures, so whatever pointed clients at them
 * (a task's {@code imageUrl}) can point elsewhere again. Every bean of this type is told, once per
 * pruned task, on retention's thread; a listener that throws is logged and the others are still told.
 */
public interface PrunedImagesListener {

    /** The pictures of {@code taskId} are gone from the store and from the index. */
    void pruned(String taskId);
}
