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
        ImageSize size = job.size();
        List<ObjectNode> stills = new ArrayList<>();
        for (int clip = 0; clip < CLIPS; clip++) {
            stills.add(cdn.attach(job.channel().id(), JobMessages.videoStepFilename(job, clip, step),
                    ImageRecipe.preview(job.prompt(), job.seed() + clip, size.width(), size.height(), 20 + 10 * step)));
        }
        return stills;
    }

    /** The result of a video job: one animated WebP of the four clips; the clips go online as mp4s. */
    ObjectNode animation(Job job) {
        ImageSize size = job.size();
        return cdn.attach(job.channel().id(), JobMessages.resultFilename(job),
                ImageRecipe.grid(job.prompt(), job.seed(), size.width(), size.height()));
    }

    /** The result of a video upscale: clip n (the job's quadrant) as an mp4. */
    ObjectNode clip(Job job) {
        ImageSize size = job.size();
        return cdn.attach(job.channel().id(), JobMessages.resultFilename(job),
                ImageRecipe.single(job.prompt(), job.seed(), job.quadrant(), size.width(), size.height()));
    }
}
