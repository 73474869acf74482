package dev.mjbridge.task;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mjbridge.midjourney.JobRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** V3 moves the pending requests of a database written by the previous version onto its tasks. */
class TaskRuntimeMigrationTest {

    @Test
    void pendingRequestsOfUnfinishedTasksBecomeTheirRuntimeAndTheTableIsDropped() {
        DataSource dataSource = h2("v3-migration");
        Flyway.configure().dataSource(dataSource).target("2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcTaskStore store = new JdbcTaskStore(dataSource);
        insertV2Task(jdbc, "1", "SUBMITTED");
        insertV2Task(jdbc, "2", "SUCCESS");
        insertV2Task(jdbc, "3", "NOT_START");
        String request = "{\"kind\":\"button\",\"messageId\":\"1400000000000000001\",\"messageFlags\":0,"
                + "\"customId\":\"MJ::JOB::upsample::3::h\"}";
        String routing = "{\"botType\":\"MID_JOURNEY\",\"pinnedAccountId\":\"main\",\"filter\":{\"modes\":[]}}";
        for (String id : new String[] {"1", "2"}) {
            jdbc.sql("INSERT INTO mj_pending_request (task_id, account_id, parent_message_id, image_index, request_json, "
                    + "routing_json) VALUES (?, 'main', '1400000000000000001', 3, ?, ?)").params(id, request, routing).update();
        }

        Flyway.configure().dataSource(dataSource).load().migrate();

        TaskRuntime runtime = store.findById("1").orElseThrow().internal().runtime();
        assertThat(runtime).isNotNull();
        assertThat(runtime.parentMessageId()).isEqualTo("1400000000000000001");
        assertThat(runtime.index()).isEqualTo(3);
        assertThat(runtime.request()).isEqualTo(new JobRequest.Button("1400000000000000001", 0,
                "MJ::JOB::upsample::3::h", null));
        assertThat(runtime.routing().pinnedAccountId()).isEqualTo("main");
        assertThat(store.findById("2").orElseThrow().internal().runtime()).as("a final task keeps none").isNull();
        assertThat(store.findById("3").orElseThrow().internal().runtime()).as("no pending row, no runtime").isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'MJ_PENDING_REQUEST'")
                .query(Long.class).single()).isZero();
    }

    private static void insertV2Task(JdbcClient jdbc, String id, String status) {
        Task task = Task.create(id, TaskAction.UPSCALE, Long.parseLong(id)).withStatus(TaskStatus.valueOf(status))
                .withProperties(TaskProperties.EMPTY.withDiscordInstanceId("main"));
        jdbc.sql("INSERT INTO mj_task (id, status, action, account_id, submit_time, task_json, internal_json) "
                        + "VALUES (?, ?, 'UPSCALE', 'main', ?, ?, '{}')")
                .params(id, status, task.submitTime(), tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(task))
                .update();
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
