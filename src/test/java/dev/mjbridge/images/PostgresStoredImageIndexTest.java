package dev.mjbridge.images;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The index on PostgreSQL at 127.0.0.1:5432/test (trust auth), skipped where no such server runs.
 * Each run works in a schema of its own, dropped before and after.
 */
class PostgresStoredImageIndexTest extends StoredImageIndexTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "stored_image_index_test_" + ProcessHandle.current().pid();

    private static HikariDataSource dataSource;

    @BeforeAll
    static void connectAndMigrate() {
        String user = firstWorkingUser("postgres", "root");
        Assumptions.assumeTrue(user != null, "no PostgreSQL at " + URL);
        dropSchema(new DriverManagerDataSource(URL, user, ""));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + "?currentSchema=" + SCHEMA);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).load().migrate();
    }

    @AfterAll
    static void dropSchema() {
        if (dataSource != null) {
            dropSchema(dataSource);
            dataSource.close();
        }
    }

    private static void dropSchema(DataSource ds) {
        JdbcClient.create(ds).sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }

    private static String firstWorkingUser(String... users) {
        for (String user : users) {
            try (Connection ignored = new DriverManagerDataSource(URL, user, "").getConnection()) {
                return user;
            } catch (SQLException e) {
                // not reachable, or not this user: try the next one
            }
        }
        return null;
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
