package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

import dev.mjbridge.MjBridgeApplication;

/** mj.images.* bound as at start-up: defaults, valid values, and refusals naming the key. */
class ImageSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(ImageStoreConfiguration.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ImageProperties images = context.getBean(ImageProperties.class);
            assertThat(images).isEqualTo(ImageProperties.defaults());
            assertThat(images.store()).isEqualTo(ImageProperties.Store.LOCAL);
            assertThat(images.url()).isEqualTo(ImageProperties.Url.STORED);
            assertThat(images.dir()).isEqualTo("./data/images");
            assertThat(images.publicBaseUrl()).isNull();
            assertThat(images.requireSecret()).isFalse();
            assertThat(images.maxBytesPerImage()).isEqualTo(DataSize.ofMegabytes(32));
            assertThat(images.maxAge()).as("kept forever").isNull();
            assertThat(images.maxBytes()).as("no size limit").isNull();
            assertThat(images.retentionInterval()).isEqualTo(Duration.ofHours(24));
            assertThat(images.healthProbeInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(context.getBean(ImageStore.class)).isInstanceOf(LocalImageStore.class);
        });
    }

    @Test
    void validValuesBind(@TempDir Path dir) {
        runner.withPropertyValues("mj.images.store=local", "mj.images.url=midjourney", "mj.images.dir=" + dir,
                "mj.images.public-base-url=https://mj.example.com/", "mj.images.require-secret=true",
                "mj.images.max-bytes-per-image=5MB", "mj.images.max-age=30d", "mj.images.max-bytes=20GB",
                "mj.images.retention-interval=6h", "mj.images.health-probe-interval=10s").run(context -> {
            assertThat(context).hasNotFailed();
            ImageProperties images = context.getBean(ImageProperties.class);
            assertThat(images.maxAge()).isEqualTo(Duration.ofDays(30));
            assertThat(images.maxBytes()).isEqualTo(DataSize.ofGigabytes(20));
            assertThat(images.retentionInterval()).isEqualTo(Duration.ofHours(6));
            assertThat(images.healthProbeInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(images.url()).isEqualTo(ImageProperties.Url.MIDJOURNEY);
            assertThat(images.requireSecret()).isTrue();
            assertThat(images.maxBytesPerImage()).isEqualTo(DataSize.ofMegabytes(5));
            assertThat(((LocalImageStore) context.getBean(ImageStore.class)).root()).isEqualTo(dir.toAbsolutePath());
        });
    }

    @Test
    void withStoreNoneThereIsNoStoreAndTheLinksAreDiscords() {
        runner.withPropertyValues("mj.images.store=none").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ImageStore.class);
            assertThat(context.getBean(ImageProperties.class).url()).isEqualTo(ImageProperties.Url.DISCORD);
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            mj.images.store                | ftp              | ftp
            mj.images.url                  | cdn              | cdn
            mj.images.public-base-url      | mj.example.com   | must be an absolute http or https URL
            mj.images.public-base-url      | ftp://x.example  | must be an absolute http or https URL
            mj.images.max-bytes-per-image  | 0                | must be at least 1B
            mj.images.max-bytes-per-image  | -1MB             | must be at least 1B
            mj.images.max-bytes-per-image  | lots             | lots
            mj.images.require-secret       | maybe            | maybe
            mj.images.store                | s3               | s3 is not available yet
            mj.images.max-age              | 0s               | must be longer than zero
            mj.images.max-age              | -1d              | must be longer than zero
            mj.images.max-age              | a month          | a month
            mj.images.max-bytes            | 0                | must be at least 1B
            mj.images.max-bytes            | plenty           | plenty
            mj.images.retention-interval   | 0s               | must be longer than zero
            mj.images.retention-interval   | daily            | daily
            mj.images.health-probe-interval | -5s             | must be longer than zero
            """)
    void aBadValueStopsStartUpNamingTheKeyAndTheReason(String key, String value, String reason) {
        runner.withPropertyValues(key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messagesOf(context.getStartupFailure())).contains(key).contains(reason);
        });
    }

    @Test
    void theBookkeepingBeansExistExactlyWhenThereIsAStore(@TempDir Path dir) {
        ApplicationContextRunner withBookkeeping = runner
                .withPropertyValues("mj.images.dir=" + dir)
                .withUserConfiguration(StoredImagesConfiguration.class)
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:image-settings", "sa", ""));

        withBookkeeping.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(StoredImageIndex.class).hasSingleBean(ImageRetention.class)
                    .hasSingleBean(ImageStoreHealth.class).hasBean("imageStoreHealthIndicator");
        });
        for (String none : new String[] {"none", "NONE", "None"}) {
            withBookkeeping.withPropertyValues("mj.images.store=" + none).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(StoredImageIndex.class).doesNotHaveBean(ImageRetention.class)
                        .doesNotHaveBean(ImageStoreHealth.class).doesNotHaveBean("imageStoreHealthIndicator");
            });
        }
    }

    @Test
    void storedLinksNeedAStore() {
        runner.withPropertyValues("mj.images.store=none", "mj.images.url=stored").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messagesOf(context.getStartupFailure()))
                    .contains("mj.images.url", "cannot be 'stored' while mj.images.store is 'none'");
        });
    }

    /** The real application, as an operator starts it: no pretend S3 store. */
    @Test
    void theApplicationDoesNotStartWithS3() {
        assertThatThrownBy(() -> SpringApplication.run(MjBridgeApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:image-settings", "--mj.sandbox.enabled=true",
                "--mj.images.store=s3"))
                .satisfies(failure -> assertThat(messagesOf(failure))
                        .contains("mj.images.store", "s3 is not available yet"));
    }

    private static String messagesOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" / ", messages);
    }
}
