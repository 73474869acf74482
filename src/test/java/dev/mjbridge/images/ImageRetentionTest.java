package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.unit.DataSize;

/**
 * Retention on a real local store in a temporary folder and an H2 index, with a clock the test
 * moves: the age rule, the size rule, both, and what happens around a failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class ImageRetentionTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> told = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failingTasks = new HashSet<>();
    private LocalImageStore local;
    private ImageStore store;
    private StoredImageIndex index;
    private SingleConnectionDataSource dataSource;

    @BeforeEach
    void openStoreAndIndex() {
        dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:retention-" + System.nanoTime(), "sa", "", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        index = new StoredImageIndex(dataSource);
        local = new LocalImageStore(dir.resolve("images"), 1024 * 1024);
        store = new FailingDeletes(local, failingTasks);
    }

    @AfterEach
    void closeIndex() {
        dataSource.destroy();
    }

    private ImageRetention retention(String maxAge, String maxBytes) {
        ImageProperties settings = new ImageProperties(null, null, null, null, false, null,
                maxAge == null ? null : Duration.parse(maxAge),
                maxBytes == null ? null : DataSize.parse(maxBytes), null, null);
        return new ImageRetention(index, store, settings, clock, () -> List.of(told::add));
    }

    /** Stores {@code files} pictures of {@code bytes} each for the task, as stored {@code daysAgo} days before now. */
    private void stored(String taskId, double daysAgo, int files, int bytes) throws IOException {
        List<ImageInfo> infos = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            infos.add(local.put(new ImageKey(taskId, "0_" + i + ".png"), new ByteArrayInputStream(new byte[bytes])));
        }
        index.record(taskId, infos, NOW.toEpochMilli() - (long) (daysAgo * DAY));
    }

    private boolean onDisk(String taskId) {
        return local.exists(new ImageKey(taskId, "0_0.png"));
    }

    @Test
    void tasksOlderThanMaxAgeArePrunedWithTheirFilesAndRows(CapturedOutput output) throws IOException {
        stored("1001", 40, 4, 100);
        stored("1002", 31, 1, 50);
        stored("1003", 29, 2, 10);
        stored("1004", 0.1, 1, 10);

        List<PrunedTask> pruned = retention("P30D", null).runNow();

        PruneReason age = new PruneReason.OlderThan(Duration.ofDays(30));
        assertThat(pruned).containsExactly(new PrunedTask("1001", 4, 400, age), new PrunedTask("1002", 1, 50, age));
        assertThat(onDisk("1001")).isFalse();
        assertThat(local.exists(new ImageKey("1001", "0_3.png"))).isFalse();
        assertThat(dir.resolve("images/1001")).as("no empty folder left").doesNotExist();
        assertThat(onDisk("1002")).isFalse();
        assertThat(onDisk("1003")).isTrue();
        assertThat(onDisk("1004")).isTrue();
        assertThat(index.has("1001")).isFalse();
        assertThat(index.has("1003")).isTrue();
        assertThat(index.totalBytes()).isEqualTo(30);
        assertThat(output.getOut()).contains("pruned stored images of task 1001 (4 files, 400 bytes): older than 30d",
                "pruned stored images of task 1002 (1 files, 50 bytes): older than 30d");
    }

    @Test
    void asTimePassesTheNextRunPrunesWhatHasAgedSince() throws IOException {
        stored("1001", 29, 1, 10);
        ImageRetention retention = retention("P30D", null);
        assertThat(retention.runNow()).isEmpty();

        clock.advance(Duration.ofDays(2));

        assertThat(retention.runNow()).extracting(PrunedTask::taskId).containsExactly("1001");
        assertThat(onDisk("1001")).isFalse();
    }

    @Test
    void overMaxBytesTheOldestTasksArePrunedUntilTheTotalFits(CapturedOutput output) throws IOException {
        stored("1001", 5, 2, 300);
        stored("1002", 4, 1, 300);
        stored("1003", 3, 1, 300);
        stored("1004", 2, 1, 300);

        List<PrunedTask> pruned = retention(null, "700B").runNow();

        PruneReason over = new PruneReason.OverMaxBytes(700);
        assertThat(pruned).containsExactly(new PrunedTask("1001", 2, 600, over), new PrunedTask("1002", 1, 300, over));
        assertThat(index.totalBytes()).isEqualTo(600);
        assertThat(onDisk("1001")).isFalse();
        assertThat(onDisk("1002")).isFalse();
        assertThat(onDisk("1003")).isTrue();
        assertThat(onDisk("1004")).isTrue();
        assertThat(output.getOut())
                .contains("pruned stored images of task 1001 (2 files, 600 bytes): over mj.images.max-bytes");
    }

    @Test
    void theAgeRuleRunsFirstThenTheSizeRuleOnWhatIsLeft() throws IOException {
        stored("1001", 10, 1, 500);
        stored("1002", 6, 1, 500);
        stored("1003", 5, 1, 500);
        stored("1004", 1, 1, 500);

        List<PrunedTask> pruned = retention("P7D", "1000B").runNow();

        assertThat(pruned).containsExactly(
                new PrunedTask("1001", 1, 500, new PruneReason.OlderThan(Duration.ofDays(7))),
                new PrunedTask("1002", 1, 500, new PruneReason.OverMaxBytes(1000)));
        assertThat(index.totalBytes()).isEqualTo(1000);
        assertThat(onDisk("1003")).isTrue();
        assertThat(onDisk("1004")).isTrue();
    }

    @Test
    void withinBothLimitsOrWithoutRulesNothingIsPruned() throws IOException {
        stored("1001", 10, 2, 100);

        assertThat(retention("P30D", "1MB").runNow()).isEmpty();
        ImageRetention forever = retention(null, null);
        assertThat(forever.hasRules()).isFalse();
        assertThat(forever.runNow()).isEmpty();
        forever.start();
        assertThat(forever.isRunning()).as("without a rule nothing is scheduled").isFalse();

        assertThat(onDisk("1001")).isTrue();
        assertThat(index.totalBytes()).isEqualTo(200);
        assertThat(told).isEmpty();
    }

    @Test
    void everyListenerIsToldOncePerPrunedTask() throws IOException {
        stored("1001", 40, 4, 10);
        stored("1002", 35, 2, 10);
        stored("1003", 1, 1, 10);
        List<String> second = new ArrayList<>();
        ImageProperties settings = new ImageProperties(null, null, null, null, false, null, Duration.ofDays(30),
                DataSize.ofBytes(5), null, null);
        ImageRetention retention = new ImageRetention(index, store, settings, clock, () -> List.of(
                told::add,
                taskId -> {
                    throw new IllegalStateException("a broken listener");
                },
                second::add));

        retention.runNow();
        retention.runNow();

        assertThat(told).containsExactly("1001", "1002", "1003");
        assertThat(second).containsExactly("1001", "1002", "1003");
    }

    @Test
    void aFailedDeleteIsSkippedAndTheOthersArePruned(CapturedOutput output) throws IOException {
        stored("1001", 40, 1, 10);
        stored("1002", 39, 2, 10);
        stored("1003", 38, 1, 10);
        failingTasks.add("1002");
        ImageRetention retention = retention("P30D", null);

        assertThat(retention.runNow()).extracting(PrunedTask::taskId).containsExactly("1001", "1003");

        assertThat(index.has("1002")).as("kept for the next run").isTrue();
        assertThat(told).containsExactly("1001", "1003");
        assertThat(output.getOut()).contains("could not prune the stored images of task 1002");

        failingTasks.clear();
        assertThat(retention.runNow()).extracting(PrunedTask::taskId).containsExactly("1002");
        assertThat(local.exists(new ImageKey("1002", "0_1.png"))).isFalse();
        assertThat(index.has("1002")).isFalse();
    }

    @Test
    void aFailedDeleteDoesNotStopTheSizeRuleEither() throws IOException {
        stored("1001", 3, 1, 100);
        stored("1002", 2, 1, 100);
        stored("1003", 1, 1, 100);
        failingTasks.add("1001");

        List<PrunedTask> pruned = retention(null, "150B").runNow();

        // 1001 could not go, so the next oldest go instead until the total fits (1001's bytes still count).
        assertThat(pruned).extracting(PrunedTask::taskId).containsExactly("1002", "1003");
        assertThat(index.totalBytes()).isEqualTo(100);
        assertThat(onDisk("1001")).isTrue();
    }

    @Test
    void aFileAlreadyGoneFromTheStoreStillLetsTheTaskBePruned() throws IOException {
        stored("1001", 40, 2, 10);
        Files.delete(dir.resolve("images/1001/0_0.png"));

        assertThat(retention("P30D", null).runNow()).containsExactly(
                new PrunedTask("1001", 2, 20, new PruneReason.OlderThan(Duration.ofDays(30))));

        assertThat(local.exists(new ImageKey("1001", "0_1.png"))).isFalse();
        assertThat(index.has("1001")).isFalse();
    }

    @Test
    void manyTasksArePrunedAcrossBatches() throws IOException {
        for (int i = 0; i < 250; i++) {
            index.record(String.valueOf(5000 + i), List.of(new ImageInfo(new ImageKey(String.valueOf(5000 + i), "0_0.png"),
                    1, "image/png", NOW, "\"t\"")), NOW.toEpochMilli() - 40 * DAY + i);
        }

        assertThat(retention("P30D", null).runNow()).hasSize(250);
        assertThat(index.totalBytes()).isZero();
    }

    @Test
    void theScheduleStartsWithARuleAndStops() {
        ImageRetention retention = retention("P30D", null);

        retention.start();
        assertThat(retention.isRunning()).isTrue();
        retention.stop();

        assertThat(retention.isRunning()).isFalse();
    }

    /** Deletes through the local store, except for the tasks the test makes fail. */
    private record FailingDeletes(ImageStore delegate, Set<String> failingTasks) implements ImageStore {

        @Override
        public ImageInfo put(ImageKey key, InputStream content) throws IOException {
            return delegate.put(key, content);
        }

        @Override
        public Optional<StoredImage> open(ImageKey key) throws IOException {
            return delegate.open(key);
        }

        @Override
        public boolean exists(ImageKey key) {
            return delegate.exists(key);
        }

        @Override
        public boolean delete(ImageKey key) throws IOException {
            if (failingTasks.contains(key.taskId())) {
                throw new IOException("the disk refused to delete " + key);
            }
            return delegate.delete(key);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
