package dev.mjbridge.it.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mjbridge.it.EventStreamClient;
import dev.mjbridge.it.EventStreamClient.Event;
import dev.mjbridge.it.MjApi;
import tools.jackson.databind.JsonNode;

/**
 * Live task changes over Server-Sent Events, read with a plain HTTP client while the sandbox runs the
 * jobs: one task's stream from its current state to SUCCESS and then closed, each event the fetch JSON
 * of its version; resuming with Last-Event-ID; several tasks in one stream; the dashboard stream and its
 * status filter (also spelled {@code state}).
 */
class TaskEventsFlowTest extends FlowTest {

    private static final Duration LIMIT = MjApi.WAIT;
    /** Jobs long enough that a stream opened after the submit sees the progress. */
    private static final long SLOW_JOB_MS = 1500;
    private static final List<String> ORDER = List.of("NOT_START", "SUBMITTED", "MODAL", "IN_PROGRESS", "SUCCESS");

    @AfterEach
    void restoreJobTime() {
        sandbox.setFastJobMillis(60);
    }

    @Test
    void anImaginesStreamSendsEveryChangeUntilSuccessThenCloses() {
        sandbox.setFastJobMillis(SLOW_JOB_MS);
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a lantern on a quiet pier\"}");

        List<Event> events;
        try (EventStreamClient stream = EventStreamClient.open(port, "/mj/task/" + id + "/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            events = stream.eventsUntilEnd(LIMIT);
        }

        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.name()).isEqualTo("task"));
        List<JsonNode> tasks = events.stream().map(e -> parse(e.data())).toList();
        assertThat(tasks).allSatisfy(t -> assertThat(t.path("id").asString()).isEqualTo(id));
        assertInOrder(tasks);
        assertThat(tasks.get(tasks.size() - 1).path("status").asString()).isEqualTo("SUCCESS");
        assertThat(tasks).as("the stream shows the job running").anySatisfy(t ->
                assertThat(t.path("status").asString()).isEqualTo("IN_PROGRESS"));
        assertThat(events.get(events.size() - 1).data()).as("the last event is exactly the fetch JSON")
                .isEqualTo(api.get("/mj/task/" + id + "/fetch").raw());
        assertIdsIncrease(events);
    }

    @Test
    void eachEventIsTheFetchJsonOfThatVersion() {
        // With the bot paused the job is sent but does not start: once Discord acknowledged the
        // interaction (its id is on the task), the task holds still at SUBMITTED.
        sandbox.pauseBot();
        String id;
        try {
            id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a kite over dunes\"}");
            api.awaitTask(id, t -> t.path("status").asString().equals("SUBMITTED")
                    && !t.path("properties").path("interactionId").asString("").isEmpty(), "sent and acknowledged");
            try (EventStreamClient stream = EventStreamClient.open(port, "/mj/task/" + id + "/events")) {
                Event first = stream.nextEvent(LIMIT);
                assertThat(first.data()).as("the current state").isEqualTo(api.get("/mj/task/" + id + "/fetch").raw());
                sandbox.resumeBot();
                // Then every change in order, the last exactly what fetch answers once the task is final.
                List<Event> rest = stream.eventsUntilEnd(LIMIT);
                assertThat(rest).isNotEmpty();
                List<JsonNode> all = new java.util.ArrayList<>(List.of(parse(first.data())));
                rest.forEach(e -> all.add(parse(e.data())));
                assertInOrder(all);
                assertThat(rest.get(rest.size() - 1).data()).isEqualTo(api.get("/mj/task/" + id + "/fetch").raw());
            }
        } finally {
            sandbox.resumeBot();
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() {
        sandbox.setFastJobMillis(SLOW_JOB_MS);
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a fox in fresh snow\"}");
        String lastSeen;
        List<Event> all;
        try (EventStreamClient watcher = EventStreamClient.open(port, "/mj/task/" + id + "/events");
             EventStreamClient first = EventStreamClient.open(port, "/mj/task/" + id + "/events")) {
            Event seen = first.nextEvent(LIMIT);
            assertThat(parse(seen.data()).path("status").asString()).isNotEqualTo("SUCCESS");
            lastSeen = seen.id();
            first.close();
            all = watcher.eventsUntilEnd(LIMIT);
        }
        api.awaitFinal(id);

        List<Event> missed;
        try (EventStreamClient resumed = EventStreamClient.open(port, "/mj/task/" + id + "/events",
                Map.of("Last-Event-ID", lastSeen))) {
            missed = resumed.eventsUntilEnd(LIMIT);
        }
        assertThat(missed).isNotEmpty();
        assertThat(missed).allSatisfy(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(lastSeen)));
        assertIdsIncrease(missed);
        assertInOrder(missed.stream().map(e -> parse(e.data())).toList());
        assertThat(missed.get(missed.size() - 1).data()).isEqualTo(api.get("/mj/task/" + id + "/fetch").raw());
        // What it missed is what a client that stayed saw after that id.
        List<String> stayedAfter = all.stream().filter(e -> Long.parseLong(e.id()) > Long.parseLong(lastSeen))
                .map(Event::data).toList();
        assertThat(missed.stream().map(Event::data).toList()).containsAll(stayedAfter);

        // An id older than anything kept (or from an earlier run): just the current state, then the end.
        try (EventStreamClient stale = EventStreamClient.open(port, "/mj/task/" + id + "/events",
                Map.of("Last-Event-ID", "1"))) {
            List<Event> events = stale.eventsUntilEnd(LIMIT);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).data()).isEqualTo(api.get("/mj/task/" + id + "/fetch").raw());
        }
    }

    @Test
    void aStreamOfSeveralTasksEndsWhenAllAreFinal() {
        sandbox.setFastJobMillis(SLOW_JOB_MS);
        String a = api.submit("/mj/submit/imagine", "{\"prompt\": \"a red bicycle\"}");
        String b = api.submit("/mj/submit/imagine", "{\"prompt\": \"a blue canoe\"}");
        List<Event> events;
        try (EventStreamClient stream = EventStreamClient.open(port, "/mj/task/events?ids=" + a + ",nope," + b)) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.eventsUntilEnd(LIMIT);
        }
        for (String id : List.of(a, b)) {
            List<JsonNode> ofTask = events.stream().map(e -> parse(e.data()))
                    .filter(t -> t.path("id").asString().equals(id)).toList();
            assertInOrder(ofTask);
            assertThat(ofTask.get(ofTask.size() - 1).path("status").asString()).isEqualTo("SUCCESS");
        }
        assertThat(events).allSatisfy(e -> assertThat(parse(e.data()).path("id").asString()).isIn(a, b));
    }

    @Test
    void theDashboardStreamFollowsEveryTaskFilteredByStatus() {
        try (EventStreamClient stream = EventStreamClient.open(port, "/mj/task/events?status=SUCCESS")) {
            assertThat(stream.status()).isEqualTo(200);
            String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a paper boat\"}");
            List<Event> events = stream.eventsUntil(e -> parse(e.data()).path("id").asString().equals(id), LIMIT);
            assertThat(events).allSatisfy(e -> assertThat(parse(e.data()).path("status").asString()).isEqualTo("SUCCESS"));
            assertThat(events.get(events.size() - 1).data()).isEqualTo(api.get("/mj/task/" + id + "/fetch").raw());
        }
    }

    @Test
    void stateIsAnotherNameOfTheStatusFilter() {
        try (EventStreamClient stream = EventStreamClient.open(port, "/mj/task/events?state=SUCCESS")) {
            assertThat(stream.status()).isEqualTo(200);
            String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"a paper crane\"}");
            List<Event> events = stream.eventsUntil(e -> parse(e.data()).path("id").asString().equals(id), LIMIT);
            assertThat(events).allSatisfy(e -> assertThat(parse(e.data()).path("status").asString()).isEqualTo("SUCCESS"));
        }
        try (EventStreamClient bad = EventStreamClient.open(port, "/mj/task/events?state=DONE")) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(parse(bad.errorBody()).path("code").asInt()).isEqualTo(4);
            assertThat(parse(bad.errorBody()).path("description").asString()).startsWith("state: ");
        }
        try (EventStreamClient both = EventStreamClient.open(port, "/mj/task/events?state=SUCCESS&status=SUCCESS")) {
            assertThat(both.status()).isEqualTo(400);
            assertThat(parse(both.errorBody()).path("code").asInt()).isEqualTo(4);
            assertThat(parse(both.errorBody()).path("description").asString()).startsWith("state: ");
        }
    }

    @Test
    void unknownTasksAndFiltersAnswerTheEnvelope() {
        try (EventStreamClient unknown = EventStreamClient.open(port, "/mj/task/no-such-task/events")) {
            assertThat(unknown.status()).isEqualTo(200);
            assertThat(parse(unknown.errorBody()).path("code").asInt()).isEqualTo(3);
        }
        try (EventStreamClient none = EventStreamClient.open(port, "/mj/task/events?ids=nope,nada")) {
            assertThat(parse(none.errorBody()).path("code").asInt()).isEqualTo(3);
        }
        try (EventStreamClient bad = EventStreamClient.open(port, "/mj/task/events?status=DONE")) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(parse(bad.errorBody()).path("code").asInt()).isEqualTo(4);
            assertThat(parse(bad.errorBody()).path("description").asString()).startsWith("status: ");
        }
    }

    @Test
    void theModePrefixesServeTheStreamsToo() {
        String id = imagine("a snail on a leaf").path("id").asString();
        try (EventStreamClient stream = EventStreamClient.open(port, "/mj-relax/mj/task/" + id + "/events")) {
            List<Event> events = stream.eventsUntilEnd(LIMIT);
            assertThat(events).hasSize(1);
            assertThat(parse(events.get(0).data()).path("status").asString()).isEqualTo("SUCCESS");
        }
    }

    private static void assertInOrder(List<JsonNode> tasks) {
        for (int i = 1; i < tasks.size(); i++) {
            JsonNode before = tasks.get(i - 1);
            JsonNode after = tasks.get(i);
            int was = ORDER.indexOf(before.path("status").asString());
            int is = ORDER.indexOf(after.path("status").asString());
            assertThat(is).as("status after %s", before).isGreaterThanOrEqualTo(was);
            if (was == is) {
                assertThat(percent(after)).as("progress after %s", before).isGreaterThanOrEqualTo(percent(before));
            }
        }
    }

    private static void assertIdsIncrease(List<Event> events) {
        long last = Long.MIN_VALUE;
        for (Event event : events) {
            if (event.id() != null) {
                assertThat(Long.parseLong(event.id())).isGreaterThan(last);
                last = Long.parseLong(event.id());
            }
        }
    }

    private static int percent(JsonNode task) {
        String progress = task.path("progress").asString("").replace("%", "").trim();
        return progress.isEmpty() ? 0 : Integer.parseInt(progress);
    }

    private static JsonNode parse(String json) {
        return MjApi.json().readTree(json);
    }
}
