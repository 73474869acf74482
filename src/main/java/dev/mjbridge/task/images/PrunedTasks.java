package dev.mjbridge.task.images;

import org.springframework.stereotype.Component;

import dev.mjbridge.images.PrunedImagesListener;
import dev.mjbridge.task.ImageFields;
import dev.mjbridge.task.TaskWriter;

/**
 * Retention deleted a task's stored pictures: the task carries Discord's link again rather than a
 * stored link that now answers 404 (Discord's may have expired too, but it is the truth).
 */
@Component
class PrunedTasks implements PrunedImagesListener {

    private final TaskWriter writer;

    PrunedTasks(TaskWriter writer) {
        this.writer = writer;
    }

    @Override
    public void pruned(String taskId) {
        writer.changeFinished(taskId, ImageFields::withoutStoredCopy);
    }
}
