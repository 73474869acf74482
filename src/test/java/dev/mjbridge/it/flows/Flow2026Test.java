package dev.mjbridge.it.flows;

import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flows of Midjourney's 2026 forms (V7 upscale buttons, Animate, video upscale, Cancel Job,
 * rating), played by the sandbox's replay scenarios in {@code scenarios/2026/} for the
 * simulated user of account sandbox-1; the first grid comes from the simulated bot itself.
 */
abstract class Flow2026Test extends FlowTest {

    protected static final String ACCOUNT = "sandbox-1";
    protected static final String SCENARIOS = "scenarios/2026/";

    @AfterEach
    void disarmLeftoverScenarios() {
        sandbox.disarmScenarios();
    }

    protected void arm(String scenario) {
        sandbox.armScenario(SCENARIOS + scenario, SandboxControlApi.USER_1);
    }

    /** A grid on sandbox-1, then its U1 answered with the 2026 V7 buttons (Animate, bookmark). */
    protected JsonNode upscaleOnAccount(String prompt) {
        String id = api.submit("/mj/submit/imagine", """
                {"prompt": "%s", "accountFilter": {"instanceId": "%s"}}""".formatted(prompt, ACCOUNT));
        JsonNode grid = assertSucceeded(api.awaitFinal(id), "IMAGINE");
        arm("upscale-v7.json");
        JsonNode upscale = api.awaitFinal(press(grid, "U1"));
        assertThat(upscale.path("status").asString()).as(upscale.toString()).isEqualTo("SUCCESS");
        assertThat(upscale.path("action").asString()).isEqualTo("UPSCALE");
        return upscale;
    }

    protected static void assertNoVideoFields(JsonNode task) {
        assertThat(task.has("videoUrl")).as(task.toString()).isFalse();
        assertThat(task.has("videoUrls")).as(task.toString()).isFalse();
    }
}
