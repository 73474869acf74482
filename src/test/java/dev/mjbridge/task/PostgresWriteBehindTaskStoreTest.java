package dev.mjbridge.task;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;

/** The store contract through the write-behind store on PostgreSQL (skipped where none runs). */
class PostgresWriteBehindTaskStoreTest extends PostgresTaskStoreTest {

    @AfterEach
    void stopWriter() {
        if (store != null) {
            ((WriteBehindTaskStore) store).close();
        }
    }

    @Override
    protected TaskStore newStore(DataSource dataSource) {
        return WriteBehindTaskStore.onOwnThread(new JdbcTaskStore(dataSource), version -> { });
    }
}
