package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

import dev.mjbridge.MjBridgeApplication;
import dev.mjbridge.testing.S3MockServer;

/** mj.images.* bound as at start-up: defaults, valid values, and refusals naming the key. */
@ExtendWith(OutputCaptureExtension.class)
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
            mj.images.s3.bucket            | My_Bucket        | must be a bucket name
            mj.images.s3.bucket            | ab               | must be a bucket name
            mj.images.s3.prefix            | /pictures        | must be folder names
            mj.images.s3.prefix            | a/../b           | must be folder names
            mj.images.s3.prefix            | a//b             | must be folder names
            mj.images.s3.prefix            | a b              | must be folder names
            mj.images.s3.region            | US East          | must be a region name
            mj.images.s3.endpoint          | minio:9000       | must be an absolute http or https URL
            mj.images.s3.endpoint          | s3.example.com   | must be an absolute http or https URL
            mj.images.s3.public-base-url   | ftp://x.example  | must be an absolute http or https URL
            mj.images.s3.path-style        | maybe            | maybe
            mj.images.s3.presign           | maybe            | maybe
            mj.images.s3.presign-ttl       | 0s               | must be longer than zero
            mj.images.s3.presign-ttl       | 8d               | must be at most 7d
            mj.images.s3.presign-ttl       | soon             | soon
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

    @Test
    void theS3DefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            S3ImageProperties s3 = context.getBean(S3ImageProperties.class);
            assertThat(s3).isEqualTo(S3ImageProperties.defaults());
            assertThat(s3.bucket()).isNull();
            assertThat(s3.prefix()).isEmpty();
            assertThat(s3.region()).isEqualTo("us-east-1");
            assertThat(s3.endpoint()).isNull();
            assertThat(s3.pathStyle()).isFalse();
            assertThat(s3.accessKey()).isNull();
            assertThat(s3.secretKey()).isNull();
            assertThat(s3.publicBaseUrl()).isNull();
            assertThat(s3.presign()).isFalse();
            assertThat(s3.presignTtl()).isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void withStoreS3TheStoreIsTheBucketAndItsSettingsBind(CapturedOutput output) {
        String endpoint = S3MockServer.shared().endpoint();
        runner.withPropertyValues("mj.images.store=s3", "mj.images.s3.bucket=" + S3MockServer.BUCKET,
                "mj.images.s3.prefix= pictures ", "mj.images.s3.region=auto", "mj.images.s3.endpoint=" + endpoint,
                "mj.images.s3.path-style=true", "mj.images.s3.access-key=" + S3MockServer.ACCESS_KEY,
                "mj.images.s3.secret-key=" + S3MockServer.SECRET_KEY,
                "mj.images.s3.public-base-url=https://cdn.example.com/mj/", "mj.images.s3.presign=true",
                "mj.images.s3.presign-ttl=7d").run(context -> {
            assertThat(context).hasNotFailed();
            S3ImageProperties s3 = context.getBean(S3ImageProperties.class);
            assertThat(s3.prefix()).isEqualTo("pictures/");
            assertThat(s3.region()).isEqualTo("auto");
            assertThat(s3.pathStyle()).isTrue();
            assertThat(s3.presign()).isTrue();
            assertThat(s3.presignTtl()).isEqualTo(Duration.ofDays(7));
            assertThat(s3.toString()).contains(S3MockServer.ACCESS_KEY).doesNotContain(S3MockServer.SECRET_KEY);
            ImageStore store = context.getBean(ImageStore.class);
            assertThat(store).isInstanceOf(S3ImageStore.class);
            assertThat(store.publicUrl(new ImageKey("1", "0_0.png")))
                    .contains("https://cdn.example.com/mj/pictures/1/0_0.png");
            assertThat(store.toString()).doesNotContain(S3MockServer.SECRET_KEY);
        });
        assertThat(output.getOut()).contains("Images are stored in S3 bucket '" + S3MockServer.BUCKET + "' under 'pictures/'");
    }

    @Test
    void withStoreS3ABucketIsRequired() {
        runner.withPropertyValues("mj.images.store=s3").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messagesOf(context.getStartupFailure()))
                    .contains("mj.images.s3.bucket", "is required when mj.images.store is s3");
        });
    }

    @Test
    void aKeyWithoutItsPartnerIsRefusedWithoutShowingTheSecret() {
        runner.withPropertyValues("mj.images.s3.secret-key=" + S3MockServer.SECRET_KEY).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messagesOf(context.getStartupFailure()))
                    .contains("mj.images.s3.access-key", "must be set together with mj.images.s3.secret-key")
                    .doesNotContain(S3MockServer.SECRET_KEY);
        });
        runner.withPropertyValues("mj.images.s3.access-key=AKIAEXAMPLE").run(context -> assertThat(
                messagesOf(context.getStartupFailure())).contains("mj.images.s3.secret-key", "must be set together"));
    }

    /** A bucket that does not answer is an outage, not a setting: start-up goes on and says so, without secrets. */
    @Test
    void aStoreThatIsDownIsLoggedButDoesNotStopStartUp(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        runner.withPropertyValues("mj.images.store=s3", "mj.images.s3.bucket=down-bucket",
                "mj.images.s3.endpoint=http://127.0.0.1:" + closed, "mj.images.s3.path-style=true",
                "mj.images.s3.access-key=" + S3MockServer.ACCESS_KEY,
                "mj.images.s3.secret-key=" + S3MockServer.SECRET_KEY).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ImageStore.class)).isInstanceOf(S3ImageStore.class);
        });
        assertThat(output.getOut()).contains("The image store is not usable now", "HeadBucket", "down-bucket",
                "http://127.0.0.1:" + closed).doesNotContain(S3MockServer.SECRET_KEY);
    }

    /** The real application, as an operator starts it: no S3 store without a bucket, no secret in the report. */
    @Test
    void theApplicationDoesNotStartWithS3WithoutABucket(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(MjBridgeApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:image-settings", "--mj.sandbox.enabled=true",
                "--mj.images.store=s3"))
                .satisfies(failure -> assertThat(messagesOf(failure))
                        .contains("mj.images.s3.bucket", "is required when mj.images.store is s3"));
        assertThatThrownBy(() -> SpringApplication.run(MjBridgeApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:image-settings-2", "--mj.sandbox.enabled=true",
                "--mj.images.store=s3", "--mj.images.s3.bucket=b-1", "--mj.images.s3.secret-key=" + S3MockServer.SECRET_KEY))
                .satisfies(failure -> assertThat(messagesOf(failure)).contains("mj.images.s3.access-key"));
        assertThat(output.getAll()).doesNotContain(S3MockServer.SECRET_KEY);
    }

    private static String messagesOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" / ", messages);
    }
}
