package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.mjbridge.testing.Waits;

/**
 * The image store's health: what callers report, the probe, and the component the health
 * endpoint shows. The store is a real local one whose folder the test blocks with a plain file
 * (a folder made read-only would not stop a test running as root).
 */
class ImageStoreHealthTest {

    private static final Duration PROBE_EVERY = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private ImageStoreHealth health;

    @AfterEach
    void stop() {
        if (health != null) {
            health.stop();
        }
    }

    private Path root() {
        return dir.resolve("images");
    }

    private ImageStoreHealth healthOf(Path root) {
        health = new ImageStoreHealth(new LocalImageStore(root, 1024), PROBE_EVERY);
        return health;
    }

    private Health shown() {
        return new ImageStoreHealthIndicator(health).health();
    }

    @Test
    void upUntilSomethingFailsThenDownWithTheReasonUntilASuccess() {
        healthOf(root());
        assertThat(shown().getStatus()).isEqualTo(Status.UP);

        health.recordFailure("writing 1732800000000001/0_0.png failed: AccessDeniedException");

        assertThat(shown().getStatus()).isEqualTo(Status.DOWN);
        assertThat(shown().getStatus().getDescription())
                .isEqualTo("writing 1732800000000001/0_0.png failed: AccessDeniedException");
        assertThat(health.failure()).isPresent();

        health.recordSuccess();

        assertThat(shown().getStatus()).isEqualTo(Status.UP);
        assertThat(shown().getStatus().getDescription()).isEmpty();
    }

    @Test
    void aLongReasonIsCutAndABlankOneIsReplaced() {
        healthOf(root());

        health.recordFailure("x".repeat(1000));
        assertThat(health.failure().orElseThrow()).hasSize(ImageStoreHealth.MAX_REASON_LENGTH + 3);

        health.recordFailure(" ");
        assertThat(health.failure()).contains("the store could not be written");
    }

    @Test
    void theProbeWritesAndDeletesItsFileUnderTheReservedKey() {
        healthOf(root());

        assertThat(health.probe()).isTrue();

        assertThat(ImageStoreHealth.PROBE_KEY.toString()).isEqualTo("0/probe.png");
        assertThat(root().resolve("0/probe.png")).doesNotExist();
        assertThat(shown().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aStoreThatCannotBeWrittenIsDownFromTheFirstProbeAndUpOnceRepaired() throws IOException {
        Files.writeString(root(), "a file where the store's folder should be");
        healthOf(root()).start();

        Waits.await("the start-up probe to find the store down", Duration.ofSeconds(10))
                .until(() -> shown().getStatus(), Status.DOWN::equals);
        assertThat(shown().getStatus().getDescription()).startsWith("writing a probe file failed: ")
                .containsPattern("[A-Za-z]+Exception");

        Files.delete(root());

        Waits.await("a probe to find the store repaired", Duration.ofSeconds(10))
                .until(() -> shown().getStatus(), Status.UP::equals);
        assertThat(root().resolve("0/probe.png")).doesNotExist();
    }

    @Test
    void aFailureReportedByAWriterStartsProbingWhichFindsTheStoreWorking() throws IOException {
        Files.writeString(root(), "blocked until the first probe has run");
        healthOf(root()).start();
        Waits.await("the start-up probe to fail", Duration.ofSeconds(10))
                .until(() -> shown().getStatus(), Status.DOWN::equals);
        Files.delete(root());
        Waits.await("a probe to find the store working", Duration.ofSeconds(10))
                .until(() -> shown().getStatus(), Status.UP::equals);

        health.recordFailure("the download's write failed: IOException: No space left on device");
        assertThat(shown().getStatus()).isEqualTo(Status.DOWN);

        Waits.await("a probe to find the store working again", Duration.ofSeconds(10))
                .until(() -> shown().getStatus(), Status.UP::equals);
    }

    @Test
    void theStartUpProbeClearsAFailureOfAStoreThatWorks() {
        healthOf(root());
        health.recordFailure("reported before start");

        health.start();

        Waits.await("the start-up probe", Duration.ofSeconds(10)).until(() -> shown().getStatus(), Status.UP::equals);
        health.stop();
        assertThat(health.isRunning()).isFalse();
    }
}
