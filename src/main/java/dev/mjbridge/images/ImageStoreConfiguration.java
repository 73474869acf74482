package dev.mjbridge.images;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mjbridge.config.InvalidSettingException;

/**
 * Builds the {@link ImageStore} {@code mj.images.store} names. With {@code none} there is no store
 * bean at all (readers take it as optional).
 * <p>
 * With {@code s3}, settings that cannot work (no bucket, a malformed value) stop start-up, but a
 * bucket that does not answer does not: it is logged, and every store call fails until it answers,
 * which tasks survive by keeping Discord's links. A storage outage should not take the API down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ImageProperties.class, S3ImageProperties.class})
public class ImageStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ImageStoreConfiguration.class);

    @Bean
    @ConditionalOnProperty(prefix = "mj.images", name = "store", havingValue = "local", matchIfMissing = true)
    ImageStore localImageStore(ImageProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
        return metered(new LocalImageStore(Path.of(properties.dir()), properties.maxBytesPerImage().toBytes()),
                meterRegistry);
    }

    @Bean
    @ConditionalOnProperty(prefix = "mj.images", name = "store", havingValue = "s3")
    ImageStore s3ImageStore(ImageProperties properties, S3ImageProperties s3, ObjectProvider<MeterRegistry> meterRegistry) {
        if (s3.bucket() == null) {
            throw new InvalidSettingException("mj.images.s3.bucket", "is required when mj.images.store is s3");
        }
        S3ImageStore store = S3ImageStore.connect(s3, properties.maxBytesPerImage().toBytes());
        try {
            store.checkBucket();
            log.info("Images are stored in S3 bucket '{}'{}{}", s3.bucket(),
                    s3.prefix().isEmpty() ? "" : " under '" + s3.prefix() + "'",
                    s3.endpoint() == null ? "" : " at " + s3.endpoint());
        } catch (IOException e) {
            log.warn("The image store is not usable now; pictures of finished tasks are not kept until it is "
                    + "(tasks keep Discord's links meanwhile). {}", e.getMessage());
        }
        return metered(store, meterRegistry);
    }

    /** Timed when the application has a meter registry (a bare context, as in some tests, has none). */
    private static ImageStore metered(ImageStore store, ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry registry = meterRegistry.getIfAvailable();
        return registry == null ? store : new MeteredImageStore(store, registry);
    }
}
