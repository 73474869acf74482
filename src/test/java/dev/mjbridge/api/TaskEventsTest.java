package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * Slow and stuck subscribers against the hub, with sinks that stand for the HTTP response: a write that
 * does not return is a socket whose client takes no bytes. (Over HTTP that takes the sockets' buffers to
 * fill first; TaskEventsStuckClientTest does it with small buffers.) The engine's calls return at once
 * throughout; a lagging stream catches up with each task's latest version (so may any stream a change or
 * two behind: the readers here are only sure to get each task's last version); one with changes of too
 * many tasks waiting is dropped with a reason; one whose write hangs is given up and the others keep flowing.
 */
class TaskEventsTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration NEVER = Duration.ofMinutes(1);
    private final CountDownLatch unstick = new CountDownLatch(1);
    private TaskEvents hub;
    private long version;

    @AfterEach
    void close() {
        unstick.countDown();
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aLaggingSubscriberCatchesUpWithEachTasksLatestVersionInIdOrder() {
        hub = new TaskEvents(new EventsProperties(NEVER, 10, 4, 100, 2, NEVER));
        RecordingSink slow = open(new RecordingSink(unstick, false));
        RecordingSink reader = open(new RecordingSink(null, false));

        publish("t1", 0);
        Waits.await("the slow subscriber's first write to hang", LIMIT).until(() -> slow.sent.size() == 1);
        publish("t2", 10);
        publish("t1", 20);
        publish("t3", 10);
        publish("t2", 20);
        publish("t1", 30);
        publish("t1", 40);
        Waits.await("the reader to get the last change", LIMIT).until(() -> reader.sent.contains(json("t1", 40)));

        unstick.countDown();
        Waits.await("the slow subscriber to catch up", LIMIT).until(() -> slow.sent.size() == 4);
        assertThat(slow.sent).as("after the hung write, the latest version of each task, in the order of their ids")
                .containsExactly(json("t1", 0), json("t3", 10), json("t2", 20), json("t1", 40));
        assertThat(slow.ids).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(slow.ids.get(slow.ids.size() - 1)).as("the last id is the last change's")
                .isEqualTo(reader.ids.get(reader.ids.size() - 1));
        assertThat(slow.dropped).isEmpty();
        assertThat(hub.open()).isEqualTo(2);
    }

    @Test
    void changesOfMoreTasksThanTheBufferDropTheStreamWithAReason() {
        hub = new TaskEvents(new EventsProperties(NEVER, 10, 2, 100, 2, NEVER));
        RecordingSink stuck = open(new RecordingSink(unstick, false));
        // Following two tasks only: however far behind, it never has more than two waiting.
        RecordingSink reader = new RecordingSink(null, false);
        hub.open(StreamInterest.tasks(Set.of("t1", "t2")), null, reader).orElseThrow().stream().start(List.of());

        publish("t1", 0);
        Waits.await("the stuck subscriber's first write to hang", LIMIT).until(() -> stuck.sent.size() == 1);
        for (int progress = 10; progress <= 50; progress += 10) {
            // Many versions of two tasks fit: they replace each other.
            publish("t1", progress);
            publish("t2", progress);
        }
        assertThat(hub.open()).as("two tasks waiting fit a buffer of two").isEqualTo(2);
        publish("t3", 0);

        assertThat(hub.open()).as("the stuck stream is no longer fed").isEqualTo(1);
        Waits.await("the reader to get the last changes", LIMIT)
                .until(() -> reader.sent.containsAll(List.of(json("t1", 50), json("t2", 50))));
        unstick.countDown();
        Waits.await("the stuck subscriber to be told it was dropped", LIMIT).until(() -> stuck.completed);
        assertThat(stuck.dropped).singleElement().asString().contains("more than 2 tasks", "mj.events.buffer");
        assertThat(stuck.sent).as("only the write that hung").hasSize(1);
    }

    @Test
    void aWriteThatHangsIsGivenUpAndAStandInWritesToTheOthers() {
        // One writer thread: without a stand-in, the hung write would hold every other stream.
        hub = new TaskEvents(new EventsProperties(NEVER, 10, 256, 100, 1, Duration.ofMillis(200)));
        RecordingSink stuck = open(new RecordingSink(unstick, true));
        RecordingSink reader = open(new RecordingSink(null, false));

        publish("t1", 0);
        Waits.await("the stuck subscriber's first write to hang", LIMIT).until(() -> stuck.sent.size() == 1);
        for (int progress = 10; progress <= 100; progress += 10) {
            publish("t1", progress);
        }
        Waits.await("the reader to get the final state past the hung write", LIMIT)
                .until(() -> reader.sent.contains(json("t1", 100)));
        assertThat(hub.writerThreads()).as("the writer thread and a stand-in").isEqualTo(2);
        assertThat(hub.open()).as("still counted: its connection is open until the write comes back").isEqualTo(2);
        assertThat(stuck.completed).isFalse();

        // The server's write timeout fails the hung write.
        unstick.countDown();
        Waits.await("the given-up stream to end", LIMIT).until(() -> stuck.completed && hub.open() == 1);
        assertThat(stuck.sent).hasSize(1);
        assertThat(hub.writerThreads()).as("the stand-in is gone").isEqualTo(1);
        publish("t2", 0);
        Waits.await("the reader to get a change after that", LIMIT).until(() -> reader.sent.contains(json("t2", 0)));
    }

    @Test
    void beyondMaxSubscribersNoStreamOpens() {
        hub = new TaskEvents(new EventsProperties(NEVER, 1, 2, 100, 1, NEVER));
        assertThat(hub.open(StreamInterest.all(Set.of()), null, new RecordingSink(null, false))).isPresent();
        assertThat(hub.open(StreamInterest.all(Set.of()), null, new RecordingSink(null, false))).isEmpty();
    }

    /**
     * In a cluster the first state of another instance's task and the announcement of a change are two
     * reads of one row, numbered in the order they were made, not in the order of what they read: the
     * same JSON under a larger number is sent once, and an older one (a smaller progress) not at all.
     */
    @Test
    void theSameJsonUnderANewerVersionIsNotSentAgain() {
        hub = new TaskEvents(new EventsProperties(NEVER, 10, 4, 100, 2, NEVER));
        RecordingSink reader = new RecordingSink(null, false);
        TaskEventStream stream = hub.open(StreamInterest.tasks(Set.of("t1")), null, reader).orElseThrow().stream();

        stream.start(List.of(event(1, 10), event(2, 10), event(3, 20), event(4, 15), event(5, 100)));

        Waits.await("the stream to end with the final version", LIMIT).until(() -> reader.completed);
        assertThat(reader.sent).containsExactly(json("t1", 10), json("t1", 20), json("t1", 100));
    }

    /** A version of t1 as read from another instance's row: in flight it carries its task, as every such version. */
    private static TaskEvent event(long version, int progress) {
        boolean done = progress == 100;
        Task task = Task.create("t1", JobKind.IMAGINE, 0).withStatus(done ? TaskStatus.SUCCESS : TaskStatus.IN_PROGRESS)
                .withProgress(progress + "%");
        return new TaskEvent(-1, new TaskJson("t1", version, task.status(), done ? null : task,
                json("t1", progress).getBytes(StandardCharsets.UTF_8)));
    }

    private RecordingSink open(RecordingSink sink) {
        hub.open(StreamInterest.all(Set.of()), null, sink).orElseThrow().stream().start(List.of());
        return sink;
    }

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
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final List<String> dropped = new CopyOnWriteArrayList<>();
        volatile boolean completed;
        private final CountDownLatch gate;
        private final boolean failsWhenReleased;

        /** {@code gate}: the first write hangs until it opens, then fails ({@code failsWhenReleased}) or goes through. */
        RecordingSink(CountDownLatch gate, boolean failsWhenReleased) {
            this.gate = gate;
            this.failsWhenReleased = failsWhenReleased;
        }

        @Override
        public void send(Long id, byte[] taskJson) throws IOException {
            sent.add(new String(taskJson, StandardCharsets.UTF_8));
            ids.add(id);
            if (gate != null && sent.size() == 1) {
                try {
                    gate.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (failsWhenReleased) {
                    throw new IOException("write timed out");
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
