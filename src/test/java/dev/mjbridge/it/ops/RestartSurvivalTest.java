package dev.mjbridge.it.ops;

import dev.mjbridge.it.MjApi;
import dev.mjbridge.task.TaskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks live in the store: a restarted app on the same H2 file answers for them as before. */
@ExtendWith(OutputCaptureExtension.class)
class RestartSurvivalTest {

    @TempDir
    Path dir;

    @Test
    void aFinishedTaskIsFetchedTheSameAfterARestart(CapturedOutput output) {
        Map<String, Object> properties = Map.of(
                "mj.sandbox.enabled", "true",
                "mj.sandbox.job-time", "60ms",
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("tasks").toAbsolutePath() + ";AUTO_SERVER=FALSE");

        String id;
        JsonNode before;
        String bytesBefore;
        try (StartedApp app = StartedApp.start(properties)) {
            app.awaitAccountsReady();
            id = app.api().submit("/mj/submit/imagine", "{\"prompt\": \"a lighthouse that outlives restarts\", \"state\": \"kept\"}");
            before = app.api().awaitFinal(id);
            assertThat(before.path("status").asString()).as(before.toString()).isEqualTo("SUCCESS");
            // From the task JSON cache, byte for byte what the app's mapper writes for the stored task.
            bytesBefore = app.api().get("/mj/task/" + id + "/fetch").raw();
            String serialized = app.bean(ObjectMapper.class)
                    .writeValueAsString(app.bean(TaskStore.class).findById(id).orElseThrow());
            assertThat(bytesBefore).isEqualTo(serialized);
            assertThat(app.api().post("/mj/task/list-by-condition", "[\"" + id + "\", \"404\"]").raw())
                    .isEqualTo("[" + serialized + "]");
        }
        // README: sandbox mode is said loudly at start-up.
        assertThat(output.getAll()).contains("SANDBOX MODE");

        try (StartedApp app = StartedApp.start(properties)) {
            MjApi api = app.api();
            // The cache is empty after the restart: this first fetch reads the store.
            String firstBytes = api.get("/mj/task/" + id + "/fetch").raw();
            JsonNode after = MjApi.json().readTree(firstBytes);

            assertThat(after).as("fetched after the restart").isNotNull();
            for (String field : new String[] {"id", "action", "status", "prompt", "promptEn", "description", "state",
                    "submitTime", "startTime", "finishTime", "progress", "imageUrl", "buttons", "properties"}) {
                assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
            }
            assertThat(after.path("buttons")).isNotEmpty();
            // From the store after the restart, then from the cache: the same bytes as before it.
            assertThat(firstBytes).isEqualTo(bytesBefore);
            assertThat(api.get("/mj/task/" + id + "/fetch").raw()).isEqualTo(bytesBefore);
            assertThat(api.post("/mj/task/list-by-condition", "{\"ids\": [\"" + id + "\"]}").raw())
                    .isEqualTo("[" + bytesBefore + "]");
            assertThat(api.post("/mj/task/list-by-condition", "[\"" + id + "\"]").body().get(0)).isEqualTo(after);
            assertThat(api.get("/mj/task/list").body().get(0).path("id").asString()).isEqualTo(id);
            assertThat(api.get("/mj/task/queue").body()).isEmpty();
        }
    }
}
