package dev.mjbridge.task;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.mjbridge.testing.PostgresSchema;

/**
 * The store on PostgreSQL at 127.0.0.1:5432/test (trust auth), skipped where no
 * such server runs. Each run works in a schema of its own, dropped before and after.
 */
class PostgresTaskStoreTest extends TaskStoreContractTest {

    private static PostgresSchema database;

    @BeforeAll
    static void connectAndMigrate() {
        database = PostgresSchema.migrated("task_store_test");
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected DataSource dataSource() {
        return database.dataSource();
    }
}
