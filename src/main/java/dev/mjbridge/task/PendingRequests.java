package dev.mjbridge.task;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * The requests of unfinished tasks, kept in the database beside the tasks so that a
 * process killed at any moment can send what was queued and follow what was sent.
 */
final class PendingRequests {

    /** A stored request with where it runs. */
    record Pending(String taskId, TaskRuntime runtime) {
    }

    private final JdbcClient jdbc;
    private final JobRequestCodec codec;

    PendingRequests(DataSource dataSource, JobRequestCodec codec) {
        this.jdbc = JdbcClient.create(dataSource);
        this.codec = codec;
    }

    void save(String taskId, TaskRuntime runtime) {
        jdbc.sql("DELETE FROM mj_pending_request WHERE task_id = ?").param(taskId).update();
        jdbc.sql("INSERT INTO mj_pending_request (task_id, account_id, parent_message_id, image_index, request_json, "
                        + "routing_json) VALUES (?, ?, ?, ?, ?, ?)")
                .params(taskId, runtime.accountId(), runtime.parentMessageId(), runtime.index(),
                        codec.write(runtime.request()), codec.write(runtime.routing()))
                .update();
    }

    void delete(String taskId) {
        jdbc.sql("DELETE FROM mj_pending_request WHERE task_id = ?").param(taskId).update();
    }

    Optional<TaskRuntime> find(String taskId) {
        return jdbc.sql("SELECT account_id, parent_message_id, image_index, request_json, routing_json "
                        + "FROM mj_pending_request WHERE task_id = ?")
                .param(taskId)
                .query((rs, n) -> {
                    dev.mjbridge.midjourney.JobRequest request = codec.read(rs.getString("request_json"));
                    return new TaskRuntime(request, codec.readRouting(rs.getString("routing_json")),
                            rs.getString("account_id"), rs.getString("parent_message_id"), rs.getInt("image_index"),
                            request instanceof dev.mjbridge.midjourney.JobRequest.Button b ? b.answer() : null);
                })
                .optional();
    }
}
