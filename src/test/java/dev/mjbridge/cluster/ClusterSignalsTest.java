package dev.mjbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * LISTEN/NOTIFY on a real PostgreSQL: a notify sent through the pool reaches the subscriber of another
 * instance's listening connection, and after that connection is killed (as a restarted database or a
 * dropped network would) the instance listens again, tells its subscribers to resync, and hears what
 * is sent afterwards.
 */
class ClusterSignalsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static PostgresSchema schema;
    private ClusterSignals listener;
    private ClusterSignals sender;

    @BeforeAll
    static void database() {
        schema = PostgresSchema.migrated("cluster_signals");
    }

    @AfterAll
    static void dropIt() {
        if (schema != null) {
            schema.close();
        }
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
        if (sender != null) {
            sender.close();
        }
    }

    /** Payloads and resyncs as they come, in order. */
    private static final class Recorder implements ClusterSignals.Subscriber {
        final BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
        final AtomicInteger resyncs = new AtomicInteger();

        @Override
        public void onSignal(String payload) {
            payloads.add(payload);
        }

        @Override
        public void onResync() {
            resyncs.incrementAndGet();
        }

        String next() throws InterruptedException {
            String payload = payloads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(payload).as("a payload within %s", WAIT).isNotNull();
            return payload;
        }
    }

    private static ClusterSignals started() {
        ClusterSignals signals = new ClusterSignals(schema.dataSource(), Duration.ofMillis(100), Duration.ofSeconds(2));
        signals.start();
        return signals;
    }

    @Test
    void aNotifyReachesTheSubscriberOfAnotherConnectionOnlyOnItsChannel() throws Exception {
        listener = started();
        sender = started();
        Recorder changed = new Recorder();
        Recorder other = new Recorder();
        listener.subscribe("mj_test_changed", changed).listening().get(30, TimeUnit.SECONDS);
        listener.subscribe("mj_test_other", other).listening().get(30, TimeUnit.SECONDS);

        sender.notify("mj_test_changed", "a 1 2");
        sender.notify("mj_test_changed", "a 3");
        sender.notify("mj_test_other", "b");

        assertThat(changed.next()).isEqualTo("a 1 2");
        assertThat(changed.next()).isEqualTo("a 3");
        assertThat(other.next()).isEqualTo("b");
        assertThat(changed.payloads).isEmpty();
        assertThat(changed.resyncs.get()).as("told once to look at the tables, as it started listening").isEqualTo(1);
        assertThat(listener.backendPid()).as("the listener has a connection of its own")
                .isNotEqualTo(sender.backendPid());
    }

    @Test
    void afterItsConnectionIsKilledItListensAgainTellsSubscribersToResyncAndHearsWhatFollows() throws Exception {
        listener = started();
        sender = started();
        Recorder recorder = new Recorder();
        listener.subscribe("mj_test_changed", recorder).listening().get(30, TimeUnit.SECONDS);
        sender.notify("mj_test_changed", "before");
        assertThat(recorder.next()).isEqualTo("before");
        int resyncsBefore = recorder.resyncs.get();
        int killed = listener.backendPid();

        JdbcClient.create(schema.dataSource()).sql("SELECT pg_terminate_backend(:pid)").param("pid", killed)
                .query(Boolean.class).single();

        Waits.await("the listener connected again and told its subscriber to resync", WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> recorder.resyncs.get() > resyncsBefore && listener.backendPid() != killed, ok -> ok);
        sender.notify("mj_test_changed", "after");
        assertThat(recorder.next()).isEqualTo("after");
    }

    @Test
    void channelsAreTheSchemasOwnAndPayloadsStayUnderTheLimit() {
        assertThat(ClusterSignals.qualified("cluster_a", "mj_task_changed")).isEqualTo("cluster_a.mj_task_changed");
        String longSchema = "s".repeat(60);
        assertThat(ClusterSignals.qualified(longSchema, "mj_task_changed"))
                .isNotEqualTo(ClusterSignals.qualified("t".repeat(60), "mj_task_changed"))
                .hasSizeLessThanOrEqualTo(ClusterSignals.MAX_CHANNEL_BYTES).endsWith(".mj_task_changed");

        List<String> ids = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "17328000000" + (10000 + i)).toList();
        List<String> payloads = TaskChangeNotices.payloads("instance-a", ids, ClusterSignals.MAX_PAYLOAD_BYTES);
        assertThat(payloads).hasSizeGreaterThan(1);
        assertThat(payloads).allSatisfy(p -> {
            assertThat(p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(ClusterSignals.MAX_PAYLOAD_BYTES);
            assertThat(p).startsWith("instance-a ");
        });
        assertThat(payloads.stream().flatMap(p -> java.util.Arrays.stream(p.split(" ")).skip(1)).toList())
                .containsExactlyElementsOf(ids);

        sender = started();
        assertThatThrownBy(() -> sender.notify("mj_test_changed", "x".repeat(8000)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
