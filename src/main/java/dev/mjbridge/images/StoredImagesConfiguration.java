package dev.mjbridge.images;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The bookkeeping beside the image store: the index of stored files, retention and the store's
 * health. Present only when there is a store ({@code mj.images.store} is not {@code none}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnImageStore.class)
public class StoredImagesConfiguration {

    @Bean
    StoredImageIndex storedImageIndex(DataSource dataSource) {
        return new StoredImageIndex(dataSource);
    }

    @Bean
    ImageRetention imageRetention(StoredImageIndex index, ImageStore store, ImageProperties properties,
                                  ObjectProvider<Clock> clock, ObjectProvider<PrunedImagesListener> listeners,
                                  ObjectProvider<ExclusiveRuns> exclusive) {
        return new ImageRetention(index, store, properties, clock.getIfAvailable(Clock::systemUTC),
                () -> listeners.orderedStream().toList(), exclusive.getIfAvailable(() -> ExclusiveRuns.ALWAYS));
    }

    /** The instances of a cluster share the index and the store: retention runs on one at a time. */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ExclusiveRuns databaseLockedRuns(DataSource dataSource) {
        return new DatabaseLockedRuns(dataSource);
    }

    @Bean
    ImageStoreHealth imageStoreHealth(ImageStore store, ImageProperties properties) {
        return new ImageStoreHealth(store, properties.healthProbeInterval());
    }

    /** The bean name makes the component's name: {@code imageStore}. */
    @Bean
    ImageStoreHealthIndicator imageStoreHealthIndicator(ImageStoreHealth health) {
        return new ImageStoreHealthIndicator(health);
    }
}
