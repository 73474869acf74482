package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.Snowflakes;
import dev.mjbridge.sandbox.world.World;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Seeds and /show: a ✉️ reaction on a job's result makes the bot DM the job id and
 * seed; /show reposts a finished job's result (buttons included) in the channel.
 */
@Component
class SeedHandler {

    private static final String ENVELOPE = "✉";

    private final JobBook book;
    private final World world;
    private final MessagePublisher publisher;
    private final ErrorEmbeds errors;
    private final Snowflakes snowflakes;

    SeedHandler(JobBook book, World world, MessagePublisher publisher, ErrorEmbeds errors, Snowflakes snowflakes) {
        this.snowflakes = snowflakes;
        this.book = book;
        this.world = world;
        this.publisher = publisher;
        this.errors = errors;
    }

    void reacted(SandboxUser user, ObjectNode message, String emoji) {
        // Clients send the envelope with or without the emoji variation selector.
        if (emoji == null || !emoji.replace("\uFE0F", "").equals(ENVELOPE)) {
            return;
        }
        book.byMessageId(message.path("id").asString(null)).ifPresent(finished -> {
            Job job = finished.job();
            Channel dm = world.dmChannelOf(user);
            ObjectNode reply = BotMessages.base(job.app(), user);
            reply.put("content", "**Job ID**: " + job.hash() + "\n**seed** " + job.seed());
            publisher.create(dm, reply);
        });
    }

    Decision show(Interaction command) {
        String jobId = CommandOptions.string(command.data(), "job_id").orElse("").strip();
        Optional<JobBook.Finished> finished = book.finished(jobId)
                .filter(f -> f.job().user().id().equals(command.user().id()));
        if (finished.isEmpty()) {
            return Decision.success(() -> errors.post(command, ErrorKind.JOB_NOT_FOUND,
                    "No job of yours has the id `" + jobId + "`."));
        }
        return Decision.success(() -> repost(command, finished.get()));
    }

    private void repost(Interaction command, JobBook.Finished finished) {
        ObjectNode message = BotMessages.base(finished.job().app(), command.user());
        message.put("content", finished.message().path("content").asString(""));
        message.set("attachments", finished.message().path("attachments").deepCopy());
        message.set("components", finished.message().path("components").deepCopy());
        BotMessages.answering(message, command, true);
        String id = snowflakes.next();
        message.put("id", id);
        book.alsoShownIn(id, finished.job().hash());
        publisher.create(command.channel(), message);
    }
}
