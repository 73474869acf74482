package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.Cdn;
import dev.mjbridge.sandbox.cdn.MidjourneyFiles;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.Snowflakes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * The messages of one job's life, step by step: start, progress, result (or the output
 * filter's stop, or Cancel Job's). {@link JobScheduler} decides when each step happens.
 * An imagine shows its progress in a channel message; a job from a button shows it in
 * its ephemeral start message, which only its user sees.
 */
@Component
class JobLifecycle {

    private final MessagePublisher publisher;
    private final EphemeralMessages ephemerals;
    private final ErrorEmbeds errors;
    private final Cdn cdn;
    private final JobBook book;
    private final UsageLedger usage;
    private final Snowflakes snowflakes;
    private final VideoMedia videos;
    private final MidjourneyFiles midjourneyFiles;

    JobLifecycle(MessagePublisher publisher, EphemeralMessages ephemerals, ErrorEmbeds errors, Cdn cdn, JobBook book,
                 UsageLedger usage, Snowflakes snowflakes, VideoMedia videos, MidjourneyFiles midjourneyFiles) {
        this.midjourneyFiles = midjourneyFiles;
        this.snowflakes = snowflakes;
        this.publisher = publisher;
        this.ephemerals = ephemerals;
        this.errors = errors;
        this.cdn = cdn;
        this.book = book;
        this.usage = usage;
        this.videos = videos;
    }

    /** The job waits for a free slot: the yellow "Job queued" answer. */
    void queued(Job job, int running) {
        ephemerals.post(job.channel(), job.user(), JobMessages.queuedMessage(job, running));
    }

    /** Step 1: the "(Waiting to start)" message (ephemeral with Cancel Job for button jobs; "Animating..." for Animate). */
    void begin(JobRun run) {
        Job job = run.job();
        ObjectNode start = JobMessages.startMessage(job, !run.waitedInQueue());
        boolean ephemeral = JobMessages.startsEphemeral(job);
        ObjectNode created = ephemeral
                ? ephemerals.post(job.channel(), job.user(), start, true)
                : publisher.create(job.channel(), start);
        run.started(created.get("id").asString(), ephemeral);
    }

    /** An Animate press's "Animating..." becomes the video job's "Creating video with prompt ..." start. */
    void creatingVideo(JobRun run) {
        editProgress(run, message -> {
            message.remove("nonce");
            message.put("content", JobMessages.waiting(run.job()));
        });
    }

    /**
     * Step 2: the same message edited to show progress. V7 shows the first percentages
     * without a picture, then a blurry preview (a video: four stills, one per clip).
     */
    void progress(JobRun run, int percent, int progressIndex) {
        Job job = run.job();
        boolean withPicture = progressIndex > 0 || !job.model().current();
        List<ObjectNode> pictures;
        if (!withPicture) {
            pictures = List.of();
        } else if (job.kind() == JobKind.VIDEO) {
            pictures = videos.steps(job, 2 * (progressIndex - 1));
        } else {
            // A button job's preview is an ephemeral attachment, as its message is (the 2026 capture).
            String filename = JobMessages.previewFilename(job);
            pictures = List.of(run.progressEphemeral()
                    ? cdn.attachEphemeral(job.channel().id(), filename, job.previewRecipe(percent))
                    : cdn.attach(job.channel().id(), filename, job.previewRecipe(percent)));
        }
        editProgress(run, message -> {
            // Discord's MESSAGE_UPDATE never repeats the nonce of the create.
            message.remove("nonce");
            message.put("content", JobMessages.progress(job, percent));
            ArrayNode attachments = message.putArray("attachments");
            pictures.forEach(attachments::add);
        });
    }

    void paused(JobRun run) {
        editProgress(run, message -> {
            message.remove("nonce");
            message.put("content", JobMessages.paused(run.job()));
        });
    }

    /** Cancel Job: the progress message says "(Stopped)" and loses its button; nothing else follows. */
    void stopped(JobRun run) {
        if (!run.hasStarted()) {
            return;
        }
        editProgress(run, message -> {
            message.remove("nonce");
            message.put("content", JobMessages.stopped(run.job()));
            message.putArray("components");
        });
    }

    /** Steps 3 and 4: the result comes with its file and buttons, then the progress message goes. */
    void finish(JobRun run) {
        Job job = run.job();
        List<ObjectNode> files = switch (job.kind().shape()) {
            case VIDEO -> List.of(videos.animation(job));
            case VIDEO_CLIP -> List.of(videos.clip(job));
            default -> {
                // Midjourney's CDN has the pictures as soon as the result is posted, under the job's hash.
                midjourneyFiles.publish(job.hash(), job.resultRecipe());
                yield List.of(cdn.attach(job.channel().id(), JobMessages.resultFilename(job), job.resultRecipe()));
            }
        };
        ObjectNode result = JobMessages.resultMessage(job, files, run.progressMessageId());
        // Booked and charged before anyone can see the result and press its buttons.
        result.put("id", snowflakes.next());
        book.finished(job, result);
        usage.charge(job);
        publisher.create(job.channel(), result);
        deleteProgress(run);
    }

    /** The output filter stopped the job after it started. */
    void filtered(JobRun run) {
        if (run.hasStarted()) {
            deleteProgress(run);
        }
        errors.post(run.job().origin(), ErrorKind.OUTPUT_FILTERED);
    }

    private void editProgress(JobRun run, Consumer<ObjectNode> edit) {
        Job job = run.job();
        if (run.progressEphemeral()) {
            ephemerals.update(job.user(), run.progressMessageId(), edit);
        } else {
            publisher.update(job.channel(), run.progressMessageId(), edit);
        }
    }

    private void deleteProgress(JobRun run) {
        if (run.progressEphemeral()) {
            ephemerals.delete(run.job().user(), run.progressMessageId());
        } else {
            publisher.delete(run.job().channel(), run.progressMessageId());
        }
    }
}
