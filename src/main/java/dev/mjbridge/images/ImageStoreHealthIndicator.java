package dev.mjbridge.images;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Component {@code imageStore} of {@code GET /actuator/health}: UP while the store's last write
 * worked (or none was tried yet), DOWN after one failed, with the reason as the status's
 * description (details stay hidden, so the reason is all it shows).
 */
public final class ImageStoreHealthIndicator implements HealthIndicator {

    private final ImageStoreHealth health;

    public ImageStoreHealthIndicator(ImageStoreHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        return health.failure()
                .map(reason -> Health.status(new Status(Status.DOWN.getCode(), reason)).build())
                .orElseGet(() -> Health.up().build());
    }
}
