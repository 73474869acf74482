package dev.mjbridge.it.ops;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** list-by-condition, the recent-task list and the queue, as a client reads them. */
class TaskListingFlowTest extends SandboxFlowTest {

    private static final String UNKNOWN = "1700000000000404";

    @Test
    void listByConditionKeepsTheAskedOrderAndSkipsUnknownIds() {
        String first = api.submit("/mj/submit/imagine", imagine("listed first"));
        String second = api.submit("/mj/submit/imagine", imagine("listed second"));
        String third = api.submit("/mj/submit/imagine", imagine("listed third"));
        awaitAllSucceeded(List.of(first, second, third));

        MjApi.Response bare = api.post("/mj/task/list-by-condition",
                "[\"%s\", \"%s\", \"%s\", \"%s\"]".formatted(third, UNKNOWN, first, second));
        assertThat(bare.status()).isEqualTo(200);
        assertThat(ids(bare.body())).containsExactly(third, first, second);
        assertThat(bare.body().get(0).path("status").asString()).isEqualTo("SUCCESS");
        assertThat(bare.body().get(0).path("imageUrl").asString()).isNotBlank();

        MjApi.Response wrapped = api.post("/mj/task/list-by-condition",
                "{\"ids\": [\"%s\", \"%s\", \"%s\"]}".formatted(second, UNKNOWN, third));
        assertThat(ids(wrapped.body())).containsExactly(second, third);

        assertThat(api.post("/mj/task/list-by-condition", "[\"" + UNKNOWN + "\"]").body()).isEmpty();
        assertThat(api.post("/mj/task/list-by-condition", "[]").body()).isEmpty();
    }

    @Test
    void theListShowsRecentTasksNewestFirstAndPages() {
        String older = api.submit("/mj/submit/imagine", imagine("an older task"));
        api.awaitFinal(older);
        String newer = api.submit("/mj/submit/imagine", imagine("a newer task"));
        api.awaitFinal(newer);

        MjApi.Response list = api.get("/mj/task/list?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = ids(list.body());
        assertThat(ids).contains(older, newer);
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        assertThat(ids.get(0)).isEqualTo(newer);

        assertThat(ids(api.get("/mj/task/list?offset=0&limit=1").body())).containsExactly(newer);
        assertThat(ids(api.get("/mj/task/list?offset=1&limit=1").body())).containsExactly(older);
        assertThat(api.get("/mj/task/list?limit=0").status()).isEqualTo(400);
    }

    @Test
    void theQueueShowsUnfinishedTasksWhileTheBotIsPaused() {
        sandbox.pauseBot();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            ids.add(api.submit("/mj/submit/imagine", imagine("waiting in line " + i)));
        }
        api.awaitStatus(ids.get(0), "SUBMITTED", "IN_PROGRESS");

        JsonNode queue = api.get("/mj/task/queue").body();
        assertThat(ids(queue)).containsExactlyInAnyOrderElementsOf(ids);
        long previous = 0;
        for (JsonNode task : queue) {
            assertThat(task.path("submitTime").asLong()).as("oldest first").isGreaterThanOrEqualTo(previous);
            previous = task.path("submitTime").asLong();
            assertThat(task.path("status").asString()).isIn("NOT_START", "SUBMITTED", "IN_PROGRESS");
        }
        assertThat(statusOf(queue, ids.get(6))).as("the seventh waits for a slot").isEqualTo("NOT_START");
        assertThat(api.get("/mj-relax/mj/task/queue").body()).hasSize(queue.size());

        sandbox.resumeBot();
        awaitAllSucceeded(ids);
        assertThat(ids(api.get("/mj/task/queue").body())).doesNotContainAnyElementsOf(Set.copyOf(ids));
    }

    private static String statusOf(JsonNode tasks, String id) {
        for (JsonNode task : tasks) {
            if (task.path("id").asString().equals(id)) {
                return task.path("status").asString();
            }
        }
        throw new AssertionError("no task " + id + " in " + tasks);
    }

    private static List<String> ids(JsonNode tasks) {
        assertThat(tasks.isArray()).as(String.valueOf(tasks)).isTrue();
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.path("id").asString()));
        return ids;
    }
}
