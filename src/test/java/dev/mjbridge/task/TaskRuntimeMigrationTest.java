package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.mjbridge.midjourney.JobRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** V3 moves the pending requests of a database written by the previous version onto its tasks. */
class TaskRuntimeMigrationTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void onH2() {
        DataSource dataSource = h2("v3-migration");
        migrateAndCheck(dataSource, Flyway.configure().dataSource(dataSource));
    }

    /** Skipped where no PostgreSQL runs at 127.0.0.1:5432/test; works in a schema of its own. */
    @Test
    void onPostgres() {
        String schema = "v3_migration_" + ProcessHandle.current().pid();
        String user = null;
        for (String candidate : new String[] {"postgres", "root"}) {
            try (Connection ignored = new DriverManagerDataSource(POSTGRES, candidate, "").getConnection()) {
                user = candidate;
                break;
            } catch (SQLException e) {
                // not reachable, or not this user: try the next one
            }
        }
        Assumptions.assumeTrue(user != null, "no PostgreSQL at " + POSTGRES);
        DataSource admin = new DriverManagerDataSource(POSTGRES, user, "");
        JdbcClient.create(admin).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        try {
            DataSource dataSource = new DriverManagerDataSource(POSTGRES + "?currentSchema=" + schema, user, "");
            migrateAndCheck(dataSource, Flyway.configure().dataSource(dataSource).schemas(schema));
        } finally {
            JdbcClient.create(admin).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    private static void migrateAndCheck(DataSource dataSource, FluentConfiguration flyway) {
        flyway.target("2").load().migrate();
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

        flyway.target("latest").load().migrate();

        TaskRuntime runtime = store.findById("1").orElseThrow().internal().runtime();
        assertThat(runtime).isNotNull();
        assertThat(runtime.parentMessageId()).isEqualTo("1400000000000000001");
        assertThat(runtime.index()).isEqualTo(3);
        assertThat(runtime.request()).isEqualTo(new JobRequest.Button("1400000000000000001", 0,
                "MJ::JOB::upsample::3::h", null));
        assertThat(runtime.routing().pinnedAccountId()).isEqualTo("main");
        assertThat(store.findById("2").orElseThrow().internal().runtime()).as("a final task keeps none").isNull();
        assertThat(store.findById("3").orElseThrow().internal().runtime()).as("no pending row, no runtime").isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'mj_pending_request' "
                + "AND TABLE_SCHEMA = CURRENT_SCHEMA")
                .query(Long.class).single()).isZero();
    }

    private static void insertV2Task(JdbcClient jdbc, String id, String status) {
        Task task = Task.create(id, JobKind.UPSCALE, Long.parseLong(id)).withStatus(TaskStatus.valueOf(status))
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
