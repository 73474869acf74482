package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel: a task queued on its account (code 22) can be cancelled; one that Midjourney
 * is already working on cannot, and the client is told why. The bot is paused so that
 * the account's three slots stay taken while the test looks.
 */
class CancelFlowTest extends FlowTest {

    private static final String ACCOUNT = "sandbox-1";
    private static final int SLOTS = 3;

    @Test
    void cancelQueuedButNotRunning() {
        sandbox.pauseBot();
        List<String> running = new ArrayList<>();
        String queued;
        try {
            for (int i = 0; i < SLOTS; i++) {
                MjApi.Response answer = imagineOnAccount("a slow boat number " + i);
                assertThat(answer.body().path("code").asInt()).as(answer.raw()).isEqualTo(1);
                running.add(answer.body().path("result").asString());
            }
            MjApi.Response waiting = imagineOnAccount("a slow boat that waits");
            assertThat(waiting.body().path("code").asInt()).as(waiting.raw()).isEqualTo(22);
            assertThat(waiting.body().path("properties").path("discordInstanceId").asString()).isEqualTo(ACCOUNT);
            assertThat(waiting.body().path("properties").has("numberOfQueues")).isTrue();
            queued = waiting.body().path("result").asString();
            assertThat(api.fetch(queued).path("status").asString()).isEqualTo("NOT_START");

            MjApi.Response cancelled = api.post("/mj/task/" + queued + "/cancel", "");
            assertThat(cancelled.body().path("code").asInt()).as(cancelled.raw()).isEqualTo(1);
            JsonNode task = api.fetch(queued);
            assertThat(task.path("status").asString()).isEqualTo("CANCEL");
            assertThat(task.path("failReason").asString()).isNotBlank();

            String busy = running.get(0);
            api.awaitStatus(busy, "SUBMITTED", "IN_PROGRESS");
            MjApi.Response refused = api.post("/mj/task/" + busy + "/cancel", "");
            assertThat(refused.body().path("code").asInt()).as(refused.raw()).isEqualTo(4);
            assertThat(refused.body().path("description").asString()).contains(busy).contains("running");
            assertThat(api.fetch(busy).path("status").asString()).isIn("SUBMITTED", "IN_PROGRESS");
        } finally {
            sandbox.resumeBot();
        }

        for (String id : running) {
            assertSucceeded(api.awaitFinal(id), "IMAGINE");
        }
        assertThat(api.fetch(queued).path("status").asString()).as("a cancelled task stays cancelled").isEqualTo("CANCEL");
        assertThat(api.fetch(queued).path("properties").path("nonce").isNull()).as("it never reached Discord").isTrue();
    }

    private MjApi.Response imagineOnAccount(String prompt) {
        return api.post("/mj/submit/imagine", """
                {"prompt": "%s", "accountFilter": {"instanceId": "%s"}}""".formatted(prompt, ACCOUNT));
    }
}
