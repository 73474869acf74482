package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The task JSON cache and the reads on it: versions, the byte bound, and when the store is asked. */
class TaskJsonCacheTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InFlightIndex index = new InFlightIndex();
    private final CountingStore store = new CountingStore();

    @Test
    void fetchAnswersTheMappersBytesForEveryVersionAndReadsNoStoreForThem() {
        TaskWriter writer = writer(TaskJsonCache.DEFAULT_MAX_BYTES);
        TaskReads reads = new TaskReads(index, writer.json(), store);

        Task created = writer.create(running("1732800000000001"));
        assertThat(json(reads.find(created.id()))).isEqualTo(bytes(created));
        Task progressed = writer.apply(created.id(), new TaskUpdate.Progress(40, null, "m-1", null)).orElseThrow();
        assertThat(json(reads.find(created.id()))).isEqualTo(bytes(progressed));
        Task finished = finish(writer, created.id());
        assertThat(json(reads.find(created.id()))).isEqualTo(bytes(finished));
        assertThat(reads.find(created.id()).orElseThrow()).as("one serialization per version")
                .isSameAs(reads.find(created.id()).orElseThrow());

        assertThat(store.reads.get()).as("store reads").isZero();
    }

    @Test
    void aVersionNotStoredYetIsAnsweredAndAnOlderOneNeverReplacesIt() {
        TaskJsonCache cache = new TaskJsonCache(JSON, TaskJsonCache.DEFAULT_MAX_BYTES);
        TaskReads reads = new TaskReads(index, cache, store);
        Task running = running("1732800000000002");
        Task done = running.withStatus(TaskStatus.SUCCESS).withProgress("100%");
        store.save(running);

        TaskJson first = cache.written(running);
        TaskJson last = cache.written(done);
        assertThat(last.version()).isGreaterThan(first.version());
        assertThat(json(reads.find(running.id()))).as("not stored yet, still the newest").isEqualTo(bytes(done));

        store.save(done);
        cache.stored(last);
        cache.stored(first); // a late store write of an older version
        assertThat(json(reads.find(running.id()))).isEqualTo(bytes(done));
        assertThat(cache.unsettledCount()).isZero();
        assertThat(store.reads.get()).isZero();
    }

    @Test
    void theSettledTierStaysWithinItsByteBoundAndEvictedTasksComeBackFromTheStoreUnchanged() {
        long bound = 16 * 1024;
        TaskWriter writer = writer(bound);
        TaskReads reads = new TaskReads(index, writer.json(), store);
        List<Task> finished = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Task task = writer.create(running(Long.toString(1732800000001000L + i)));
            finished.add(finish(writer, task.id()));
        }

        assertThat(writer.json().settledBytes()).isLessThanOrEqualTo(bound).isPositive();
        assertThat(writer.json().settledCount()).isLessThan(200);
        for (Task task : finished) {
            assertThat(json(reads.find(task.id()))).isEqualTo(bytes(task));
        }
        assertThat(store.reads.get()).as("evicted tasks are read from the store").isPositive();
        assertThat(writer.json().settledBytes()).isLessThanOrEqualTo(bound);
    }

    @Test
    void aFinishedTaskReadFromTheStoreIsCachedForTheNextFetch() {
        Task done = running("1732800000000003").withStatus(TaskStatus.SUCCESS).withProgress("100%");
        store.save(done);
        TaskReads reads = new TaskReads(index, new TaskJsonCache(JSON, TaskJsonCache.DEFAULT_MAX_BYTES), store);

        assertThat(json(reads.find(done.id()))).isEqualTo(bytes(done));
        assertThat(json(reads.find(done.id()))).isEqualTo(bytes(done));
        assertThat(store.reads.get()).isEqualTo(1);
        assertThat(reads.find("1732800000000404")).isEmpty();
    }

    @Test
    void aRunningTaskReadFromTheStoreIsNotCached() {
        Task running = running("1732800000000004");
        store.save(running);
        TaskReads reads = new TaskReads(index, new TaskJsonCache(JSON, TaskJsonCache.DEFAULT_MAX_BYTES), store);

        reads.find(running.id());
        reads.find(running.id());
        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    void withNoRoomFinishedTasksAreReadFromTheStoreEachTime() {
        TaskWriter writer = writer(0);
        TaskReads reads = new TaskReads(index, writer.json(), store);
        Task done = finish(writer, writer.create(running("1732800000000005")).id());

        assertThat(json(reads.find(done.id()))).isEqualTo(bytes(done));
        assertThat(json(reads.find(done.id()))).isEqualTo(bytes(done));
        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    void listKeepsTheOrderSkipsUnknownAndRepeatedIdsAndAsksTheStoreOnceForWhatMemoryLacks() {
        TaskWriter writer = writer(TaskJsonCache.DEFAULT_MAX_BYTES);
        Task inMemory = finish(writer, writer.create(running("1732800000000006")).id());
        Task running = writer.create(running("1732800000000007"));
        Task onlyStored = running("1732800000000008").withStatus(TaskStatus.FAILURE).withFailReason("banned");
        Task alsoStored = running("1732800000000009").withStatus(TaskStatus.SUCCESS);
        store.save(onlyStored);
        store.save(alsoStored);
        TaskReads reads = new TaskReads(index, writer.json(), store);

        List<TaskJson> listed = reads.findAll(List.of(alsoStored.id(), "404", running.id(), inMemory.id(),
                alsoStored.id(), onlyStored.id()));

        assertThat(listed).extracting(TaskJson::id)
                .containsExactly(alsoStored.id(), running.id(), inMemory.id(), onlyStored.id());
        assertThat(listed.get(0).json()).isEqualTo(bytes(alsoStored));
        assertThat(listed.get(1).json()).isEqualTo(bytes(running));
        assertThat(store.batchReads.get()).isEqualTo(1);
        assertThat(store.reads.get()).isZero();
    }

    @Test
    void aSeedLearnedAfterTheTaskFinishedReplacesTheCachedVersion() {
        TaskWriter writer = writer(TaskJsonCache.DEFAULT_MAX_BYTES);
        TaskReads reads = new TaskReads(index, writer.json(), store);
        Task done = finish(writer, writer.create(running("1732800000000010")).id());
        reads.find(done.id());

        Task seeded = writer.changeFinished(done.id(), t -> t.withProperty("seed", "1259687673")).orElseThrow();

        assertThat(json(reads.find(done.id()))).isEqualTo(bytes(seeded));
        assertThat(new String(json(reads.find(done.id())), StandardCharsets.UTF_8)).contains("\"seed\":\"1259687673\"");
        assertThat(store.findById(done.id())).contains(seeded);
    }

    @Test
    void aVersionStoredAndEvictedWhileAReaderReadTheStoreIsNotHiddenByTheOlderRowThatReaderGot() {
        TaskWriter writer = writer(TaskJsonCache.DEFAULT_MAX_BYTES);
        TaskReads reads = new TaskReads(index, writer.json(), store);
        Task done = finish(writer, writer.create(running("1732800000000011")).id());
        writer.json().evict(done.id());
        Task[] seeded = new Task[1];
        // While the reader holds the old row: a newer version is made, stored, read by someone, and evicted.
        store.duringNextRead = () -> {
            seeded[0] = writer.changeFinished(done.id(), t -> t.withProperty("seed", "7")).orElseThrow();
            assertThat(json(reads.find(done.id()))).isEqualTo(bytes(seeded[0]));
            writer.json().evict(done.id());
        };

        assertThat(json(reads.find(done.id()))).as("the slow reader").isEqualTo(bytes(seeded[0]));
        assertThat(json(reads.find(done.id()))).as("what it left in the cache").isEqualTo(bytes(seeded[0]));
    }

    @Test
    void aVersionMadeVisibleWhileAReaderReadTheStoreWinsOverTheRowThatReaderGot() {
        TaskWriter writer = writer(TaskJsonCache.DEFAULT_MAX_BYTES);
        TaskReads reads = new TaskReads(index, writer.json(), store);
        Task done = finish(writer, writer.create(running("1732800000000012")).id());
        writer.json().evict(done.id());
        Task seeded = done.withProperty("seed", "8");
        // Visible (another fetch may answer it) but not stored yet when the reader's row comes back.
        store.duringNextRead = () -> writer.json().written(seeded);

        assertThat(json(reads.find(done.id()))).isEqualTo(bytes(seeded));
    }

    @Test
    void theBoundIsNeverNegative() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaskJsonCache(JSON, -1))
                .hasMessageContaining("0 or more");
    }

    private TaskWriter writer(long maxBytes) {
        return new TaskWriter(index, store, new TaskTransitions(), new TaskJsonCache(JSON, maxBytes), List.of());
    }

    static Task running(String id) {
        return Task.create(id, JobKind.IMAGINE, Long.parseLong(id))
                .withStatus(TaskStatus.SUBMITTED)
                .withPrompt("a lighthouse at dusk --v 7", "a lighthouse at dusk --v 7")
                .withDescription("/imagine a lighthouse at dusk --v 7")
                .withProperties(TaskProperties.EMPTY.withNonce("n-" + id).withDiscordInstanceId("main"));
    }

    static Task finish(TaskWriter writer, String id) {
        String hash = "3dbbd469-36af-4a0f-8f02-df6c579e7011";
        return writer.apply(id, new TaskUpdate.Finished("https://cdn.example/" + id + ".png",
                List.of(new TaskButton("MJ::JOB::upsample::1::" + hash, "", "U1", 2, 2)),
                "r-" + id, hash, "a lighthouse at dusk --v 7", 0, null)).orElseThrow();
    }

    private static byte[] bytes(Task task) {
        return JSON.writeValueAsBytes(task);
    }

    private static byte[] json(Optional<TaskJson> found) {
        return found.orElseThrow().json();
    }

    /** Counts what is asked of the store. */
    static class CountingStore extends MemoryTaskStore {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger batchReads = new AtomicInteger();
        /** Runs once, after the next findById has read its row and before it returns it. */
        volatile Runnable duringNextRead;


        @Override
        public Optional<Task> findById(String id) {
            reads.incrementAndGet();
            Optional<Task> found = super.findById(id);
            Runnable hook = duringNextRead;
            if (hook != null) {
                duringNextRead = null;
                hook.run();
            }
            return found;
        }

        @Override
        public List<Task> findByIds(java.util.Collection<String> ids) {
            batchReads.incrementAndGet();
            return super.findByIds(ids);
        }



    }
}
