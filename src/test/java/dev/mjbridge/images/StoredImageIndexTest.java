package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the stored image index must do on every database it runs on. Subclasses provide a
 * migrated DataSource; the table is emptied before each test.
 */
abstract class StoredImageIndexTest {

    protected abstract DataSource dataSource();

    private StoredImageIndex index;

    @BeforeEach
    void emptyTable() {
        JdbcClient.create(dataSource()).sql("DELETE FROM mj_task_image").update();
        index = new StoredImageIndex(dataSource());
    }

    static ImageInfo file(String taskId, String name, long size) {
        return new ImageInfo(new ImageKey(taskId, name), size, "image/png", Instant.EPOCH, "\"tag\"");
    }

    @Test
    void aRecordedTaskHasItsFilesAndBytes() {
        index.record("1001", List.of(file("1001", "0_1.png", 30), file("1001", "0_0.png", 20)), 5_000);

        assertThat(index.has("1001")).isTrue();
        assertThat(index.has("1002")).isFalse();
        assertThat(index.filesOf("1001")).containsExactly("0_0.png", "0_1.png");
        assertThat(index.filesOf("1002")).isEmpty();
        assertThat(index.bytesOf("1001")).isEqualTo(50);
        assertThat(index.totalBytes()).isEqualTo(50);
    }

    @Test
    void anEmptyIndexHoldsNothing() {
        assertThat(index.totalBytes()).isZero();
        assertThat(index.oldestTasks(10)).isEmpty();
        assertThat(index.tasksStoredBefore(Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void recordingAgainReplacesSizesAndMakesTheWholeTaskNew() {
        index.record("1001", List.of(file("1001", "0_0.png", 20), file("1001", "0_1.png", 30)), 1_000);
        index.record("1002", List.of(file("1002", "0_0.png", 7)), 2_000);

        index.record("1001", List.of(file("1001", "0_0.png", 25)), 3_000);
        index.record("1001", List.of(file("1001", "0_0.png", 25)), 3_000);

        assertThat(index.filesOf("1001")).containsExactly("0_0.png", "0_1.png");
        assertThat(index.totalBytes()).isEqualTo(25 + 30 + 7);
        assertThat(index.oldestTasks(10)).containsExactly(new TaskBytes("1002", 7, 2_000),
                new TaskBytes("1001", 55, 3_000));
    }

    @Test
    void tasksStoredBeforeATimeComeOldestFirstAsWholeTasks() {
        index.record("1003", List.of(file("1003", "a.png", 1), file("1003", "b.png", 1)), 3_000);
        index.record("1001", List.of(file("1001", "a.png", 1), file("1001", "b.png", 1)), 1_000);
        index.record("1002", List.of(file("1002", "a.png", 1)), 2_000);

        assertThat(index.tasksStoredBefore(3_000, 10)).containsExactly("1001", "1002");
        assertThat(index.tasksStoredBefore(3_001, 2)).containsExactly("1001", "1002");
        assertThat(index.tasksStoredBefore(1_000, 10)).isEmpty();
    }

    @Test
    void oldestTasksCarryTheirTotalBytesAndTime() {
        index.record("1002", List.of(file("1002", "0_0.png", 100), file("1002", "0_1.png", 200)), 2_000);
        index.record("1001", List.of(file("1001", "0_0.png", 5_000_000_000L)), 1_000);
        index.record("1003", List.of(file("1003", "0_0.png", 1)), 3_000);

        assertThat(index.oldestTasks(2)).containsExactly(new TaskBytes("1001", 5_000_000_000L, 1_000),
                new TaskBytes("1002", 300, 2_000));
        assertThat(index.totalBytes()).isEqualTo(5_000_000_301L);
    }

    @Test
    void forgettingATaskDropsAllItsFilesAndNoOthers() {
        index.record("1001", List.of(file("1001", "0_0.png", 20), file("1001", "0_1.png", 30)), 1_000);
        index.record("1002", List.of(file("1002", "0_0.png", 7)), 2_000);

        index.forget("1001");
        index.forget("1999");

        assertThat(index.has("1001")).isFalse();
        assertThat(index.filesOf("1001")).isEmpty();
        assertThat(index.totalBytes()).isEqualTo(7);
        assertThat(index.oldestTasks(10)).containsExactly(new TaskBytes("1002", 7, 2_000));
    }

    @Test
    void aFileOfAnotherTaskIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> index.record("1001",
                List.of(file("1001", "0_0.png", 1), file("1002", "0_0.png", 1)), 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1002/0_0.png");
        assertThat(index.totalBytes()).isZero();
    }

    @Test
    void recordingNoFilesRecordsNothing() {
        index.record("1001", List.of(), 1_000);

        assertThat(index.has("1001")).isFalse();
    }

    @Test
    void longestIdsAndNamesFit() {
        String taskId = "9".repeat(32);
        String name = "x".repeat(100) + ".jpeg";
        index.record(taskId, List.of(file(taskId, name, 1)), 1_000);

        assertThat(index.filesOf(taskId)).containsExactly(name);
    }
}
