package dev.mjbridge.task;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The write-behind store keeps the store contract: its {@code save} waits for the write, and
 * every read goes through its overlay to the JDBC store underneath, on the writer's own thread.
 */
class H2WriteBehindTaskStoreTest extends TaskStoreContractTest {

    private static JdbcDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:write-behind-contract;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterEach
    void stopWriter() {
        ((WriteBehindTaskStore) store).close();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected TaskStore newStore(DataSource dataSource) {
        return WriteBehindTaskStore.onOwnThread(new JdbcTaskStore(dataSource), version -> { });
    }
}
