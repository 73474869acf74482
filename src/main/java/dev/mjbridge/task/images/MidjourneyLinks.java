package dev.mjbridge.task.images;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import dev.mjbridge.task.ImageLink;
import dev.mjbridge.task.MidjourneyCdn;
import dev.mjbridge.task.ResultImages;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskUpdate;
import dev.mjbridge.task.TaskWriter;

/**
 * {@code mj.images.url: midjourney}: nothing is downloaded; a finished image job links to
 * Midjourney's own CDN, which keeps every job's pictures under its job hash for good. A grid's
 * four pictures are Midjourney's {@code 0_<n>} files.
 */
final class MidjourneyLinks implements ResultImages {

    private final MidjourneyCdn cdn;
    private final TaskWriter writer;
    private final Executor executor;

    /** @param executor where tasks are finished: not on the event thread that held them, whose listeners run first */
    MidjourneyLinks(MidjourneyCdn cdn, TaskWriter writer, Executor executor) {
        this.cdn = cdn;
        this.writer = writer;
        this.executor = executor;
    }

    @Override
    public boolean holds(Task task, TaskUpdate.Finished result) {
        return ResultShape.isOnMidjourneyCdn(result);
    }

    @Override
    public void keep(Task heldTask) {
        TaskUpdate.Finished result = heldTask.internal().held();
        if (result == null) {
            return;
        }
        String hash = result.messageHash();
        TaskUpdate.ImagesKept kept;
        if (!ResultShape.isOnMidjourneyCdn(result)) {
            // Held by a run with another setting (a video preview, say): Discord's link is all there is.
            kept = new TaskUpdate.ImagesKept(result.imageUrl(), null);
        } else if (ResultShape.isGrid(result)) {
            List<ImageLink> pictures = new ArrayList<>(4);
            for (int n = 0; n < 4; n++) {
                pictures.add(new ImageLink(cdn.picture(hash, n), n));
            }
            kept = new TaskUpdate.ImagesKept(cdn.grid(hash), pictures);
        } else {
            kept = new TaskUpdate.ImagesKept(cdn.picture(hash, 0), null);
        }
        executor.execute(() -> writer.apply(heldTask.id(), kept));
    }
}
