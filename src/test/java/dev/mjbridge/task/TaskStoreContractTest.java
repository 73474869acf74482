package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TaskStore} database must do. Subclasses provide a migrated,
 * reachable DataSource; the table is emptied before each test.
 */
abstract class TaskStoreContractTest {

    protected TaskStore store;

    protected abstract DataSource dataSource();

    /** The store under test on the migrated database: the JDBC store itself unless a subclass wraps it. */
    protected TaskStore newStore(DataSource dataSource) {
        return new JdbcTaskStore(dataSource);
    }

    @BeforeEach
    void emptyTable() {
        JdbcClient.create(dataSource()).sql("DELETE FROM mj_task").update();
        JdbcClient.create(dataSource()).sql("DELETE FROM mj_account_lease").update();
        store = newStore(dataSource());
    }

    static Task task(String id, long submitTime) {
        return Task.create(id, JobKind.IMAGINE, submitTime).withPrompt("cat " + id, "cat " + id);
    }

    @Test
    void savesAndFindsTheWholeTaskIncludingInternalFields() {
        Task task = TaskJsonTest.finishedTask()
                .withProperties(TaskJsonTest.finishedTask().properties().withParentId("17").withInteractionId("i"))
                .withProperty("seed", "1259687673");

        assertThat(store.save(task)).isTrue();

        Task read = store.findById(task.id()).orElseThrow();
        assertThat(read).isEqualTo(task);
        assertThat(read.internal().notifyHook()).isEqualTo("https://hook.example/?token=secret");
        assertThat(read.internal().base64Array()).containsExactly("aGVsbG8=");
    }

    @Test
    void videoFieldsPreviewsAndTheCancelButtonSurviveARead() {
        List<String> previews = List.of("https://cdn/p_0.jpeg", "https://cdn/p_1.jpeg", "https://cdn/p_2.jpeg",
                "https://cdn/p_3.jpeg");
        Task task = Task.create("1732800000000999", JobKind.VIDEO, 1732800000000L)
                .withStatus(TaskStatus.SUCCESS)
                .withVideos("https://cdn.midjourney.com/video/h/0.mp4", List.of("https://cdn.midjourney.com/video/h/0.mp4",
                        "https://cdn.midjourney.com/video/h/1.mp4", "https://cdn.midjourney.com/video/h/2.mp4",
                        "https://cdn.midjourney.com/video/h/3.mp4"))
                .withProperty(TaskTransitions.PREVIEW_URLS, previews)
                .withInternal(TaskInternal.EMPTY.withCancelJob(
                        new TaskInternal.CancelJob("MJ::CancelJob::ByJobid::u", "15", 64, true)));

        store.save(task);

        Task read = store.findById(task.id()).orElseThrow();
        assertThat(read).isEqualTo(task);
        assertThat(read.videoUrls()).hasSize(4);
        assertThat(read.properties().extraValue(TaskTransitions.PREVIEW_URLS)).isEqualTo(previews);
        assertThat(read.internal().cancelJob().pressed()).isTrue();
    }

    /**
     * In a cluster, an instance that does not follow a task answers fetch from its row: the same bytes
     * as the instance that holds it in memory, every field and extra value included.
     */
    @Test
    void aTaskReadBackSerializesToTheSameBytesAsTheTaskInMemory() {
        Task task = TaskJsonTest.finishedTask()
                .withImageUrls(List.of(new ImageLink("https://img/0.png", 0), new ImageLink("https://img/1.png", 1)))
                .withVideos("https://cdn/v0.mp4", List.of("https://cdn/v0.mp4", "https://cdn/v1.mp4"))
                .withFailReason("none: \u00e9\u2603 \"quoted\"")
                .withProperties(TaskJsonTest.finishedTask().properties().withParentId("17").withInteractionId("i"))
                .withProperty("seed", "1259687673")
                .withProperty(TaskTransitions.PREVIEW_URLS, List.of("https://cdn/p_0.jpeg", "https://cdn/p_1.jpeg"))
                .withProperty("count", 3)
                .withProperty("big", 1732800000000123L)
                .withProperty("ratio", 1.5)
                .withProperty("flag", true)
                .withProperty("nested", java.util.Map.of("b", 2, "a", List.of("x")));
        TaskJsonCache json = new TaskJsonCache(tools.jackson.databind.json.JsonMapper.builder().build(), 0);
        store.save(task);

        Task read = store.findById(task.id()).orElseThrow();

        assertThat(new String(json.serialize(read).json(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(json.serialize(task).json(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theClientJsonColumnHoldsNoInternalField() {
        store.save(TaskJsonTest.finishedTask());

        String taskJson = JdbcClient.create(dataSource()).sql("SELECT task_json FROM mj_task").query(String.class).single();

        assertThat(taskJson).contains("\"messageHash\"").doesNotContain("notifyHook", "secret", "aGVsbG8=");
    }

    @Test
    void theRuntimeOfAnUnfinishedTaskSurvivesAReadAndIsClearedWhenFinal() {
        JobRequest.Button press = new JobRequest.Button("1400000000000000001", 0,
                "MJ::JOB::variation::2::3dbbd469-36af-4a0f-8f02-df6c579e7011", new JobRequest.ModalAnswer("a cat", null));
        Routing routing = new Routing(BotType.MID_JOURNEY, "main", null,
                new AccountFilter(null, null, EnumSet.of(SpeedMode.RELAX), true), SpeedMode.FAST);
        TaskRuntime runtime = TaskRuntime.of(press, routing, "1400000000000000001", 2);
        Task running = task("1", 1).withStatus(TaskStatus.SUBMITTED)
                .withInternal(TaskInternal.EMPTY.withNotifyHook("https://hook.example/?token=secret").withRuntime(runtime));

        store.save(running);

        assertThat(store.findById("1")).contains(running);
        assertThat(store.findUnfinished()).containsExactly(running);
        var row = JdbcClient.create(dataSource()).sql("SELECT parent_message_id, image_index, internal_json FROM mj_task")
                .query().singleRow();
        assertThat(row.get("parent_message_id")).isEqualTo("1400000000000000001");
        assertThat(((Number) row.get("image_index")).intValue()).isEqualTo(2);
        assertThat((String) row.get("internal_json")).as("the runtime has columns of its own").doesNotContain("a cat");

        Task done = new TaskTransitions().apply(running, new TaskUpdate.Failed("no")).orElseThrow();
        store.save(done);

        assertThat(store.findById("1")).map(t -> t.internal().runtime()).isEmpty();
        assertThat(JdbcClient.create(dataSource()).sql("SELECT COUNT(*) FROM mj_task WHERE image_index IS NULL "
                + "AND request_json IS NULL AND routing_json IS NULL AND parent_message_id IS NULL")
                .query(Long.class).single()).isOne();
    }

    @Test
    void queryableColumnsMirrorTheTask() {
        store.save(TaskJsonTest.finishedTask().withProperties(TaskJsonTest.finishedTask().properties().withParentId("17")));

        var row = JdbcClient.create(dataSource())
                .sql("SELECT status, action, account_id, submit_time, finish_time, nonce, job_hash, parent_id, message_id "
                        + "FROM mj_task").query().singleRow();

        assertThat(row.get("status")).isEqualTo("SUCCESS");
        assertThat(row.get("action")).isEqualTo("IMAGINE");
        assertThat(row.get("account_id")).isEqualTo("main");
        assertThat(((Number) row.get("submit_time")).longValue()).isEqualTo(1732800000000L);
        assertThat(((Number) row.get("finish_time")).longValue()).isEqualTo(1732800031000L);
        assertThat(row.get("nonce")).isEqualTo("1300000000000000002");
        assertThat(row.get("job_hash")).isEqualTo("3dbbd469-36af-4a0f-8f02-df6c579e7011");
        assertThat(row.get("parent_id")).isEqualTo("17");
        assertThat(row.get("message_id")).isEqualTo("1300000000000000001");
    }

    @Test
    void saveReplacesAnUnfinishedTask() {
        Task task = task("1", 1);
        store.save(task);

        store.save(task.withStatus(TaskStatus.IN_PROGRESS).withProgress("40%"));

        assertThat(store.findById("1")).map(Task::progress).contains("40%");
        assertThat(store.count()).isOne();
    }

    @Test
    void aStoredFinalTaskIsNotReplacedByAnotherStatus() {
        Task done = task("1", 1).withStatus(TaskStatus.SUCCESS).withProgress("100%");
        store.save(done);

        boolean written = store.save(done.withStatus(TaskStatus.IN_PROGRESS).withProgress("60%"));

        assertThat(written).isFalse();
        assertThat(store.findById("1")).contains(done);
        assertThat(store.save(done.withStatus(TaskStatus.CANCEL))).isFalse();
    }

    @Test
    void aStoredFinalTaskCanStillGainProperties() {
        Task done = task("1", 1).withStatus(TaskStatus.SUCCESS);
        store.save(done);

        assertThat(store.save(done.withProperty("seed", "42"))).isTrue();

        assertThat(store.findById("1")).map(t -> t.properties().extraValue("seed")).contains("42");
    }

    /** A task sent from {@code account} by {@code instance} under the account's lease epoch {@code epoch}. */
    static Task sentUnder(String id, String account, String instance, long epoch) {
        Task task = task(id, 1).withStatus(TaskStatus.SUBMITTED);
        return task.withProperties(task.properties().withDiscordInstanceId(account).withNonce("n" + id))
                .withInternal(task.internal().withLease(new LeaseStamp(instance, epoch)));
    }

    /** The account's lease row as the cluster's LeaseStore leaves it after a claim at this epoch. */
    private void leaseAt(String account, String owner, long epoch) {
        JdbcClient db = JdbcClient.create(dataSource());
        db.sql("DELETE FROM mj_account_lease WHERE account_id = :a").param("a", account).update();
        db.sql("INSERT INTO mj_account_lease (account_id, owner_id, epoch, expires_at) "
                        + "VALUES (:a, :o, :e, CURRENT_TIMESTAMP)")
                .param("a", account).param("o", owner).param("e", epoch).update();
    }

    @Test
    void theLeaseStampSurvivesARead() {
        store.save(sentUnder("1", "acc-a", "node-1", 3));

        Task read = store.findById("1").orElseThrow();

        assertThat(read.internal().lease()).isEqualTo(new LeaseStamp("node-1", 3));
        assertThat(store.findUnfinished()).singleElement().extracting(t -> t.internal().lease())
                .isEqualTo(new LeaseStamp("node-1", 3));
        Task done = read.withStatus(TaskStatus.SUCCESS);
        store.save(done.withInternal(done.internal().withRuntime(null)));
        assertThat(store.findById("1")).map(t -> t.internal().lease()).contains(new LeaseStamp("node-1", 3));
    }

    @Test
    void aLateWriteUnderAnOlderEpochThanTheStoredOneIsRefused() {
        leaseAt("acc-a", "node-2", 5);
        Task followedByNewOwner = sentUnder("1", "acc-a", "node-2", 5);
        store.save(followedByNewOwner);

        Task lateFromOldOwner = sentUnder("1", "acc-a", "node-1", 4).withStatus(TaskStatus.FAILURE);
        assertThat(store.save(lateFromOldOwner)).as("the old owner's write").isFalse();
        assertThat(store.saveAll(List.of(lateFromOldOwner))).containsExactly(false);

        assertThat(store.findById("1")).map(Task::status).contains(TaskStatus.SUBMITTED);
        assertThat(store.findById("1")).map(t -> t.internal().lease()).contains(new LeaseStamp("node-2", 5));
        assertThat(store.save(followedByNewOwner.withStatus(TaskStatus.SUCCESS))).as("the new owner's write").isTrue();
        assertThat(store.findById("1")).map(Task::status).contains(TaskStatus.SUCCESS);
    }

    @Test
    void aWriteUnderAnEpochTheAccountsLeaseHasMovedPastIsRefusedBeforeTheNewOwnerWroteTheTask() {
        leaseAt("acc-a", "node-1", 4);
        Task sent = sentUnder("1", "acc-a", "node-1", 4);
        assertThat(store.save(sent)).isTrue();
        assertThat(store.save(sent.withStatus(TaskStatus.IN_PROGRESS).withProgress("20%"))).isTrue();

        leaseAt("acc-a", "node-2", 5); // node-1 lost the lease; node-2 claimed the account

        assertThat(store.save(sent.withStatus(TaskStatus.IN_PROGRESS).withProgress("60%"))).isFalse();
        assertThat(store.findById("1")).map(Task::progress).contains("20%");
    }

    @Test
    void anotherAccountsEpochDoesNotFence() {
        leaseAt("acc-b", "node-2", 90);
        Task sent = sentUnder("1", "acc-a", "node-1", 4);
        store.save(sent);

        assertThat(store.save(sent.withStatus(TaskStatus.SUCCESS))).isTrue();
        assertThat(store.findById("1")).map(Task::status).contains(TaskStatus.SUCCESS);
    }

    @Test
    void aWriteWithoutAStampIsNeverFencedAsASingleInstanceWrites() {
        leaseAt("acc-a", "node-2", 5);
        store.save(sentUnder("1", "acc-a", "node-1", 4));
        Task unstamped = task("1", 1).withStatus(TaskStatus.SUCCESS);

        assertThat(store.save(unstamped.withProperties(unstamped.properties().withDiscordInstanceId("acc-a")))).isTrue();

        assertThat(store.findById("1")).map(Task::status).contains(TaskStatus.SUCCESS);
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(store.findById("404")).isEmpty();
    }

    @Test
    void findByIdsKeepsTheCallersOrderAndSkipsUnknownIds() {
        IntStream.rangeClosed(1, 5).forEach(i -> store.save(task(String.valueOf(i), i)));

        List<Task> found = store.findByIds(List.of("4", "404", "1", "5", "1", "2"));

        assertThat(found).extracting(Task::id).containsExactly("4", "1", "5", "2");
        assertThat(store.findByIds(List.of())).isEmpty();
    }

    @Test
    void findByIdsHandlesMoreIdsThanOneStatementTakes() {
        List<String> ids = new ArrayList<>();
        for (int i = 1200; i >= 1; i--) {
            ids.add(String.valueOf(i));
            if (i % 2 == 0) {
                store.save(task(String.valueOf(i), i));
            }
        }

        List<Task> found = store.findByIds(ids);

        assertThat(found).hasSize(600);
        assertThat(found.get(0).id()).isEqualTo("1200");
        assertThat(found.get(599).id()).isEqualTo("2");
    }

    @Test
    void listRecentPagesNewestFirst() {
        IntStream.rangeClosed(1, 7).forEach(i -> store.save(task("10" + i, 1000 + i)));
        store.save(task("099", 1007)); // same submit time as 107: id breaks the tie

        assertThat(store.listRecent(0, 3)).extracting(Task::id).containsExactly("107", "099", "106");
        assertThat(store.listRecent(3, 3)).extracting(Task::id).containsExactly("105", "104", "103");
        assertThat(store.listRecent(6, 3)).extracting(Task::id).containsExactly("102", "101");
        assertThat(store.listRecent(9, 3)).isEmpty();
    }

    @Test
    void findUnfinishedReturnsNonFinalTasksOldestFirst() {
        long time = 1;
        for (TaskStatus status : TaskStatus.values()) {
            store.save(task(status.name(), time++).withStatus(status));
        }

        assertThat(store.findUnfinished()).extracting(Task::status)
                .containsExactly(TaskStatus.NOT_START, TaskStatus.SUBMITTED, TaskStatus.MODAL, TaskStatus.IN_PROGRESS);
        assertThat(store.count()).isEqualTo(TaskStatus.values().length);
    }

    @Test
    void findUnfinishedOfReturnsOneAccountsNonFinalTasksOldestFirst() {
        store.save(sent("21", 3_000, "acc-1"));
        store.save(sent("22", 1_000, "acc-1").withStatus(TaskStatus.IN_PROGRESS));
        store.save(sent("23", 2_000, "acc-1").withStatus(TaskStatus.SUCCESS));
        store.save(sent("24", 500, "acc-2"));
        store.save(task("25", 100));

        assertThat(store.findUnfinishedOf("acc-1")).extracting(Task::id).containsExactly("22", "21");
        assertThat(store.findUnfinishedOf("acc-2")).extracting(Task::id).containsExactly("24");
        assertThat(store.findUnfinishedOf("acc-3")).isEmpty();
    }

    @Test
    void countSentSinceCountsAnAccountsSentTasksFromAMoment() {
        store.save(sent("1", 1_000, "acc-1"));
        store.save(sent("2", 2_000, "acc-1").withStatus(TaskStatus.SUCCESS));
        store.save(sent("3", 3_000, "acc-1").withStatus(TaskStatus.FAILURE));
        store.save(sent("4", 3_000, "acc-2"));
        // Queued on acc-1 but never sent: no nonce.
        store.save(task("5", 3_000).withProperties(TaskProperties.EMPTY.withDiscordInstanceId("acc-1")));

        assertThat(store.countSentSince("acc-1", 2_000)).isEqualTo(2);
        assertThat(store.countSentSince("acc-1", 0)).isEqualTo(3);
        assertThat(store.countSentSince("acc-2", 0)).isEqualTo(1);
        assertThat(store.countSentSince("acc-3", 0)).isZero();
    }

    private static Task sent(String id, long submitTime, String accountId) {
        return task(id, submitTime).withStatus(TaskStatus.SUBMITTED)
                .withProperties(TaskProperties.EMPTY.withDiscordInstanceId(accountId).withNonce("nonce-" + id));
    }

    @Test
    void concurrentUpsertsOfTheSameAndOfDifferentTasksAllLand() throws Exception {
        int threads = 4;
        int rounds = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < rounds; round++) {
                        // Every thread races to insert, then update, the same "shared-N" rows.
                        Task shared = task("shared-" + round, round).withStatus(TaskStatus.IN_PROGRESS)
                                .withProgress(thread + "%");
                        store.save(shared);
                        store.save(task("own-" + thread + "-" + round, round));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.count()).isEqualTo(rounds + (long) threads * rounds);
        assertThat(store.findById("shared-0")).map(Task::progressPercent).hasValueSatisfying(p -> assertThat(p).isBetween(0, threads - 1));
    }
}
