package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.Cdn;
import dev.mjbridge.sandbox.cdn.ImageRecipe;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The files of a video job on the CDN: four stills per progress edit (one per clip; ephemeral
 * attachments, as in the 2026 capture), the animated WebP of the result, the mp4 of one clip,
 * and the mp4s Midjourney serves at {@code /video/<hash>/<n>.mp4}. A video moves the picture
 * that was animated (picture n of the grid the "Image #n" came from).
 */
@Component
class VideoMedia {

    static final int CLIPS = 4;

    private final Cdn cdn;
    private final JobBook book;

    VideoMedia(Cdn cdn, JobBook book) {
        this.cdn = cdn;
        this.book = book;
    }

    /** The four {@code <hash>_<clip>_step_<step>.jpeg} stills of a progress edit. */
    List<ObjectNode> steps(Job job, int step) {
        // Midjourney's stills are small (256 px for a square video): half the video's size.
        ImageSize size = job.size().half();
        List<ObjectNode> stills = new ArrayList<>();
        for (int clip = 0; clip < CLIPS; clip++) {
            ImageRecipe still = ImageRecipe.videoStep(job.prompt(), job.seed(), clip, step, size.width(), size.height(),
                    job.highMotion()).startingFrom(picture(job));
            stills.add(cdn.attachEphemeral(job.channel().id(), JobMessages.videoStepFilename(job, clip, step), still));
        }
        return stills;
    }

    /** The result of a video job: one animated WebP of the four clips; the clips go online as mp4s. */
    ObjectNode animation(Job job) {
        ImageSize size = job.size();
        cdn.publishVideos(job.hash(), job.prompt(), job.seed(), picture(job), size.width(), size.height(), job.highMotion());
        return cdn.attach(job.channel().id(), JobMessages.resultFilename(job),
                ImageRecipe.animation(job.prompt(), job.seed(), size.width(), size.height(), job.highMotion())
                        .startingFrom(picture(job)));
    }

    /** The result of a video upscale: clip n (the job's quadrant) of the parent video as an mp4, also its {@code 0.mp4}. */
    ObjectNode clip(Job job) {
        ImageSize size = job.size();
        int picture = book.byMessageId(job.parentMessageId()).map(parent -> picture(parent.job())).orElse(1);
        ImageRecipe clip = ImageRecipe.videoClip(job.prompt(), job.seed(), job.quadrant() - 1, size.width(), size.height(),
                job.highMotion()).startingFrom(picture);
        cdn.publishClips(job.hash(), List.of(clip));
        return cdn.attach(job.channel().id(), JobMessages.resultFilename(job), clip);
    }

    /** Which picture of its grid a video moves: the animated "Image #n", or the first for a prompt's video. */
    private static int picture(Job video) {
        return Math.min(4, Math.max(1, video.quadrant()));
    }
}
