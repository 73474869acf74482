package dev.mjbridge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mjbridge.testing.PostgresSchema;

/**
 * The cluster's shared queue on PostgreSQL, with the races the instances of a cluster run into: adders
 * on several connections never push it past its capacity, claimers on several connections never claim
 * one task twice, and a claim passes over a task another transaction has locked instead of waiting.
 */
class WaitingTasksTest {

    private static PostgresSchema database;
    private JdbcTaskStore store;
    private WaitingTasks waiting;

    @BeforeAll
    static void connectAndMigrate() {
        database = PostgresSchema.migrated("waiting_tasks_test");
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        JdbcClient.create(database.dataSource()).sql("DELETE FROM mj_task").update();
        store = new JdbcTaskStore(database.dataSource());
        waiting = new WaitingTasks(store, database.dataSource());
    }

    @Test
    void concurrentAddersNeverFillTheQueuePastItsCapacity() throws Exception {
        int capacity = 60;
        List<Integer> aheads = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        runConcurrently(6, worker -> {
            for (int i = 0; i < 20; i++) {
                OptionalInt ahead = waiting.add(TaskStoreContractTest.task(worker + "0" + (100 + i), 1_000 + i), capacity);
                ahead.ifPresentOrElse(aheads::add, refused::incrementAndGet);
            }
        });
        assertThat(waiting.count()).isEqualTo(capacity);
        assertThat(refused.get()).isEqualTo(6 * 20 - capacity);
        // Each addition saw the ones before it: the places are 0..capacity-1, each once.
        assertThat(aheads).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, capacity).boxed().toList());
    }

    @Test
    void concurrentClaimersClaimEachTaskOnce() throws Exception {
        for (int i = 0; i < 120; i++) {
            waiting.add(TaskStoreContractTest.task("9" + (1000 + i), 2_000 + i), 1_000);
        }
        Map<String, Integer> claims = new ConcurrentHashMap<>();
        runConcurrently(4, worker -> {
            while (true) {
                List<String> ids = waiting.oldest(30).stream().map(WaitingTasks.Waiting::id).toList();
                if (ids.isEmpty()) {
                    return;
                }
                for (Task claimed : waiting.claim(ids, task -> Optional.of(onAccount(task, "acc-" + worker)))) {
                    claims.merge(claimed.id(), 1, Integer::sum);
                }
            }
        });
        assertThat(claims).hasSize(120);
        assertThat(claims.values()).containsOnly(1);
        assertThat(waiting.count()).isZero();
    }

    @Test
    void aClaimPassesOverATaskAnotherTransactionHoldsAndLeavesWhatItDeclines() throws Exception {
        waiting.add(TaskStoreContractTest.task("71001", 3_000), 10);
        waiting.add(TaskStoreContractTest.task("71002", 3_001), 10);
        waiting.add(TaskStoreContractTest.task("71003", 3_002), 10);
        try (Connection other = database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("SELECT id FROM mj_task WHERE id = '71001' FOR UPDATE");
            }
            // Not blocked by the held row; declines 71003, so it stays waiting.
            List<Task> claimed = waiting.claim(List.of("71001", "71002", "71003"),
                    task -> task.id().equals("71003") ? Optional.empty() : Optional.of(onAccount(task, "acc-1")));
            assertThat(claimed).extracting(Task::id).containsExactly("71002");
            other.rollback();
        }
        assertThat(waiting.oldest(10)).extracting(WaitingTasks.Waiting::id).containsExactly("71001", "71003");
        assertThat(store.findById("71002").orElseThrow().accountId()).isEqualTo("acc-1");
    }

    private static Task onAccount(Task task, String accountId) {
        return task.withProperties(task.properties().withDiscordInstanceId(accountId));
    }

    private interface Work {
        void run(int worker) throws Exception;
    }

    /** Starts the workers together and fails with the first worker's error. */
    private static void runConcurrently(int workers, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 1; w <= workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    start.await();
                    work.run(worker);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
