package dev.mjbridge.task.images;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.task.ImageFields;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.task.TaskStore;
import dev.mjbridge.task.TaskTransitions;
import dev.mjbridge.task.TaskWriter;

/**
 * Tries again, later, the stored copy of a picture that could not be kept when its task finished
 * (the task meanwhile shows Discord's link and {@code imageStoreError}): with growing delays
 * ({@link KeepRetryProperties}), from the task store, so a restart loses none. Discord's link may
 * have expired by then; the copy reads the result message again for a fresh one. Once stored, the
 * finished task gets its stored links.
 */
final class PictureRetries implements KeepOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PictureRetries.class);
    /** Retries started per run: the rest wait for the next run rather than flood the store that just failed. */
    private static final int PER_RUN = 20;

    private final RetryQueue queue;
    private final PictureCopies copies;
    private final TaskWriter writer;
    private final TaskStore tasks;
    private final KeepRetryProperties settings;
    private final KeepOutcomes others;
    private final Clock clock;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** @param others told of the outcome of each retry too (the index of stored files, the store's health) */
    PictureRetries(RetryQueue queue, PictureCopies copies, TaskWriter writer, TaskStore tasks,
                   KeepRetryProperties settings, KeepOutcomes others, Clock clock) {
        this.queue = queue;
        this.copies = copies;
        this.writer = writer;
        this.tasks = tasks;
        this.settings = settings;
        this.others = others;
        this.clock = clock;
    }

    @Override
    public void stored(String taskId, List<ImageInfo> files) {
        // Nothing to try again.
    }

    @Override
    public void failed(String taskId, String reason, boolean storeFault) {
        queue.schedule(taskId, 0, clock.millis() + settings.delayBefore(1).toMillis(), reason);
    }

    /** Starts the retries that are due; each finishes on its own. */
    void runDue() {
        for (RetryQueue.Entry entry : queue.due(clock.millis(), PER_RUN)) {
            if (running.add(entry.taskId())) {
                retry(entry);
            }
        }
    }

    private void retry(RetryQueue.Entry entry) {
        String taskId = entry.taskId();
        Optional<Task> found = tasks.findById(taskId).filter(PictureRetries::stillWithoutCopy);
        if (found.isEmpty()) {
            queue.remove(taskId);
            running.remove(taskId);
            return;
        }
        Task task = found.get();
        String discordUrl = task.properties().extraValue(TaskTransitions.DISCORD_IMAGE_URL).toString();
        int attempt = entry.attempts() + 1;
        copies.copy(task, discordUrl, task.properties().messageId(), ResultShape.isGrid(task.buttons()))
                .whenComplete((copy, error) -> {
                    try {
                        if (error == null) {
                            writer.changeFinished(taskId, t -> ImageFields.withStoredCopy(t, copy.imageUrl(), copy.pictures()));
                            queue.remove(taskId);
                            log.info("task {}: its picture is stored now (attempt {})", taskId, attempt);
                            others.stored(taskId, copy.files());
                        } else {
                            PictureCopies.Failure failure = PictureCopies.Failure.of(error);
                            giveUpOrWait(taskId, attempt, failure.reason());
                            others.failed(taskId, failure.reason(), failure.storeFault());
                        }
                    } finally {
                        running.remove(taskId);
                    }
                });
    }

    private void giveUpOrWait(String taskId, int attempt, String reason) {
        if (attempt >= settings.attempts()) {
            queue.remove(taskId);
            log.warn("task {}: gave up storing its picture after {} attempts ({}); it keeps Discord's link",
                    taskId, attempt, reason);
            return;
        }
        long next = clock.millis() + settings.delayBefore(attempt + 1).toMillis();
        queue.schedule(taskId, attempt, next, reason);
        log.info("task {}: storing its picture failed again ({}); attempt {} of {} in {} s", taskId, reason,
                attempt + 1, settings.attempts(), settings.delayBefore(attempt + 1).toSeconds());
    }

    /** A finished task showing Discord's link because its copy failed (not pruned, not stored meanwhile). */
    private static boolean stillWithoutCopy(Task task) {
        return task.status() == TaskStatus.SUCCESS
                && task.properties().extraValue(TaskTransitions.DISCORD_IMAGE_URL) != null
                && task.properties().extraValue(TaskTransitions.IMAGE_STORE_ERROR) != null;
    }
}
