package dev.mjbridge.task.images;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.images.Links;
import dev.mjbridge.task.ResultImages;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskUpdate;
import dev.mjbridge.task.TaskWriter;

/**
 * {@code mj.images.url: stored}: a held result succeeds once its picture's stored copy exists,
 * with the stored links. When the copy finally fails, the task succeeds with Discord's link and
 * the reason, and the {@link KeepOutcomes} hear of it (so the copy is tried again later).
 */
final class StoredPictures implements ResultImages {

    private static final Logger log = LoggerFactory.getLogger(StoredPictures.class);

    private final PictureCopies copies;
    private final TaskWriter writer;
    private final KeepOutcomes outcomes;
    /** Tasks whose picture is being kept now: a second request for one of them is dropped. */
    private final Set<String> keeping = ConcurrentHashMap.newKeySet();

    StoredPictures(PictureCopies copies, TaskWriter writer, KeepOutcomes outcomes) {
        this.copies = copies;
        this.writer = writer;
        this.outcomes = outcomes;
    }

    @Override
    public boolean holds(Task task, TaskUpdate.Finished result) {
        return result.imageUrl() != null;
    }

    @Override
    public void keep(Task heldTask) {
        TaskUpdate.Finished result = heldTask.internal().held();
        if (result == null || !keeping.add(heldTask.id())) {
            return;
        }
        String taskId = heldTask.id();
        copies.copy(heldTask, result.imageUrl(), result.messageId(), ResultShape.isGrid(result))
                .whenComplete((copy, error) -> {
                    keeping.remove(taskId);
                    if (error == null) {
                        writer.apply(taskId, new TaskUpdate.ImagesKept(copy.imageUrl(), copy.pictures()));
                        outcomes.stored(taskId, copy.files());
                    } else {
                        PictureCopies.Failure failure = PictureCopies.Failure.of(error);
                        log.warn("task {}: could not keep its picture {} ({}); it finishes with Discord's link",
                                taskId, Links.withoutQuery(result.imageUrl()), failure.reason());
                        writer.apply(taskId, new TaskUpdate.ImagesNotKept(failure.reason()));
                        outcomes.failed(taskId, failure.reason(), failure.storeFault());
                    }
                });
    }
}
