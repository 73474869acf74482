package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskJson;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.testing.Waits;

/**
 * A stuck subscriber (its client takes no bytes, so the write to it never returns) against the hub:
 * the engine's calls return at once, another stream gets every change, and the stuck one is dropped
 * once its buffer is full, with a last {@code event: dropped} saying why. (Over HTTP a client that stops
 * reading is only stuck once the sockets' buffers, megabytes on a loopback, are full, which a test
 * cannot bring about with a few tasks; the sink here stands for that socket.)
 */
class TaskEventsTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final TaskEvents hub = new TaskEvents(new EventsProperties(Duration.ofMinutes(1), 10, 2, 100, 2));
    private final CountDownLatch unstick = new CountDownLatch(1);

    @AfterEach
    void close() {
        unstick.countDown();
        hub.close();
    }

    @Test
    void aStuckSubscriberIsDroppedWhileTheOthersAndTheEngineGoOn() {
        RecordingSink stuck = new RecordingSink(unstick);
        RecordingSink reader = new RecordingSink(null);
        hub.open(StreamInterest.all(java.util.Set.of()), null, stuck).orElseThrow().stream().start(List.of());
        hub.open(StreamInterest.all(java.util.Set.of()), null, reader).orElseThrow().stream().start(List.of());

        for (int progress = 0; progress <= 100; progress += 10) {
            publish("t1", progress);
            int told = progress / 10 + 1;
            // A reader that keeps up: it has each change before the next comes (its buffer is as small).
            Waits.await("the reading subscriber to get change " + told, LIMIT).until(() -> reader.sent.size() == told);
        }

        assertThat(reader.sent).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(0, 10).mapToObj(i -> json("t1", i * 10)).toList());
        assertThat(hub.open()).as("the stuck stream is no longer fed").isEqualTo(1);
        assertThat(stuck.dropped).isEmpty();

        unstick.countDown();
        Waits.await("the stuck subscriber to be told it was dropped", LIMIT).until(() -> stuck.completed);
        assertThat(stuck.dropped).singleElement().asString().contains("mj.events.buffer");
        assertThat(stuck.sent).as("only what it took before its buffer ran over").hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void beyondMaxSubscribersNoStreamOpens() {
        TaskEvents small = new TaskEvents(new EventsProperties(Duration.ofMinutes(1), 1, 2, 100, 1));
        try {
            assertThat(small.open(StreamInterest.all(java.util.Set.of()), null, new RecordingSink(null))).isPresent();
            assertThat(small.open(StreamInterest.all(java.util.Set.of()), null, new RecordingSink(null))).isEmpty();
        } finally {
            small.close();
        }
    }

    private long version;

    private void publish(String id, int progress) {
        hub.onTaskChanged(Task.create(id, JobKind.IMAGINE, 0), new TaskJson(id, ++version,
                progress == 100 ? TaskStatus.SUCCESS : TaskStatus.IN_PROGRESS, null,
                json(id, progress).getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(String id, int progress) {
        return "{\"id\":\"" + id + "\",\"progress\":\"" + progress + "%\"}";
    }

    private static final class RecordingSink implements TaskEventStream.Sink {

        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> dropped = new CopyOnWriteArrayList<>();
        volatile boolean completed;
        private final CountDownLatch gate;

        RecordingSink(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public void send(Long id, byte[] taskJson) {
            sent.add(new String(taskJson, StandardCharsets.UTF_8));
            if (gate != null) {
                try {
                    // A write into a socket whose client reads nothing.
                    gate.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void dropped(String reason) {
            dropped.add(reason);
        }

        @Override
        public void ping() {
        }

        @Override
        public void complete() {
            completed = true;
        }
    }
}
