package dev.mjbridge.task.images;

import java.time.Clock;
import java.util.List;

import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.images.ImageStoreHealth;
import dev.mjbridge.images.StoredImageIndex;

/**
 * What the store's other users learn from each copy: the index of stored files (which retention
 * prunes from, and which survives restarts) and the store's health on {@code /actuator/health}. A
 * failed download says nothing about the store, so only a store fault turns the health DOWN.
 */
final class StoreBookkeeping implements KeepOutcomes {

    private final StoredImageIndex index;
    private final ImageStoreHealth health;
    private final Clock clock;

    StoreBookkeeping(StoredImageIndex index, ImageStoreHealth health, Clock clock) {
        this.index = index;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public void stored(String taskId, List<ImageInfo> files) {
        index.record(taskId, files, clock.millis());
        health.recordSuccess();
    }

    @Override
    public void failed(String taskId, String reason, boolean storeFault) {
        if (storeFault) {
            health.recordFailure(reason);
        }
    }
}
