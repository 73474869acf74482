package dev.mjbridge.images;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which files the image store holds for which task, with their sizes and when they were stored
 * (table {@code mj_task_image}, migration {@code V4__stored_images.sql}), on H2 or PostgreSQL.
 * Retention reads it instead of listing the store, which for a bucket is slow and billed.
 * <p>
 * A task's files are one unit: {@link #record} gives all of a task's rows the same
 * {@code stored_at}, so the oldest-first reads ({@link #tasksStoredBefore}, {@link #oldestTasks})
 * return whole tasks and {@link #forget} drops them together.
 */
public class StoredImageIndex {

    private static final String TASK_ID = "task_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Dialect dialect;

    public StoredImageIndex(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.dialect = Dialect.of(dataSource);
    }

    /**
     * Notes that {@code files} of {@code taskId} are in the store, stored at {@code storedAt} (epoch
     * ms). Recording a file again replaces its size; every row of the task then carries
     * {@code storedAt}, so a task stored again counts as new as a whole.
     *
     * @throws IllegalArgumentException when a file's key names another task
     */
    public void record(String taskId, List<ImageInfo> files, long storedAt) {
        Objects.requireNonNull(taskId, "taskId");
        for (ImageInfo file : files) {
            if (!file.key().taskId().equals(taskId)) {
                throw new IllegalArgumentException("file " + file.key() + " is not one of task " + taskId);
            }
        }
        if (files.isEmpty()) {
            return;
        }
        try {
            writeRecord(taskId, files, storedAt);
        } catch (DuplicateKeyException lostRace) {
            // H2's MERGE can lose an insert race to a concurrent record of the same file; once the
            // row exists, the second attempt updates it.
            writeRecord(taskId, files, storedAt);
        }
    }

    private void writeRecord(String taskId, List<ImageInfo> files, long storedAt) {
        transaction.executeWithoutResult(status -> {
            for (ImageInfo file : files) {
                jdbc.sql(dialect.upsert)
                        .param("taskId", taskId)
                        .param("file", file.key().file())
                        .param("bytes", file.size())
                        .param("storedAt", storedAt)
                        .update();
            }
            jdbc.sql("UPDATE mj_task_image SET stored_at = :storedAt WHERE task_id = :taskId")
                    .param("storedAt", storedAt)
                    .param("taskId", taskId)
                    .update();
        });
    }

    /** The task's stored file names, sorted; empty when none are recorded. */
    public List<String> filesOf(String taskId) {
        return jdbc.sql("SELECT file FROM mj_task_image WHERE task_id = :taskId ORDER BY file")
                .param("taskId", taskId)
                .query(String.class)
                .list();
    }

    /** Whether any file of the task is recorded. */
    public boolean has(String taskId) {
        return jdbc.sql("SELECT COUNT(*) AS n FROM mj_task_image WHERE task_id = :taskId")
                .param("taskId", taskId)
                .query((rs, row) -> rs.getLong("n"))
                .single() > 0;
    }

    /** The size of the task's recorded files together; 0 when none are. */
    public long bytesOf(String taskId) {
        return jdbc.sql("SELECT COALESCE(SUM(bytes), 0) AS total FROM mj_task_image WHERE task_id = :taskId")
                .param("taskId", taskId)
                .query((rs, row) -> rs.getLong("total"))
                .single();
    }

    /** The size of every recorded file together. */
    public long totalBytes() {
        return jdbc.sql("SELECT COALESCE(SUM(bytes), 0) AS total FROM mj_task_image")
                .query((rs, row) -> rs.getLong("total"))
                .single();
    }

    /** Up to {@code limit} tasks stored before {@code epochMs}, oldest first. */
    public List<String> tasksStoredBefore(long epochMs, int limit) {
        return jdbc.sql("SELECT DISTINCT stored_at, task_id FROM mj_task_image WHERE stored_at < :before "
                        + "ORDER BY stored_at, task_id LIMIT :limit")
                .param("before", epochMs)
                .param("limit", limit)
                .query((rs, row) -> rs.getString(TASK_ID))
                .list();
    }

    /** Up to {@code limit} tasks with their sizes, oldest first. */
    public List<TaskBytes> oldestTasks(int limit) {
        return jdbc.sql("SELECT task_id, stored_at, SUM(bytes) AS total FROM mj_task_image "
                        + "GROUP BY stored_at, task_id ORDER BY stored_at, task_id LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new TaskBytes(rs.getString(TASK_ID), rs.getLong("total"), rs.getLong("stored_at")))
                .list();
    }

    /** Drops every row of the task (its files are deleted from the store by the caller). */
    public void forget(String taskId) {
        jdbc.sql("DELETE FROM mj_task_image WHERE task_id = :taskId").param("taskId", taskId).update();
    }

    /** The two databases' spellings of an upsert. */
    private enum Dialect {
        H2("MERGE INTO mj_task_image (task_id, file, bytes, stored_at) KEY (task_id, file) "
                + "VALUES (:taskId, :file, :bytes, :storedAt)"),
        POSTGRESQL("INSERT INTO mj_task_image (task_id, file, bytes, stored_at) VALUES (:taskId, :file, :bytes, :storedAt) "
                + "ON CONFLICT (task_id, file) DO UPDATE SET bytes = EXCLUDED.bytes, stored_at = EXCLUDED.stored_at");

        private final String upsert;

        Dialect(String upsert) {
            this.upsert = upsert;
        }

        static Dialect of(DataSource dataSource) {
            String product;
            try (Connection connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database's metadata for the stored image index", e);
            }
            String name = product.toLowerCase(Locale.ROOT);
            if (name.contains("h2")) {
                return H2;
            }
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalStateException("unsupported database for the stored image index: " + product
                    + " (use H2 or PostgreSQL)");
        }
    }
}
