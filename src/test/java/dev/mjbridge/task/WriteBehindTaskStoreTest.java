package dev.mjbridge.task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.mjbridge.discord.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine's store does between a version being made and its row being written: reads
 * see it, versions of one task coalesce and keep their order, failures are retried, close writes
 * what is left. The writer's thread and the retry timer are queues the test runs by hand.
 */
class WriteBehindTaskStoreTest {

    private final RecordingStore durable = new RecordingStore();
    private final List<TaskJson> stored = new ArrayList<>();
    private final Queue<Runnable> writerThread = new ArrayDeque<>();
    private final List<Duration> retryDelays = new ArrayList<>();
    private final Queue<Runnable> retries = new ArrayDeque<>();
    private boolean closedWriter;
    private final WriteBehindTaskStore store = new WriteBehindTaskStore(durable, stored::add, writerThread::add,
            (retry, delay) -> {
                retryDelays.add(delay);
                retries.add(retry);
            }, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)), () -> closedWriter = true);
    private long versions;

    @Test
    void aStagedVersionIsReadBeforeItIsWritten() {
        Task older = task("1", 1).withStatus(TaskStatus.SUCCESS);
        durable.save(older.withStatus(TaskStatus.IN_PROGRESS));
        Task created = task("2", 2);

        store.stage(older, json(older), false);
        store.stage(created, json(created), true);

        assertThat(durable.batches).isEmpty();
        assertThat(store.findById("1")).contains(older);
        assertThat(store.findById("2")).contains(created);
        assertThat(store.findByIds(List.of("2", "1", "404"))).containsExactly(created, older);
        assertThat(store.listRecent(0, 10)).containsExactly(created, older);
        assertThat(store.findUnfinished()).containsExactly(created);
        assertThat(store.count()).as("one stored row, one new task").isEqualTo(2);
    }

    @Test
    void versionsOfOneTaskCoalesceIntoOneRowOfOneBatch() {
        Task v1 = task("1", 1);
        Task v2 = v1.withStatus(TaskStatus.SUBMITTED);
        Task v3 = v2.withStatus(TaskStatus.IN_PROGRESS).withProgress("40%");
        Task other = task("2", 2);
        CompletableFuture<Boolean> first = store.stage(v1, json(v1), true);
        store.stage(v2, json(v2), false);
        TaskJson last = json(v3);
        CompletableFuture<Boolean> third = store.stage(v3, last, false);
        TaskJson otherJson = json(other);
        store.stage(other, otherJson, true);

        store.writeSoon();
        store.writeSoon();
        runWriter();

        assertThat(durable.batches).containsExactly(List.of(v3, other));
        assertThat(stored).containsExactly(last, otherJson);
        assertThat(first).isCompletedWithValue(true);
        assertThat(third).isCompletedWithValue(true);
        assertThat(store.backlog()).isZero();
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void aHeldVersionIsReadAtOnceButWrittenOnlyOnceReleased() {
        Task v1 = task("1", 1);
        store.stage(v1, json(v1), true);
        store.writeSoon();
        runWriter();
        Task v2 = v1.withStatus(TaskStatus.IN_PROGRESS).withProgress("40%");
        TaskJson second = json(v2);
        Task v3 = v2.withStatus(TaskStatus.SUCCESS);
        TaskJson third = json(v3);

        store.stageHeld(v2, second);
        store.stageHeld(v3, third);
        store.writeSoon();
        runWriter();
        assertThat(store.findById("1")).as("memory answers the newest").contains(v3);
        assertThat(durable.batches).as("nothing held is written").containsExactly(List.of(v1));

        store.release("1", second);
        store.writeSoon();
        runWriter();
        assertThat(durable.batches).as("releasing an older version lets no newer one go").containsExactly(List.of(v1));

        store.release("1", third);
        store.writeSoon();
        runWriter();
        assertThat(durable.batches).containsExactly(List.of(v1), List.of(v3));
        assertThat(stored).endsWith(third);
        assertThat(store.backlog()).isZero();
    }

    @Test
    void aVersionMadeWhileTheTaskIsBeingWrittenIsWrittenAfterIt() {
        Task v1 = task("1", 1);
        Task v2 = v1.withStatus(TaskStatus.SUCCESS);
        durable.duringNextWrite = () -> store.stage(v2, json(v2), false);
        store.stage(v1, json(v1), true);

        store.writeSoon();
        runWriter();

        assertThat(durable.batches).containsExactly(List.of(v1), List.of(v2));
        assertThat(durable.findById("1")).contains(v2);
        assertThat(store.findById("1")).contains(v2);
        assertThat(store.backlog()).isZero();
    }

    @Test
    void aFailedWriteIsRetriedWithBackoffWhileReadersSeeMemory() {
        Task done = task("1", 1).withStatus(TaskStatus.SUCCESS);
        TaskJson version = json(done);
        durable.failures = 2;
        CompletableFuture<Boolean> written = store.stage(done, version, true);

        store.writeSoon();
        runWriter();

        assertThat(written).isNotDone();
        assertThat(stored).isEmpty();
        assertThat(store.findById("1")).contains(done);
        assertThat(retryDelays).hasSize(1);

        Task later = done.withProperty("seed", "7");
        store.stage(later, json(later), false);
        store.writeSoon(); // the writer is waiting for its retry: nothing runs now
        assertThat(writerThread).isEmpty();

        retries.poll().run();
        assertThat(retryDelays).as("second failure, second retry").hasSize(2);
        assertThat(retryDelays.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        retries.poll().run();

        assertThat(written).isCompletedWithValue(true);
        assertThat(durable.findById("1")).contains(later);
        assertThat(store.backlog()).isZero();
        assertThat(retries).isEmpty();
    }

    @Test
    void aRowTheDatabaseRefusesHoldsBackOnlyItself() {
        Task poison = task("1", 1);
        Task fine = task("2", 2);
        durable.refused = "1";
        CompletableFuture<Boolean> refused = store.stage(poison, json(poison), true);
        CompletableFuture<Boolean> written = store.stage(fine, json(fine), true);

        store.writeSoon();
        runWriter();

        assertThat(written).isCompletedWithValue(true);
        assertThat(refused).isNotDone();
        assertThat(durable.findById("2")).contains(fine);
        assertThat(store.findById("1")).contains(poison);
        assertThat(retries).hasSize(1);

        Task next = task("3", 3);
        CompletableFuture<Boolean> nextWritten = store.stage(next, json(next), true);
        store.writeSoon();
        runWriter();
        assertThat(nextWritten).as("written without waiting for the refused row's retry").isCompletedWithValue(true);

        retries.poll().run();
        runWriter();
        assertThat(refused).as("refused again, alone").isNotDone();
        assertThat(retries).as("it waits for its own next retry").hasSize(1);
        assertThat(retryDelays.get(1)).as("its second attempt backs off further").isGreaterThanOrEqualTo(Duration.ofMillis(100));
        Task after = task("4", 4);
        CompletableFuture<Boolean> afterWritten = store.stage(after, json(after), true);
        store.writeSoon();
        runWriter();
        assertThat(afterWritten).isCompletedWithValue(true);

        durable.refused = null;
        retries.poll().run();
        runWriter();
        assertThat(refused).isCompletedWithValue(true);
        assertThat(store.backlog()).isZero();
    }

    @Test
    void aStoredFinalTaskKeptByTheDatabaseIsReportedAsNotWritten() {
        Task done = task("1", 1).withStatus(TaskStatus.CANCEL);
        durable.save(done);
        Task stale = done.withStatus(TaskStatus.IN_PROGRESS);

        CompletableFuture<Boolean> written = store.stage(stale, json(stale), false);
        store.writeSoon();
        runWriter();

        assertThat(written).isCompletedWithValue(false);
        assertThat(store.findById("1")).contains(done);
    }

    /** In a cluster these are announced to the other instances: only what the database took, after a failed try too. */
    @Test
    void theListenerOfStoredTasksIsToldEachCommittedWriteWithoutTheVersionsTheDatabaseKept() {
        List<List<String>> told = new ArrayList<>();
        store.onStoredTasks(tasks -> told.add(tasks.stream().map(Task::id).toList()));
        Task done = task("1", 1).withStatus(TaskStatus.CANCEL);
        durable.save(done);
        Task stale = done.withStatus(TaskStatus.IN_PROGRESS);
        Task fresh = task("2", 2);
        // The batch, then each row alone.
        durable.failures = 3;

        store.stage(stale, json(stale), false);
        store.stage(fresh, json(fresh), true);
        store.writeSoon();
        runWriter();
        assertThat(told).as("nothing while the write fails").isEmpty();
        retries.poll().run();
        runWriter();

        assertThat(told).containsExactly(List.of("2"));
    }

    @Test
    void listRecentMergesStagedTasksIntoThePages() {
        for (int i = 1; i <= 6; i++) {
            if (i % 2 == 0) {
                durable.save(task("10" + i, 100 + i));
            } else {
                Task staged = task("10" + i, 100 + i);
                store.stage(staged, json(staged), true);
            }
        }

        assertThat(store.listRecent(0, 2)).extracting(Task::id).containsExactly("106", "105");
        assertThat(store.listRecent(2, 3)).extracting(Task::id).containsExactly("104", "103", "102");
        assertThat(store.listRecent(5, 3)).extracting(Task::id).containsExactly("101");
        assertThat(store.count()).isEqualTo(6);
    }

    @Test
    void closeWritesWhatIsLeftThenStopsTheWriter() {
        WriteBehindTaskStore direct = new WriteBehindTaskStore(durable, stored::add, Runnable::run,
                (retry, delay) -> retries.add(retry), Backoff.standard(), () -> closedWriter = true);
        Task task = task("1", 1).withStatus(TaskStatus.SUCCESS);
        direct.stage(task, json(task), true);
        assertThat(durable.findById("1")).isEmpty();

        direct.close();

        assertThat(durable.findById("1")).contains(task);
        assertThat(stored).hasSize(1);
        assertThat(closedWriter).isTrue();
    }

    @Test
    void aVersionStagedAfterCloseStaysInMemoryWithoutFailingItsCaller() {
        WriteBehindTaskStore closed = WriteBehindTaskStore.onOwnThread(durable, stored::add);
        closed.close();
        Task late = task("1", 1).withStatus(TaskStatus.FAILURE);

        closed.stage(late, json(late), true);
        closed.writeSoon();

        assertThat(closed.findById("1")).contains(late);
        assertThat(durable.findById("1")).isEmpty();
    }

    @Test
    void saveWaitsForTheWrite() {
        WriteBehindTaskStore direct = WriteBehindTaskStore.onCallingThread(durable, stored::add);
        Task done = task("1", 1).withStatus(TaskStatus.SUCCESS);

        assertThat(direct.save(done)).isTrue();
        assertThat(direct.save(done.withStatus(TaskStatus.FAILURE))).isFalse();
        assertThat(durable.findById("1")).contains(done);
        assertThat(stored).as("no cache waits for a plain save").isEmpty();
    }

    private void runWriter() {
        Runnable next;
        while ((next = writerThread.poll()) != null) {
            next.run();
        }
    }

    private TaskJson json(Task task) {
        return new TaskJson(task.id(), ++versions, task.status(), task, new byte[0]);
    }

    private static Task task(String id, long submitTime) {
        return TaskStoreContractTest.task(id, submitTime);
    }

    /** A store in memory that records each batch, and fails when told to. */
    private static final class RecordingStore extends MemoryTaskStore {
        final List<List<Task>> batches = new ArrayList<>();
        int failures;
        String refused;
        Runnable duringNextWrite;

        @Override
        public List<Boolean> saveAll(List<Task> batch) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("database down");
            }
            if (batch.stream().anyMatch(t -> t.id().equals(refused))) {
                throw new IllegalStateException("value too long");
            }
            Runnable hook = duringNextWrite;
            duringNextWrite = null;
            if (hook != null) {
                hook.run();
            }
            batches.add(List.copyOf(batch));
            return batch.stream().map(this::save).toList();
        }






    }
}
