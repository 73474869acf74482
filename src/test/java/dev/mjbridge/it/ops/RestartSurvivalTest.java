package dev.mjbridge.it.ops;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

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
        try (StartedApp app = StartedApp.start(properties)) {
            app.awaitAccountsReady();
            id = app.api().submit("/mj/submit/imagine", "{\"prompt\": \"a lighthouse that outlives restarts\", \"state\": \"kept\"}");
            before = app.api().awaitFinal(id);
            assertThat(before.path("status").asString()).as(before.toString()).isEqualTo("SUCCESS");
        }
        // README: sandbox mode is said loudly at start-up.
        assertThat(output.getAll()).contains("SANDBOX MODE");

        try (StartedApp app = StartedApp.start(properties)) {
            MjApi api = app.api();
            JsonNode after = api.fetch(id);

            assertThat(after).as("fetched after the restart").isNotNull();
            for (String field : new String[] {"id", "action", "status", "prompt", "promptEn", "description", "state",
                    "submitTime", "startTime", "finishTime", "progress", "imageUrl", "buttons", "properties"}) {
                assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
            }
            assertThat(after.path("buttons")).isNotEmpty();
            assertThat(api.post("/mj/task/list-by-condition", "[\"" + id + "\"]").body().get(0)).isEqualTo(after);
            assertThat(api.get("/mj/task/list").body().get(0).path("id").asString()).isEqualTo(id);
            assertThat(api.get("/mj/task/queue").body()).isEmpty();
        }
    }
}
