package dev.mjbridge.task.images;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The tasks whose stored copy is to be tried again (table {@code mj_image_retry}), on H2 and PostgreSQL. */
final class RetryQueue {

    /** One task waiting for another attempt. */
    record Entry(String taskId, int attempts, long nextAt) {
    }

    private static final int ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    RetryQueue(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Sets when the task is tried next and how many attempts it has had (delete, then insert: both databases). */
    synchronized void schedule(String taskId, int attempts, long nextAt, String lastError) {
        String error = lastError == null || lastError.length() <= ERROR_LENGTH ? lastError
                : lastError.substring(0, ERROR_LENGTH);
        remove(taskId);
        jdbc.sql("INSERT INTO mj_image_retry (task_id, attempts, next_at, last_error) VALUES (:id, :attempts, :next, :error)")
                .param("id", taskId).param("attempts", attempts).param("next", nextAt).param("error", error)
                .update();
    }

    /** Tasks due at {@code now}, the longest waiting first. */
    List<Entry> due(long now, int limit) {
        return jdbc.sql("SELECT task_id, attempts, next_at FROM mj_image_retry WHERE next_at <= :now "
                        + "ORDER BY next_at, task_id LIMIT :limit")
                .param("now", now).param("limit", limit)
                .query((rs, row) -> new Entry(rs.getString("task_id"), rs.getInt("attempts"), rs.getLong("next_at")))
                .list();
    }

    void remove(String taskId) {
        jdbc.sql("DELETE FROM mj_image_retry WHERE task_id = :id").param("id", taskId).update();
    }

    long size() {
        return jdbc.sql("SELECT COUNT(*) FROM mj_image_retry").query(Long.class).single();
    }
}
