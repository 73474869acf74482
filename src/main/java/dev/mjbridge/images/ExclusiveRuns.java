package dev.mjbridge.images;

import java.time.Duration;

/**
 * Runs a periodic job on one instance at a time. A single instance always runs it ({@link #ALWAYS});
 * the instances of a cluster share the image index and store, so there a lock in the shared database
 * decides, and an instance that does not get it skips the round.
 */
@FunctionalInterface
public interface ExclusiveRuns {

    ExclusiveRuns ALWAYS = (name, every, job) -> job.run();

    /**
     * Runs {@code job} now unless another instance runs {@code name} or ran it less than half of
     * {@code every} ago; a run that hangs holds the lock for {@code every} at most.
     */
    void run(String name, Duration every, Runnable job);
}
