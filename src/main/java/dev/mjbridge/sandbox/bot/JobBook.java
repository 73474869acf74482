package dev.mjbridge.sandbox.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Every job the bot accepted, by job hash, and the finished ones also by the ids of
 * the messages that show them (the result, and /show reposts), so buttons, seeds and
 * /show find their job. Bounded, because a standalone sandbox may run for days.
 */
@Component
public class JobBook {

    /** A job with its result message. */
    public record Finished(Job job, String messageId, ObjectNode message) {
    }

    private static final long MAX_JOBS = 100_000;

    private final Cache<String, Job> jobs = Caffeine.newBuilder().maximumSize(MAX_JOBS).build();
    private final Cache<String, Finished> finished = Caffeine.newBuilder().maximumSize(MAX_JOBS).build();
    private final Cache<String, String> hashByMessageId = Caffeine.newBuilder().maximumSize(2 * MAX_JOBS).build();

    void accepted(Job job) {
        jobs.put(job.hash(), job);
    }

    void finished(Job job, ObjectNode message) {
        String messageId = message.get("id").asString();
        finished.put(job.hash(), new Finished(job, messageId, message.deepCopy()));
        hashByMessageId.put(messageId, job.hash());
    }

    /** Another message shows the same result (a /show repost): its buttons and ✉️ work too. */
    void alsoShownIn(String messageId, String hash) {
        hashByMessageId.put(messageId, hash);
    }

    public Optional<Job> job(String hash) {
        return Optional.ofNullable(hash == null ? null : jobs.getIfPresent(hash));
    }

    public Optional<Finished> finished(String hash) {
        return Optional.ofNullable(hash == null ? null : finished.getIfPresent(hash));
    }

    public Optional<Finished> byMessageId(String messageId) {
        return Optional.ofNullable(messageId == null ? null : hashByMessageId.getIfPresent(messageId))
                .flatMap(this::finished);
    }
}
