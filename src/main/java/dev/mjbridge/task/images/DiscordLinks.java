package dev.mjbridge.task.images;

import java.util.concurrent.Executor;

import dev.mjbridge.task.ResultImages;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskUpdate;
import dev.mjbridge.task.TaskWriter;

/**
 * {@code mj.images.url: discord}: nothing is held; tasks succeed with Discord's link at once. A
 * task still held from a run with another setting (found at start-up) is finished with Discord's
 * link rather than left waiting for a copy nobody makes.
 */
final class DiscordLinks implements ResultImages {

    private final TaskWriter writer;
    private final Executor executor;

    DiscordLinks(TaskWriter writer, Executor executor) {
        this.writer = writer;
        this.executor = executor;
    }

    @Override
    public boolean holds(Task task, TaskUpdate.Finished result) {
        return false;
    }

    @Override
    public void keep(Task heldTask) {
        TaskUpdate.Finished result = heldTask.internal().held();
        if (result != null) {
            executor.execute(() -> writer.apply(heldTask.id(), new TaskUpdate.ImagesKept(result.imageUrl(), null)));
        }
    }
}
