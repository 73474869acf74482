package dev.mjbridge.it.flows;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountSetup;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user-visible flow against the embedded sandbox, in the shared context of
 * {@link ProxyIntegrationTest}: the client's view through {@link #api}, and the
 * sandbox's control API through {@link #sandbox} for setting the scene and for
 * checking what reached "Discord".
 */
abstract class FlowTest extends ProxyIntegrationTest {

    @Autowired
    private AccountSetup setup;

    protected SandboxControlApi sandbox;

    @BeforeEach
    void connectToSandbox() {
        assertThat(setup.sandbox()).as("flow tests run in sandbox mode").isTrue();
        sandbox = new SandboxControlApi(setup.endpoints().server());
    }

    /** Imagines the prompt and returns the finished grid. */
    protected JsonNode imagine(String prompt) {
        String id = api.submit("/mj/submit/imagine", "{\"prompt\": \"%s\"}".formatted(prompt));
        return assertSucceeded(api.awaitFinal(id), "IMAGINE");
    }

    /** Presses the task's button with this label (or customId part); returns the new task's id. */
    protected String press(JsonNode task, String labelOrIdPart) {
        return api.submit("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s"}""".formatted(task.path("id").asString(),
                MjApi.button(task, labelOrIdPart)));
    }

    /** Presses, waits, and checks what a client checks of a finished job. */
    protected JsonNode pressAndFinish(JsonNode task, String labelOrIdPart, String action) {
        return assertSucceeded(api.awaitFinal(press(task, labelOrIdPart)), action);
    }

    /** SUCCESS with this action, an image that downloads as a PNG, and buttons of its own. */
    protected static JsonNode assertSucceeded(JsonNode task, String action) {
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        assertThat(task.path("action").asString()).as(task.toString()).isEqualTo(action);
        assertThat(task.path("failReason").isNull() || task.path("failReason").isMissingNode()).as(task.toString()).isTrue();
        assertThat(task.path("progress").asString()).isEqualTo("100%");
        assertThat(task.path("buttons").size()).as("buttons of " + task).isPositive();
        downloadImage(task);
        return task;
    }

    protected static Images.Picture downloadImage(JsonNode task) {
        return Images.downloadImage(task.path("imageUrl").asString());
    }

    /**
     * The content of the task's result message as Discord shows it in the channel, read
     * through the sandbox's Discord REST API with the simulated account's own token.
     */
    protected String resultContent(JsonNode task) {
        String accountId = task.path("properties").path("discordInstanceId").asString();
        AccountConfig account = setup.accounts().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + accountId));
        return sandbox.discordGet("/channels/" + account.channelId() + "/messages/"
                + task.path("properties").path("messageId").asString(), account.userToken()).path("content").asString();
    }

    /** The job hash of the task's result: every one of its buttons carries it. */
    protected static String hashOf(JsonNode task) {
        return task.path("properties").path("messageHash").asString();
    }
}
