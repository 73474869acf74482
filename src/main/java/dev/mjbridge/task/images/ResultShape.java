package dev.mjbridge.task.images;

import java.util.List;

import dev.mjbridge.midjourney.CustomId;
import dev.mjbridge.task.TaskButton;
import dev.mjbridge.task.TaskUpdate;

/** What a result message shows, read from its buttons. */
final class ResultShape {

    private ResultShape() {
    }

    /** A grid of four pictures: it offers U1-U4 (an upscale or a video does not). */
    static boolean isGrid(TaskUpdate.Finished result) {
        return isGrid(result.buttons());
    }

    static boolean isGrid(List<TaskButton> buttons) {
        return buttons.stream().anyMatch(button -> CustomId.parse(button.customId()).kind() == CustomId.Kind.UPSCALE);
    }

    /** An image job's result with its job hash: Midjourney's CDN has its pictures (not a video's preview). */
    static boolean isOnMidjourneyCdn(TaskUpdate.Finished result) {
        return result.imageUrl() != null && result.messageHash() != null && result.videoUrl() == null
                && result.videoUrls() == null;
    }
}
