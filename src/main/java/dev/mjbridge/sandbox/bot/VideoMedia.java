package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.Cdn;
import dev.mjbridge.sandbox.cdn.ImageRecipe;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The files of a video job on the CDN: four stills per progress edit (one per clip), the
 * animated WebP of the result, the mp4 of one clip, and the four mp4s Midjourney serves
 * at {@code /video/<hash>/<n>.mp4}.
 */
@Component
class VideoMedia {

    static final int CLIPS = 4;

    private final Cdn cdn;

    VideoMedia(Cdn cdn) {
        this.cdn = cdn;
    }

    /** The four {@code <hash>_<clip>_step_<step>.jpeg} stills of a progress edit. */
    List<ObjectNode> steps(Job job, int step) {
        // Midjourney's stills are small (256 px for a square video): half the video's size.
        ImageSize size = job.size().half();
        List<ObjectNode> stills = new ArrayList<>();
        for (int clip = 0; clip < CLIPS; clip++) {
            stills.add(cdn.attach(job.channel().id(), JobMessages.videoStepFilename(job, clip, step),
                    ImageRecipe.videoStep(job.prompt(), job.seed(), clip, step, size.width(), size.height())));
        }
        return stills;
    }

    /** The result of a video job: one animated WebP of the four clips; the clips go online as mp4s. */
    ObjectNode animation(Job job) {
        ImageSize size = job.size();
        cdn.publishVideos(job.hash(), job.prompt(), job.seed(), size.width(), size.height(), job.highMotion());
        return cdn.attach(job.channel().id(), JobMessages.resultFilename(job),
                ImageRecipe.animation(job.prompt(), job.seed(), size.width(), size.height(), job.highMotion()));
    }

    /** The result of a video upscale: clip n (the job's quadrant) as an mp4. */
    ObjectNode clip(Job job) {
        ImageSize size = job.size();
        cdn.publishVideos(job.hash(), job.prompt(), job.seed(), size.width(), size.height(), job.highMotion());
        return cdn.attach(job.channel().id(), JobMessages.resultFilename(job),
                ImageRecipe.videoClip(job.prompt(), job.seed(), job.quadrant() - 1, size.width(), size.height(),
                        job.highMotion()));
    }
}
