package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.Cdn;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.Snowflakes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages of one job's life, step by step: start, progress, result (or the output
 * filter's stop). {@link JobScheduler} decides when each step happens.
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

    JobLifecycle(MessagePublisher publisher, EphemeralMessages ephemerals, ErrorEmbeds errors, Cdn cdn, JobBook book,
                 UsageLedger usage, Snowflakes snowflakes) {
        this.snowflakes = snowflakes;
        this.publisher = publisher;
        this.ephemerals = ephemerals;
        this.errors = errors;
        this.cdn = cdn;
        this.book = book;
        this.usage = usage;
    }

    /** The job waits for a free slot: the yellow "Job queued" answer. */
    void queued(Job job, int running) {
        ephemerals.post(job.channel(), job.user(), JobMessages.queuedMessage(job, running));
    }

    /** Step 1: the "(Waiting to start)" message. */
    void begin(JobRun run) {
        ObjectNode created = publisher.create(run.job().channel(), JobMessages.startMessage(run.job(), !run.waitedInQueue()));
        run.started(created.get("id").asString());
    }

    /** Step 2: the same message edited to show progress, with a blurry preview. */
    void progress(JobRun run, int percent) {
        Job job = run.job();
        ObjectNode preview = cdn.attach(job.channel().id(), JobMessages.previewFilename(job), job.previewRecipe(percent));
        publisher.update(job.channel(), run.progressMessageId(), message -> {
            // Discord's MESSAGE_UPDATE never repeats the nonce of the create.
            message.remove("nonce");
            message.put("content", JobMessages.progress(job, percent));
            message.putArray("attachments").add(preview);
        });
    }

    void paused(JobRun run) {
        publisher.update(run.job().channel(), run.progressMessageId(),
                message -> message.put("content", JobMessages.paused(run.job())));
    }

    /** Steps 3 and 4: the progress message goes, the result comes with its image and buttons. */
    void finish(JobRun run) {
        Job job = run.job();
        publisher.delete(job.channel(), run.progressMessageId());
        ObjectNode image = cdn.attach(job.channel().id(), JobMessages.resultFilename(job), job.resultRecipe());
        ObjectNode result = JobMessages.resultMessage(job, image);
        // Booked and charged before anyone can see the result and press its buttons.
        result.put("id", snowflakes.next());
        book.finished(job, result);
        usage.charge(job);
        publisher.create(job.channel(), result);
    }

    /** The output filter stopped the job after it started. */
    void filtered(JobRun run) {
        if (run.hasStarted()) {
            publisher.delete(run.job().channel(), run.progressMessageId());
        }
        errors.post(run.job().origin(), ErrorKind.OUTPUT_FILTERED);
    }
}
