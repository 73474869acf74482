package dev.mjbridge.images;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The index on an H2 file database behind a connection pool, migrated as at start-up. */
class H2StoredImageIndexTest extends StoredImageIndexTest {

    @TempDir
    static Path dir;

    private static HikariDataSource dataSource;

    @BeforeAll
    static void openAndMigrate() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("mj-bridge").toAbsolutePath());
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
