package dev.mjbridge.images;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * {@link ExclusiveRuns} for the instances of a cluster: ShedLock's row in table {@code shedlock}, with
 * the database's clock deciding when a lock ends, so the instances' own clocks do not matter.
 */
final class DatabaseLockedRuns implements ExclusiveRuns {

    private final LockingTaskExecutor executor;

    DatabaseLockedRuns(DataSource dataSource) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
    }

    @Override
    public void run(String name, Duration every, Runnable job) {
        // Held for half a period at least, so the other instances' rounds of the same period skip it.
        executor.executeWithLock(job, new LockConfiguration(Instant.now(), name, every, every.dividedBy(2)));
    }
}
