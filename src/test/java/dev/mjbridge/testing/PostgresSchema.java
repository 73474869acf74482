package dev.mjbridge.testing;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of its own on the PostgreSQL at 127.0.0.1:5432/test (trust auth), migrated by Flyway
 * like the service's database: dropped before use and on {@link #close}. A test using it is
 * skipped where no such server runs.
 */
public final class PostgresSchema implements AutoCloseable {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema;
    private final String user;
    private final HikariDataSource dataSource;

    private PostgresSchema(String schema, String user, HikariDataSource dataSource) {
        this.schema = schema;
        this.user = user;
        this.dataSource = dataSource;
    }

    /** @param name the schema's name, made unique per test process */
    public static PostgresSchema migrated(String name) {
        String schema = name + "_" + ProcessHandle.current().pid();
        String user = firstWorkingUser("postgres", "root");
        Assumptions.assumeTrue(user != null, "no PostgreSQL at " + URL);
        drop(new DriverManagerDataSource(URL, user, ""), schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + "?currentSchema=" + schema);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();
        return new PostgresSchema(schema, user, dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL of this schema, for an application that connects by itself (no password). */
    public String jdbcUrl() {
        return URL + "?currentSchema=" + schema;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        drop(dataSource, schema);
        dataSource.close();
    }

    private static void drop(DataSource ds, String schema) {
        JdbcClient.create(ds).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
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
}
