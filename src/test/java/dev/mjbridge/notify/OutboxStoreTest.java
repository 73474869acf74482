package dev.mjbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * The outbox's statements on a real PostgreSQL: two claimers never take one row, a task's rows are
 * claimable one at a time in order, an expired claim is taken by another claimer (and the first one's
 * late outcome is refused), retries wait their delay and take over stale progress, and the fence of the
 * task store leaves out a state of an account that moved on.
 */
class OutboxStoreTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final String HOOK = "http://127.0.0.1:1/hook?token=secret";
    private static PostgresSchema schema;
    private static OutboxStore store;
    private static JdbcClient sql;

    @BeforeAll
    static void database() {
        schema = PostgresSchema.migrated("webhook_outbox");
        store = new OutboxStore(schema.dataSource(), Duration.ofSeconds(5));
        sql = JdbcClient.create(schema.dataSource());
    }

    @AfterAll
    static void dropIt() {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void empty() {
        sql.sql("DELETE FROM mj_webhook_attempt").update();
        sql.sql("DELETE FROM mj_webhook_outbox").update();
        sql.sql("DELETE FROM mj_account_lease").update();
    }

    @Test
    void onlyTheOldestPendingRowOfEachTaskIsClaimedAndTheNextFollowsOnceItIsDelivered() {
        store.append(List.of(entry("t1", TaskStatus.SUBMITTED, "0%"), entry("t1", TaskStatus.IN_PROGRESS, "10%"),
                entry("t2", TaskStatus.SUBMITTED, "0%"), entry("t1", TaskStatus.SUCCESS, "100%")));

        List<OutboxRow> first = store.claim("i-a", LONG, 10);
        assertThat(first).extracting(r -> r.taskId() + "#" + r.seq()).containsExactlyInAnyOrder("t1#1", "t2#1");
        assertThat(store.claim("i-b", LONG, 10)).as("the heads are claimed; the rest waits behind them").isEmpty();

        OutboxRow t1 = first.stream().filter(r -> r.taskId().equals("t1")).findFirst().orElseThrow();
        assertThat(store.finish(t1, "i-a", OutboxStore.DELIVERED, sent())).isTrue();
        List<OutboxRow> second = store.claim("i-b", LONG, 10);
        assertThat(second).extracting(r -> r.taskId() + "#" + r.seq() + " " + r.status())
                .containsExactly("t1#2 IN_PROGRESS");
        assertThat(store.finish(second.get(0), "i-b", OutboxStore.DELIVERED, sent())).isTrue();
        assertThat(store.claim("i-a", LONG, 10)).extracting(OutboxRow::seq, OutboxRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, TaskStatus.SUCCESS));
    }

    @Test
    void aRowKeepsItsTargetDeliveryIdAndBody() {
        OutboxEntry entry = entry("t1", TaskStatus.SUBMITTED, "0%");
        store.append(List.of(entry));

        OutboxRow row = store.claim("i-a", LONG, 1).get(0);
        assertThat(row.deliveryId()).isEqualTo(entry.deliveryId());
        assertThat(row.target()).isEqualTo(HookTarget.perRequest(HOOK));
        assertThat(row.body()).isEqualTo(entry.body());
        assertThat(row.attempts()).isZero();
    }

    @Test
    void twoClaimersAtOnceNeverTakeTheSameRow() throws Exception {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entries.add(entry("task-" + i, TaskStatus.SUBMITTED, "0%"));
        }
        store.append(entries);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Both claim in the same rounds, each round at the same moment; 2 x 20 x 7 > 200 rows.
            Callable<List<Long>> claimer = () -> {
                String me = Thread.currentThread().getName();
                List<Long> mine = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    together.await();
                    store.claim(me, LONG, 7).forEach(r -> mine.add(r.id()));
                }
                return mine;
            };
            Future<List<Long>> a = pool.submit(claimer);
            Future<List<Long>> b = pool.submit(claimer);
            List<Long> all = new ArrayList<>(a.get());
            all.addAll(b.get());
            assertThat(all).as("every row claimed once").hasSize(200).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        assertThat(sql.sql("SELECT COUNT(DISTINCT claimed_by) FROM mj_webhook_outbox").query(Integer.class).single())
                .as("both claimers took rows").isEqualTo(2);
    }

    @Test
    void anExpiredClaimIsTakenByAnotherClaimerAndTheFirstOnesLateOutcomeIsRefused() {
        store.append(List.of(entry("t1", TaskStatus.SUCCESS, "100%")));
        OutboxRow claimed = store.claim("i-dead", Duration.ofMillis(300), 1).get(0);
        assertThat(store.claim("i-b", LONG, 1)).as("claimed, not expired yet").isEmpty();

        List<OutboxRow> taken = Waits.await("the claim of i-dead to expire", Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> store.claim("i-b", LONG, 1), rows -> !rows.isEmpty());
        assertThat(taken).extracting(OutboxRow::id).containsExactly(claimed.id());

        assertThat(store.finish(claimed, "i-dead", OutboxStore.DELIVERED, sent())).as("i-dead's claim is gone").isFalse();
        assertThat(store.finish(taken.get(0), "i-b", OutboxStore.DELIVERED, sent())).isTrue();
        assertThat(sql.sql("SELECT state FROM mj_webhook_outbox").query(String.class).single()).isEqualTo("DELIVERED");
    }

    @Test
    void aFailedAttemptIsRetriedAfterItsDelayWithItsFailuresCounted() {
        store.append(List.of(entry("t1", TaskStatus.SUCCESS, "100%")));
        OutboxRow row = store.claim("i-a", LONG, 1).get(0);

        assertThat(store.retryLater(row, "i-a", 1, LONG, failed())).isTrue();
        assertThat(store.claim("i-b", LONG, 1)).as("not due before its delay").isEmpty();
        assertThat(sql.sql("SELECT claimed_by IS NULL AND next_attempt_at > now() + INTERVAL '4 minutes' "
                + "FROM mj_webhook_outbox").query(Boolean.class).single()).as("unclaimed, due in five minutes").isTrue();

        sql.sql("UPDATE mj_webhook_outbox SET next_attempt_at = now()").update();
        OutboxRow again = store.claim("i-b", LONG, 1).get(0);
        assertThat(again.id()).isEqualTo(row.id());
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(store.retryLater(again, "i-b", 2, Duration.ZERO, failed())).isTrue();
        assertThat(store.claim("i-a", LONG, 1)).extracting(OutboxRow::attempts).containsExactly(2);
    }

    @Test
    void aRetryOfStaleProgressIsTakenOverByTheNewestStateOfTheSameStatus() {
        store.append(List.of(entry("t1", TaskStatus.IN_PROGRESS, "10%"), entry("t1", TaskStatus.IN_PROGRESS, "40%"),
                entry("t1", TaskStatus.IN_PROGRESS, "70%"), entry("t1", TaskStatus.SUCCESS, "100%")));
        OutboxRow first = store.claim("i-a", LONG, 1).get(0);

        assertThat(store.retryLater(first, "i-a", 1, Duration.ZERO, failed())).isTrue();

        assertThat(sql.sql("SELECT progress || ' ' || state FROM mj_webhook_outbox ORDER BY seq").query(String.class)
                .list()).containsExactly("10% SUPERSEDED", "40% SUPERSEDED", "70% PENDING", "100% PENDING");
        OutboxRow next = store.claim("i-a", LONG, 1).get(0);
        assertThat(next.progress()).isEqualTo("70%");
        assertThat(next.attempts()).as("the failures carry over").isEqualTo(1);
        // The final state is never passed over.
        assertThat(store.retryLater(next, "i-a", 2, Duration.ZERO, failed())).isTrue();
        assertThat(store.claim("i-a", LONG, 1)).extracting(OutboxRow::progress).containsExactly("70%");
    }

    @Test
    void theAttemptsOfATaskAreItsDeliveryLogOldestFirst() {
        store.append(List.of(entry("t1", TaskStatus.SUCCESS, "100%")));
        OutboxRow row = store.claim("i-a", LONG, 1).get(0);
        store.retryLater(row, "i-a", 1, Duration.ZERO, failed());
        row = store.claim("i-b", LONG, 1).get(0);
        store.finish(row, "i-b", OutboxStore.DELIVERED, sent());

        List<DeliveryAttempt> log = store.attempts("t1", 20);
        assertThat(log).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryOutcome.RETRYING, DeliveryOutcome.SENT);
        assertThat(log).extracting(DeliveryAttempt::httpStatus).containsExactly(500, 200);
        assertThat(log).allSatisfy(a -> assertThat(a.hook()).doesNotContain("secret"));
        assertThat(sql.sql("SELECT instance_id FROM mj_webhook_attempt ORDER BY id").query(String.class).list())
                .containsExactly("i-a", "i-b");
        assertThat(store.attempts("t1", 1)).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryOutcome.SENT);
    }

    @Test
    void aStateOfATaskWhoseAccountMovedOnIsLeftOut() {
        sql.sql("INSERT INTO mj_account_lease (account_id, owner_id, epoch, expires_at) "
                + "VALUES ('acc', 'i-b', 3, now() + INTERVAL '1 minute')").update();
        OutboxEntry old = withLease(entry("t1", TaskStatus.FAILURE, "0%"), 2);
        OutboxEntry current = withLease(entry("t2", TaskStatus.SUCCESS, "100%"), 3);
        OutboxEntry unfenced = entry("t3", TaskStatus.SUCCESS, "100%");

        assertThat(store.append(List.of(old, current, unfenced))).isEqualTo(2);
        assertThat(sql.sql("SELECT task_id FROM mj_webhook_outbox ORDER BY task_id").query(String.class).list())
                .containsExactly("t2", "t3");
    }

    @Test
    void aChangeThatRepeatsTheTasksLastRowOrComesAfterAFinalOneIsLeftOutButARedeliveryIsNot() {
        OutboxEntry inProgress = entry("t1", TaskStatus.IN_PROGRESS, "50%");
        assertThat(store.append(List.of(inProgress))).isEqualTo(1);
        // An instance taking the task up reports the state the previous one posted.
        assertThat(store.append(List.of(entry("t1", TaskStatus.IN_PROGRESS, "50%")))).isZero();
        assertThat(store.append(List.of(entry("t1", TaskStatus.SUCCESS, "100%")))).isEqualTo(1);
        assertThat(store.append(List.of(entry("t1", TaskStatus.IN_PROGRESS, "80%")))).as("stale after SUCCESS").isZero();
        assertThat(store.append(List.of(entry("t1", TaskStatus.SUCCESS, "100%")))).isZero();
        OutboxEntry again = entry("t1", TaskStatus.SUCCESS, "100%");
        assertThat(store.append(List.of(new OutboxEntry(again.taskId(), again.deliveryId(), again.target(),
                again.status(), again.progress(), again.body(), null, null, false)))).as("a redelivery").isEqualTo(1);

        assertThat(sql.sql("SELECT seq || ' ' || task_status || ' ' || progress FROM mj_webhook_outbox ORDER BY seq")
                .query(String.class).list()).containsExactly("1 IN_PROGRESS 50%", "2 SUCCESS 100%", "3 SUCCESS 100%");
    }

    @Test
    void releasingGivesBackOnlyTheClaimersPendingRows() {
        store.append(List.of(entry("t1", TaskStatus.SUCCESS, "100%"), entry("t2", TaskStatus.SUCCESS, "100%")));
        store.claim("i-a", LONG, 1);
        store.claim("i-b", LONG, 1);

        assertThat(store.releaseAll("i-a")).isEqualTo(1);
        assertThat(store.claim("i-c", LONG, 5)).hasSize(1);
    }

    @Test
    void finishedRowsArePrunedWithTheirAttempts() {
        store.append(List.of(entry("t1", TaskStatus.SUCCESS, "100%"), entry("t2", TaskStatus.SUCCESS, "100%")));
        OutboxRow row = store.claim("i-a", LONG, 1).get(0);
        store.finish(row, "i-a", OutboxStore.DELIVERED, sent());
        sql.sql("UPDATE mj_webhook_outbox SET finished_at = now() - INTERVAL '2 days' WHERE id = :id")
                .param("id", row.id()).update();

        assertThat(store.prune(Duration.ofDays(1))).isEqualTo(1);
        assertThat(sql.sql("SELECT COUNT(*) FROM mj_webhook_outbox").query(Integer.class).single()).isEqualTo(1);
        assertThat(sql.sql("SELECT COUNT(*) FROM mj_webhook_attempt").query(Integer.class).single()).isZero();
    }

    private static int bodies;

    private static OutboxEntry entry(String taskId, TaskStatus status, String progress) {
        return new OutboxEntry(taskId, java.util.UUID.randomUUID().toString(), HookTarget.perRequest(HOOK), status,
                progress, "{\"id\":\"" + taskId + "\",\"status\":\"" + status + "\",\"n\":" + (bodies++) + "}",
                null, null, true);
    }

    private static OutboxEntry withLease(OutboxEntry entry, long epoch) {
        return new OutboxEntry(entry.taskId(), entry.deliveryId(), entry.target(), entry.status(), entry.progress(),
                entry.body(), "acc", epoch, true);
    }

    private static OutboxStore.AttemptRecord sent() {
        return new OutboxStore.AttemptRecord(System.currentTimeMillis(), DeliveryResult.answered(200), 3,
                DeliveryOutcome.SENT);
    }

    private static OutboxStore.AttemptRecord failed() {
        return new OutboxStore.AttemptRecord(System.currentTimeMillis(), DeliveryResult.answered(500), 3,
                DeliveryOutcome.RETRYING);
    }
}
