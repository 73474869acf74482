package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.mjbridge.task.TaskUpdate.Finished;
import dev.mjbridge.task.TaskUpdate.Linked;
import dev.mjbridge.task.TaskUpdate.Progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InFlightIndexTest {

    private static final String HASH = "3dbbd469-36af-4a0f-8f02-df6c579e7011";

    private final AtomicLong nanos = new AtomicLong();
    private final InFlightIndex index = new InFlightIndex(Duration.ofMinutes(30), nanos::get);
    private final TaskTransitions transitions = new TaskTransitions();

    private static Task running(String id) {
        return Task.create(id, JobKind.IMAGINE, 1L)
                .withStatus(TaskStatus.IN_PROGRESS)
                .withPrompt("一只猫", "a cat --ar 3:2")
                .withProperties(TaskProperties.EMPTY
                        .withNonce("nonce-" + id)
                        .withInteractionId("interaction-" + id)
                        .withProgressMessageId("progress-" + id)
                        .withMessageHash("hash-" + id)
                        .withDiscordInstanceId("main")
                        .withFinalPrompt("a cat --ar 3:2 --v 7"));
    }

    @Test
    void findsATaskByEachKey() {
        Task task = running("1");
        index.put(task);

        assertThat(index.findById("1")).contains(task);
        assertThat(index.findByNonce("nonce-1")).contains(task);
        assertThat(index.findByInteractionId("interaction-1")).contains(task);
        assertThat(index.findByMessageId("progress-1")).contains(task);
        assertThat(index.findByJobHash("hash-1")).contains(task);
        assertThat(index.findByPrompt("main", "**A cat --ar 3:2 --v 7 --style raw**")).containsExactly(task);
    }

    @Test
    void unknownKeysFindNothing() {
        index.put(running("1"));

        assertThat(index.findById("2")).isEmpty();
        assertThat(index.findByNonce("nonce-2")).isEmpty();
        assertThat(index.findByNonce(null)).isEmpty();
        assertThat(index.findByInteractionId("nonce-1")).as("keys of one kind do not answer for another").isEmpty();
        assertThat(index.findByMessageId("hash-1")).isEmpty();
        assertThat(index.findByPrompt("other-account", "a cat")).isEmpty();
        assertThat(index.findByPrompt("main", "a dog")).isEmpty();
    }

    @Test
    void theResultMessageIdIsAKeyToo() {
        index.put(running("1").withProperties(running("1").properties().withMessageId("result-1")));

        assertThat(index.findByMessageId("result-1")).map(Task::id).contains("1");
        assertThat(index.findByMessageId("progress-1")).map(Task::id).contains("1");
    }

    @Test
    void samePromptOnOneAccountGivesAllTasksOldestFirst() {
        index.put(running("1732800000000002"));
        index.put(running("1732800000000001"));
        index.put(running("1732800000000003").withProperties(
                running("1732800000000003").properties().withDiscordInstanceId("other")));

        assertThat(index.findByPrompt("main", "a cat")).extracting(Task::id)
                .containsExactly("1732800000000001", "1732800000000002");
    }

    @Test
    void buttonTasksAreFoundByTheMessageTheyPressedOnTheirAccountOldestFirst() {
        index.put(pressed("1732800000000003", "grid-1", 2));
        index.put(pressed("1732800000000001", "grid-1", 1));
        index.put(pressed("1732800000000002", "grid-2", 1));

        assertThat(index.findByParentMessage("main", "grid-1")).extracting(Task::id)
                .containsExactly("1732800000000001", "1732800000000003");
        assertThat(index.findByParentMessage("other-account", "grid-1")).isEmpty();
        assertThat(index.findByParentMessage("main", "grid-3")).isEmpty();
        assertThat(index.findByMessageId("grid-1")).as("the parent's message is not the task's own").isEmpty();
    }

    @Test
    void aButtonTaskLeavesItsParentsIndexWhenFinal() {
        Task task = pressed("1732800000000001", "grid-1", 1);
        index.put(task);

        index.update(task.id(), t -> transitions.apply(t, new TaskUpdate.Failed("no")));

        assertThat(index.findByParentMessage("main", "grid-1")).isEmpty();
        assertThat(index.keyCount()).isZero();
        assertThat(index.findFinished(null, null, "grid-1", null)).as("a parent's message names no finished child")
                .isEmpty();
    }

    private static Task pressed(String id, String parentMessageId, int imageIndex) {
        return running(id).withInternal(TaskInternal.EMPTY.withRuntime(
                new TaskRuntime(null, null, parentMessageId, imageIndex, null)));
    }

    @Test
    void aTaskWithoutAccountHasNoPromptKey() {
        index.put(Task.create("1", JobKind.IMAGINE, 1L).withPrompt("a cat", "a cat"));

        assertThat(index.findByPrompt("main", "a cat")).isEmpty();
        assertThat(index.findById("1")).isPresent();
    }

    @Test
    void keysAccumulateSoLateEventsWithOldKeysStillFindTheTask() {
        index.put(running("1"));

        // e.g. a remix modal submitted with a fresh nonce
        index.update("1", t -> Optional.of(t.withProperties(t.properties().withNonce("nonce-1b"))));
        index.update("1", t -> Optional.of(t.withProperties(t.properties().withProgressMessageId("progress-1b"))));

        assertThat(index.findByNonce("nonce-1")).map(Task::id).contains("1");
        assertThat(index.findByNonce("nonce-1b")).map(Task::id).contains("1");
        assertThat(index.findByMessageId("progress-1")).map(Task::id).contains("1");
        assertThat(index.findByMessageId("progress-1b")).map(Task::id).contains("1");
    }

    @Test
    void updateAppliesAtomicallyAndReturnsTheNewTask() {
        index.put(running("1"));

        Optional<Task> changed = index.update("1", t -> transitions.apply(t, new Progress(40, "u", null, null)));

        assertThat(changed).map(Task::progress).contains("40%");
        assertThat(index.findByJobHash("hash-1")).map(Task::progress).contains("40%");
    }

    @Test
    void updateOfAnIgnoredChangeOrUnknownTaskIsEmpty() {
        index.put(running("1"));

        assertThat(index.update("1", t -> Optional.empty())).isEmpty();
        assertThat(index.update("404", t -> Optional.of(t.withProgress("1%")))).isEmpty();
        assertThat(index.findById("404")).isEmpty();
    }

    @Test
    void updateMustKeepTheId() {
        index.put(running("1"));

        assertThatIllegalArgumentException().isThrownBy(() -> index.update("1", t -> Optional.of(running("2"))));
        assertThat(index.findById("1")).isPresent();
    }

    @Test
    void aTaskThatBecomesFinalLeavesWithAllItsKeys() {
        index.put(running("1"));
        index.put(running("2"));

        Optional<Task> done = index.update("1", t -> transitions.apply(t,
                new Finished("https://cdn/x.png", List.of(), "result-1", HASH, null, 0, null)));

        assertThat(done).map(Task::status).contains(TaskStatus.SUCCESS);
        assertThat(index.findById("1")).isEmpty();
        assertThat(index.findByNonce("nonce-1")).isEmpty();
        assertThat(index.findByInteractionId("interaction-1")).isEmpty();
        assertThat(index.findByMessageId("progress-1")).isEmpty();
        assertThat(index.findByMessageId("result-1")).isEmpty();
        assertThat(index.findByJobHash(HASH)).isEmpty();
        assertThat(index.findByJobHash("hash-1")).isEmpty();
        assertThat(index.findByPrompt("main", "a cat")).extracting(Task::id).containsExactly("2");
        assertThat(index.size()).isOne();
        index.remove("2");
        assertThat(index.keyCount()).isZero();
    }

    @Test
    void aFinishedTaskIsRememberedByItsKeysSoLateNewsOfItIsRecognised() {
        index.put(running("1"));
        index.put(running("2"));

        index.update("1", t -> transitions.apply(t, new Finished("https://cdn/x.png", List.of(), "result-1", HASH, null, 0, null)));

        assertThat(index.findFinished("nonce-1", null, null, null)).contains("1");
        assertThat(index.findFinished(null, "interaction-1", null, null)).contains("1");
        assertThat(index.findFinished(null, null, "progress-1", null)).contains("1");
        assertThat(index.findFinished(null, null, "result-1", null)).contains("1");
        assertThat(index.findFinished(null, null, null, HASH)).contains("1");
        assertThat(index.findFinished("nonce-2", "interaction-2", "progress-2", "hash-2")).as("still in flight").isEmpty();
        assertThat(index.findFinished(null, null, null, null)).isEmpty();
        assertThat(index.findByPrompt("main", "a cat")).as("the prompt is not a key of the finished task")
                .extracting(Task::id).containsExactly("2");
    }

    @Test
    void puttingAFinalTaskRemovesIt() {
        index.put(running("1"));

        index.put(running("1").withStatus(TaskStatus.CANCEL));

        assertThat(index.findById("1")).isEmpty();
        assertThat(index.keyCount()).isZero();
        index.put(running("2").withStatus(TaskStatus.FAILURE));
        assertThat(index.findById("2")).isEmpty();
        assertThat(index.keyCount()).isZero();
    }

    @Test
    void removeForgetsTheTaskAndItsKeys() {
        index.put(running("1"));

        index.remove("1");
        index.remove("1");

        assertThat(index.findByNonce("nonce-1")).isEmpty();
        assertThat(index.size()).isZero();
        assertThat(index.keyCount()).isZero();
    }

    @Test
    void aTaskNotWrittenForTheExpiryTimeIsDroppedWithItsKeys() {
        index.put(running("1"));
        nanos.addAndGet(Duration.ofMinutes(20).toNanos());
        index.put(running("2"));
        index.update("1", t -> transitions.apply(t, new Linked(null, null, "hash-1b")));

        nanos.addAndGet(Duration.ofMinutes(20).toNanos());
        index.cleanUp();
        assertThat(index.findById("1")).as("written 20 minutes ago").isPresent();

        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        index.cleanUp();
        assertThat(index.findById("1")).isEmpty();
        assertThat(index.findById("2")).isEmpty();
        assertThat(index.findByNonce("nonce-1")).isEmpty();
        assertThat(index.keyCount()).isZero();
    }

    @Test
    void snapshotListsTheTasksInFlight() {
        index.put(running("1"));
        index.put(running("2"));

        assertThat(index.snapshot()).extracting(Task::id).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void concurrentUpdatesOfOneTaskLoseNothingAndConcurrentReadersAlwaysSeeAWholeTask() throws Exception {
        int tasks = 50;
        int writers = 3;
        for (int i = 0; i < tasks; i++) {
            index.put(running(String.valueOf(i)).withProgress("0%"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < tasks; i++) {
                        String id = String.valueOf(i);
                        // Each writer increments the progress once: no increment may be lost.
                        index.update(id, t -> Optional.of(t.withProgress((t.progressPercent() + 1) + "%")
                                .withProperties(t.properties().withNonce("nonce-" + id + "-" + writer))));
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < tasks; i++) {
                        assertThat(index.findByJobHash("hash-" + i)).map(Task::id).contains(String.valueOf(i));
                    }
                }
                return null;
            }));
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < tasks; i++) {
            assertThat(index.findById(String.valueOf(i))).map(Task::progress).contains(writers + "%");
            for (int w = 0; w < writers; w++) {
                assertThat(index.findByNonce("nonce-" + i + "-" + w)).map(Task::id).contains(String.valueOf(i));
            }
        }
    }

    @Test
    void concurrentFinishesRemoveEveryKey() throws Exception {
        int tasks = 200;
        for (int i = 0; i < tasks; i++) {
            index.put(running(String.valueOf(i)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < tasks; i++) {
                        // Everyone finishes every task; exactly one finish per task may win.
                        index.update(String.valueOf(i), t -> transitions.apply(t,
                                new Finished("u", List.of(), "result", null, null, 0, null)));
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

        assertThat(index.size()).isZero();
        assertThat(index.keyCount()).isZero();
    }
}
