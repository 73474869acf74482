package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel of a running button action: its start message carries Midjourney's {@code Cancel Job}
 * button, which {@code POST /mj/task/{id}/cancel} presses; Midjourney's {@code (Stopped)} then
 * ends the task as FAILURE at once, freeing its slot, instead of leaving it to the timeout.
 */
class CancelJobFlowTest extends Flow2026Test {

    /** The jobs of these tests; a stopped one must end long before it could have finished. */
    private static final long SLOW_JOB_MS = 120_000;
    /** mj.sandbox.job-time of the shared context. */
    private static final long TEST_JOB_MS = 60;

    @Test
    void theSimulatedBotStopsARunningVaryWhenCancelJobIsPressed() {
        JsonNode upscale = simulatedUpscale("a kite over the dunes");
        sandbox.setFastJobMillis(SLOW_JOB_MS);
        try {
            String id = press(upscale, "Vary (Strong)");
            api.awaitStatus(id, "IN_PROGRESS");

            MjApi.Response answer = api.post("/mj/task/" + id + "/cancel", "");

            assertThat(answer.body().path("code").asInt()).as(answer.raw()).isEqualTo(1);
            JsonNode stopped = api.awaitFinal(id);
            assertThat(stopped.path("status").asString()).as(stopped.toString()).isEqualTo("FAILURE");
            assertThat(stopped.path("failReason").asString()).isEqualTo("Midjourney stopped the job (Cancel Job pressed)");
        } finally {
            sandbox.setFastJobMillis(TEST_JOB_MS);
        }
        assertSucceeded(api.awaitFinal(api.submit("/mj/submit/imagine", """
                {"prompt": "after the stop", "accountFilter": {"instanceId": "%s"}}""".formatted(ACCOUNT))), "IMAGINE");
    }

    @Test
    void cancellingARunningVaryPressesCancelJobAndTheTaskFailsAsStopped() {
        JsonNode upscale = upscaleOnAccount("a paper crane over a pond");
        arm("vary-strong-running.json");
        String id = press(upscale, "Vary (Strong)");
        JsonNode running = api.awaitTask(id, t -> t.path("progress").asString().equals("27%"), "at 27%");
        assertThat(running.path("status").asString()).isEqualTo("IN_PROGRESS");
        arm("cancel-job.json");

        MjApi.Response answer = api.post("/mj/task/" + id + "/cancel", "");

        assertThat(answer.body().path("code").asInt()).as(answer.raw()).isEqualTo(1);
        assertThat(answer.body().path("result").asString()).isEqualTo(id);
        assertThat(answer.body().path("description").asString()).containsIgnoringCase("stopping");
        JsonNode stopped = api.awaitFinal(id);
        assertThat(stopped.path("status").asString()).as(stopped.toString()).isEqualTo("FAILURE");
        assertThat(stopped.path("failReason").asString()).isEqualTo("Midjourney stopped the job (Cancel Job pressed)");
        assertThat(stopped.toString()).as("the button's id stays internal").doesNotContain("CancelJob");

        JsonNode press = cancelPress();
        assertThat(press.path("payload").path("type").asInt()).isEqualTo(3);
        assertThat(press.path("payload").path("message_flags").asInt()).isEqualTo(64);
        assertThat(press.path("payload").path("message_id").asString())
                .isEqualTo(running.path("properties").path("progressMessageId").asString());
        assertThat(press.path("payload").path("data").path("custom_id").asString()).startsWith("MJ::CancelJob::ByJobid::");

        // The slot is free: the account takes the next job at once.
        assertSucceeded(api.awaitFinal(api.submit("/mj/submit/imagine", """
                {"prompt": "after the stop", "accountFilter": {"instanceId": "%s"}}""".formatted(ACCOUNT))), "IMAGINE");
    }

    @Test
    void aRunningImagineHasNoCancelJobAndKeepsTodaysAnswer() {
        sandbox.pauseBot();
        try {
            String id = api.submit("/mj/submit/imagine", """
                    {"prompt": "a slow boat", "accountFilter": {"instanceId": "%s"}}""".formatted(ACCOUNT));
            api.awaitStatus(id, "SUBMITTED", "IN_PROGRESS");

            MjApi.Response refused = api.post("/mj/task/" + id + "/cancel", "");

            assertThat(refused.body().path("code").asInt()).as(refused.raw()).isEqualTo(4);
            assertThat(refused.body().path("description").asString()).contains("running");
        } finally {
            sandbox.resumeBot();
        }
    }

    /** The Cancel Job interaction the sandbox received (the last one with that custom id). */
    private JsonNode cancelPress() {
        JsonNode received = sandbox.get("/received/interactions");
        JsonNode found = null;
        for (JsonNode interaction : received.path("interactions")) {
            if (interaction.path("payload").path("data").path("custom_id").asString().startsWith("MJ::CancelJob::")) {
                found = interaction;
            }
        }
        assertThat(found).as("a Cancel Job press reached Discord: " + received).isNotNull();
        return found;
    }
}
