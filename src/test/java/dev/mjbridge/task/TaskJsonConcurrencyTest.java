package dev.mjbridge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.RepeatedTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writers move tasks through progress to SUCCESS and then change them further (as a seed
 * learned later does), through a slow store and a
 * cache so small that entries are evicted all the time; readers fetch and list meanwhile. Once
 * any reader has seen a version of a task, no reader may answer an older one.
 */
class TaskJsonConcurrencyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TASKS = 6;
    private static final int STEPS = 40;
    private static final int READERS = 3;
    /** Changes to each finished task (as a seed learned later): they are read from the store once evicted. */
    private static final int AMENDMENTS = 30;

    @RepeatedTest(3)
    void noReaderAnswersAnOlderVersionThanOneAlreadyAnswered() throws InterruptedException {
        InFlightIndex index = new InFlightIndex();
        SlowStore store = new SlowStore();
        // Room for about one finished task: versions are evicted while others are read and written.
        TaskWriter writer = new TaskWriter(index, store, new TaskTransitions(), new TaskJsonCache(JSON, 1_500), List.of());
        TaskReads reads = new TaskReads(index, writer.json(), store);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            ids.add(writer.create(TaskJsonCacheTest.running(Long.toString(1732800000002000L + i))).id());
        }
        AtomicIntegerArray highest = new AtomicIntegerArray(TASKS);
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);

        List<Thread> writers = new ArrayList<>();
        for (String id : ids) {
            writers.add(started(() -> {
                for (int step = 1; step <= STEPS; step++) {
                    writer.apply(id, new TaskUpdate.Progress(step * 99 / STEPS, null, "m-" + id, null));
                }
                TaskJsonCacheTest.finish(writer, id);
                for (int n = 1; n <= AMENDMENTS; n++) {
                    int amendment = n;
                    writer.changeFinished(id, t -> t.withProperty("amendment", amendment));
                }
            }));
        }
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(started(() -> {
                // Keep reading until the writers are done, then once more over everything.
                boolean last = false;
                while (!last) {
                    last = !writing.get();
                    for (int i = 0; i < TASKS; i++) {
                        int task = ThreadLocalRandom.current().nextInt(TASKS);
                        int seenBefore = highest.get(task);
                        Optional<TaskJson> found = ThreadLocalRandom.current().nextBoolean()
                                ? reads.find(ids.get(task))
                                : reads.findAll(List.of(ids.get(task))).stream().findFirst();
                        int rank = found.map(TaskJsonConcurrencyTest::rank).orElse(-1);
                        if (rank < seenBefore) {
                            violations.add("task " + task + ": answered rank " + rank + " after " + seenBefore);
                        }
                        highest.accumulateAndGet(task, rank, Math::max);
                    }
                }
            }));
        }
        for (Thread thread : writers) {
            thread.join(60_000);
            assertThat(thread.isAlive()).as("writer still running").isFalse();
        }
        writing.set(false);
        for (Thread thread : readers) {
            thread.join(60_000);
            assertThat(thread.isAlive()).as("reader still running").isFalse();
        }

        assertThat(violations).isEmpty();
        for (String id : ids) {
            assertThat(reads.find(id).map(TaskJsonConcurrencyTest::rank)).as(id).contains(STEPS + 1 + AMENDMENTS);
            assertThat(reads.find(id).orElseThrow().json()).isEqualTo(JSON.writeValueAsBytes(store.findById(id).orElseThrow()));
        }
        assertThat(writer.json().unsettledCount()).isZero();
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Orders the versions the writers make: the progress step, then SUCCESS, then each change after it. */
    private static int rank(TaskJson json) {
        JsonNode task = JSON.readTree(json.json());
        if ("SUCCESS".equals(task.path("status").asString())) {
            return STEPS + 1 + task.path("properties").path("amendment").asInt(0);
        }
        int percent = Integer.parseInt(task.path("progress").asString().replace("%", ""));
        return percent * STEPS / 99;
    }

    /** A store whose reads and writes take a little, random time: the windows a race needs. */
    private static final class SlowStore extends TaskJsonCacheTest.CountingStore {
        @Override
        public boolean save(Task task) {
            pause();
            return super.save(task);
        }

        @Override
        public Optional<Task> findById(String id) {
            pause();
            Optional<Task> found = super.findById(id);
            pause();
            return found;
        }

        @Override
        public List<Task> findByIds(java.util.Collection<String> ids) {
            pause();
            List<Task> found = super.findByIds(ids);
            pause();
            return found;
        }

        private static void pause() {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(500)));
        }
    }
}
