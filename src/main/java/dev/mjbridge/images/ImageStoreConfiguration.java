package dev.mjbridge.images;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mjbridge.config.InvalidSettingException;

/**
 * Builds the {@link ImageStore} {@code mj.images.store} names. With {@code none} there is no store
 * bean at all (readers take it as optional). {@code s3} stops start-up: pretending to keep pictures
 * while losing them would be worse than saying it is not there yet.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImageProperties.class)
public class ImageStoreConfiguration {

    ImageStoreConfiguration(ImageProperties properties) {
        if (properties.store() == ImageProperties.Store.S3) {
            throw new InvalidSettingException("mj.images.store",
                    "s3 is not available yet; use local (files under mj.images.dir) or none");
        }
    }

    @Bean
    @ConditionalOnProperty(prefix = "mj.images", name = "store", havingValue = "local", matchIfMissing = true)
    ImageStore localImageStore(ImageProperties properties) {
        return new LocalImageStore(Path.of(properties.dir()), properties.maxBytesPerImage().toBytes());
    }
}
