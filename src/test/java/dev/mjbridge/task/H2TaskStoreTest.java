package dev.mjbridge.task;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on an H2 file database behind a connection pool, as the default configuration runs it. */
class H2TaskStoreTest extends TaskStoreContractTest {

    @TempDir
    static Path dir;

    private static HikariDataSource dataSource;

    @BeforeAll
    static void openAndMigrate() {
        dataSource = open();
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static HikariDataSource open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("mj-bridge").toAbsolutePath());
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Test
    void survivesReopening() {
        Task task = TaskJsonTest.finishedTask();
        store.save(task);
        store.save(task("2", 2).withStatus(TaskStatus.SUBMITTED));

        // Closing the last connection closes the H2 database file, as stopping the application would.
        dataSource.close();
        dataSource = open();
        // Migrating again must find the schema current and change nothing.
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTaskStore reopened = new JdbcTaskStore(dataSource);

        assertThat(reopened.findById(task.id())).contains(task);
        assertThat(reopened.findUnfinished()).extracting(Task::id).containsExactly("2");
        assertThat(reopened.count()).isEqualTo(2);
    }
}
