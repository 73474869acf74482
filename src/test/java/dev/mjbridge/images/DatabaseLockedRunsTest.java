package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mjbridge.testing.PostgresSchema;

/**
 * Two instances of a cluster schedule the same job on one database: while one runs it the other skips
 * its round, and for half a period after it ran the others skip too, so a period's rounds run it once.
 */
class DatabaseLockedRunsTest {

    private static final Duration EVERY = Duration.ofMinutes(20);
    private static PostgresSchema database;

    @BeforeAll
    static void connectAndMigrate() {
        database = PostgresSchema.migrated("locked_runs_test");
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void onlyOneInstanceRunsAJobInAPeriod() throws Exception {
        ExclusiveRuns first = new DatabaseLockedRuns(database.dataSource());
        ExclusiveRuns second = new DatabaseLockedRuns(database.dataSource());
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> firstRun = CompletableFuture.runAsync(() -> first.run("retention-test", EVERY, () -> {
            runs.incrementAndGet();
            running.countDown();
            await(release);
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        second.run("retention-test", EVERY, runs::incrementAndGet);
        assertThat(runs.get()).as("skipped while the other instance runs it").isEqualTo(1);

        release.countDown();
        firstRun.get(30, TimeUnit.SECONDS);
        second.run("retention-test", EVERY, runs::incrementAndGet);
        assertThat(runs.get()).as("skipped in the same period after it ran").isEqualTo(1);

        second.run("another-job", EVERY, runs::incrementAndGet);
        assertThat(runs.get()).as("another job is not held by that lock").isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
