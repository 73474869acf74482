package dev.mjbridge.it;

import static dev.mjbridge.it.ClusterInstances.api;
import static dev.mjbridge.it.ClusterInstances.keeper;
import static dev.mjbridge.it.ClusterInstances.readyAccounts;
import static dev.mjbridge.it.ClusterInstances.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.PostgresSchema;
import dev.mjbridge.testing.Waits;

/**
 * Reads from anywhere: two instances on one PostgreSQL schema and one sandbox with two accounts, one
 * held by each. Tasks are submitted to the second ("b") and run on its account; the first ("a") shows
 * them as "b" does: its live streams get every change (announced on mj_task_changed, read from the
 * database), each version once; fetch answers a finished task with the same bytes on both; the queue
 * and the list show "b"'s tasks.
 */
class ClusterReadsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;
    static PostgresSchema schema;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void twoInstances() {
        schema = PostgresSchema.migrated("cluster_reads");
        // Jobs long enough to show progress.
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests().withFastJobDuration(Duration.ofSeconds(3)),
                2, dir, 1);
        a = ClusterInstances.start(sandbox, schema, schema.jdbcUrl(), "reads-a", Map.of());
        b = ClusterInstances.start(sandbox, schema, schema.jdbcUrl(), "reads-b", Map.of());
        Waits.await("one account READY on each instance", WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> readyAccounts(a).size() == 1 && readyAccounts(b).size() == 1 && keeper(a).held().size() == 1
                        && keeper(b).held().size() == 1, settled -> settled);
    }

    @AfterAll
    static void stopAll() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {a, b}) {
            if (context != null) {
                context.close();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theStreamsOfOneInstanceShowEveryChangeOfATaskRunningOnTheOtherOnce() {
        String first = api(b).submit("/mj/submit/imagine", "{\"prompt\": \"reads streamed from elsewhere\"}");
        try (EventStreamClient one = EventStreamClient.open(port(a), "/mj/task/" + first + "/events");
             EventStreamClient allOnA = EventStreamClient.open(port(a), "/mj/task/events");
             EventStreamClient allOnB = EventStreamClient.open(port(b), "/mj/task/events")) {
            List<EventStreamClient.Event> events = one.eventsUntilEnd(WAIT);
            List<String> versions = events.stream().map(EventStreamClient.Event::data).toList();
            assertThat(versions).as("the task's versions on a's stream").doesNotHaveDuplicates();
            assertThat(versions).anySatisfy(v -> assertThat(v).contains("\"status\":\"IN_PROGRESS\""));
            String last = versions.get(versions.size() - 1);
            assertThat(last).contains("\"status\":\"SUCCESS\"");

            // The finished task: the same bytes from b's memory, from a's database read, and on a's stream.
            byte[] onB = fetchBytes(b, first);
            byte[] onA = fetchBytes(a, first);
            assertThat(new String(onA, StandardCharsets.UTF_8)).isEqualTo(new String(onB, StandardCharsets.UTF_8));
            assertThat(onA).isEqualTo(onB);
            assertThat(last).isEqualTo(new String(onB, StandardCharsets.UTF_8));

            // A second task's end comes after any late copy of the first's versions would have.
            String second = api(b).submit("/mj/submit/imagine", "{\"prompt\": \"reads streamed after it\"}");
            for (EventStreamClient all : List.of(allOnA, allOnB)) {
                List<String> seen = all.eventsUntil(e -> e.data().contains("\"id\":\"" + second + "\"")
                        && e.data().contains("\"status\":\"SUCCESS\""), WAIT).stream()
                        .map(EventStreamClient.Event::data).toList();
                List<String> ofFirst = seen.stream().filter(d -> d.contains("\"id\":\"" + first + "\"")).toList();
                assertThat(ofFirst).as("the first task's versions on a stream of all").doesNotHaveDuplicates()
                        .anySatisfy(v -> assertThat(v).contains("\"status\":\"IN_PROGRESS\""));
                assertThat(ofFirst.stream().filter(v -> v.contains("\"status\":\"SUCCESS\""))).hasSize(1);
                assertThat(ofFirst.get(ofFirst.size() - 1)).isEqualTo(new String(onB, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theQueueAndTheListOfOneInstanceShowTheTasksRunningOnTheOther() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(api(b).submit("/mj/submit/imagine", "{\"prompt\": \"reads queued elsewhere " + i + "\"}"));
        }
        for (String id : ids) {
            api(b).awaitStatus(id, "IN_PROGRESS");
        }
        List<JsonNode> queue = Waits.await("b's running tasks in a's queue", WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> running(api(a).get("/mj/task/queue").body(), ids), q -> q.size() == ids.size());
        assertThat(queue.stream().map(t -> t.path("id").asString()).toList()).as("oldest first").isEqualTo(ids);
        JsonNode onB = running(api(b).get("/mj/task/queue").body(), ids).get(0);
        assertThat(fieldNames(queue.get(0))).as("the same JSON shape on both").isEqualTo(fieldNames(onB));

        List<String> listed = new ArrayList<>();
        api(a).get("/mj/task/list?limit=10").body().forEach(t -> listed.add(t.path("id").asString()));
        assertThat(listed).containsAll(ids);

        // Fetch on a follows them to the end: a running task read from the database is never kept stale.
        for (String id : ids) {
            assertThat(api(a).awaitFinal(id).path("status").asString()).isEqualTo("SUCCESS");
        }
        Waits.await("a's queue without them once they finished", WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> running(api(a).get("/mj/task/queue").body(), ids), List::isEmpty);
    }

    /** The queue's entries of these tasks, in the queue's order. */
    private static List<JsonNode> running(JsonNode queue, List<String> ids) {
        List<JsonNode> found = new ArrayList<>();
        queue.forEach(t -> {
            if (ids.contains(t.path("id").asString()) && t.path("status").asString().equals("IN_PROGRESS")) {
                found.add(t);
            }
        });
        return found;
    }

    private static List<String> fieldNames(JsonNode task) {
        List<String> names = new ArrayList<>();
        task.propertyNames().forEach(names::add);
        return names;
    }

    private static byte[] fetchBytes(ConfigurableApplicationContext context, String id) {
        MjApi.Download download = api(context).getBytes("http://127.0.0.1:" + port(context) + "/mj/task/" + id + "/fetch");
        assertThat(download.status()).isEqualTo(200);
        return download.body();
    }




}
