package dev.mjbridge.images;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes stored pictures by the rules of {@code mj.images.max-age} and {@code mj.images.max-bytes}:
 * first every task stored longer ago than the maximum age, then, while the store still holds more
 * than the maximum size, the oldest tasks. A task's files go together. Runs a minute after start,
 * then every {@code mj.images.retention-interval}, on a daemon thread of its own; {@link #runNow()}
 * runs it at once. With neither rule set it never runs: pictures are kept forever.
 * <p>
 * A pruned task's files are deleted from the store before its rows leave the index, so a failure
 * in between leaves the rows, and the next run deletes what is left (a file already gone is fine).
 * A task that cannot be pruned is logged and skipped; the run goes on with the others.
 */
public final class ImageRetention implements SmartLifecycle {

    /** Long enough to stay out of start-up's way, short enough that a full disk is relieved soon. */
    static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(1);
    /** Tasks read from the index at a time. */
    private static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(ImageRetention.class);

    private final StoredImageIndex index;
    private final ImageStore store;
    private final Optional<Duration> maxAge;
    private final Optional<Long> maxBytes;
    private final Duration interval;
    private final Clock clock;
    private final Supplier<? extends Collection<PrunedImagesListener>> listeners;
    /** Guards the scheduler only, so stopping never waits for a run that holds the instance's lock. */
    private final Object lifecycle = new Object();
    private volatile ScheduledExecutorService scheduler;
    private final ExclusiveRuns exclusive;

    /**
     * @param listeners read on every pruned task, so listeners created after this (the task engine,
     *                  which may itself depend on the images beans) are told too
     */
    public ImageRetention(StoredImageIndex index, ImageStore store, ImageProperties settings, Clock clock,
                          Supplier<? extends Collection<PrunedImagesListener>> listeners) {
        this(index, store, settings, clock, listeners, ExclusiveRuns.ALWAYS);
    }

    /** @param exclusive whether this instance runs a scheduled round now (in a cluster, one instance does) */
    public ImageRetention(StoredImageIndex index, ImageStore store, ImageProperties settings, Clock clock,
                          Supplier<? extends Collection<PrunedImagesListener>> listeners, ExclusiveRuns exclusive) {
        this.exclusive = exclusive;
        this.index = index;
        this.store = store;
        this.maxAge = Optional.ofNullable(settings.maxAge());
        this.maxBytes = Optional.ofNullable(settings.maxBytes()).map(size -> size.toBytes());
        this.interval = settings.retentionInterval();
        this.clock = clock;
        this.listeners = listeners;
    }

    /** Whether any rule is set; without one, nothing is ever pruned. */
    public boolean hasRules() {
        return maxAge.isPresent() || maxBytes.isPresent();
    }

    /**
     * Applies both rules now and answers what was pruned, in the order it was. Runs one at a time:
     * a call while the scheduled run works waits for it.
     */
    public synchronized List<PrunedTask> runNow() {
        List<PrunedTask> pruned = new ArrayList<>();
        // Tasks that failed in this run: skipped from then on, so one stuck task cannot stall the run.
        Set<String> failed = new HashSet<>();
        maxAge.ifPresent(age -> pruneOlderThan(age, pruned, failed));
        maxBytes.ifPresent(limit -> pruneOver(limit, pruned, failed));
        return pruned;
    }

    private void pruneOlderThan(Duration age, List<PrunedTask> pruned, Set<String> failed) {
        long before = clock.millis() - age.toMillis();
        PruneReason reason = new PruneReason.OlderThan(age);
        while (true) {
            List<String> due = index.tasksStoredBefore(before, BATCH + failed.size()).stream()
                    .filter(taskId -> !failed.contains(taskId))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            for (String taskId : due) {
                prune(taskId, reason).ifPresentOrElse(pruned::add, () -> failed.add(taskId));
            }
        }
    }

    private void pruneOver(long limit, List<PrunedTask> pruned, Set<String> failed) {
        long total = index.totalBytes();
        PruneReason reason = new PruneReason.OverMaxBytes(limit);
        while (total > limit) {
            List<TaskBytes> oldest = index.oldestTasks(BATCH + failed.size()).stream()
                    .filter(task -> !failed.contains(task.taskId()))
                    .toList();
            if (oldest.isEmpty()) {
                return;
            }
            for (TaskBytes task : oldest) {
                if (total <= limit) {
                    return;
                }
                Optional<PrunedTask> done = prune(task.taskId(), reason);
                if (done.isPresent()) {
                    pruned.add(done.get());
                    total -= done.get().bytes();
                } else {
                    failed.add(task.taskId());
                }
            }
        }
    }

    /** Deletes one task's files and rows and tells the listeners; empty when it failed (logged). */
    private Optional<PrunedTask> prune(String taskId, PruneReason reason) {
        PrunedTask done;
        try {
            List<String> files = index.filesOf(taskId);
            long bytes = index.bytesOf(taskId);
            for (String file : files) {
                // false: the file was already gone, which is what we want anyway.
                store.delete(new ImageKey(taskId, file));
            }
            index.forget(taskId);
            done = new PrunedTask(taskId, files.size(), bytes, reason);
        } catch (IOException | RuntimeException e) {
            log.warn("could not prune the stored images of task {} ({}); trying again on the next run: {}",
                    taskId, reason.describe(), e.toString());
            return Optional.empty();
        }
        log.info("pruned stored images of task {} ({} files, {} bytes): {}", taskId, done.files(), done.bytes(),
                reason.describe());
        for (PrunedImagesListener listener : listeners.get()) {
            try {
                listener.pruned(taskId);
            } catch (RuntimeException e) {
                log.warn("a listener failed on the pruned images of task {}", taskId, e);
            }
        }
        return Optional.of(done);
    }

    /** Schedules the runs (when a rule is set) on a daemon thread of its own. */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null || !hasRules()) {
                return;
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "image-retention");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::runLogged, FIRST_RUN_DELAY.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        log.info("stored images: retention runs every {}{}{}", CompactDuration.of(interval),
                maxAge.map(age -> ", pruning after " + CompactDuration.of(age)).orElse(""),
                maxBytes.map(limit -> ", keeping at most " + limit + " bytes").orElse(""));
    }

    /**
     * A scheduled run: what escapes is logged, so the next run still happens. In a cluster, where the
     * instances share the index and the store, only one of them runs it at a time ({@link ExclusiveRuns}).
     */
    private void runLogged() {
        try {
            exclusive.run("mj-image-retention", interval, this::runNow);
        } catch (RuntimeException e) {
            log.warn("stored image retention failed; it runs again in {}", CompactDuration.of(interval), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (lifecycle) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            // No interrupt: a run in progress finishes its task (an interrupted file or database
            // write helps nobody), and as a daemon thread it holds up no exit.
            running.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
