package dev.mjbridge.it.faults;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.it.TaskHistory;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.bot.Job;
import dev.mjbridge.sandbox.bot.JobKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, item 5: duplicated, late and reordered events never move a task backwards or
 * finish the wrong task; progress only grows; a second final message changes nothing.
 * Every state the engine publishes is recorded ({@link TaskHistory}) and checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DuplicateAndReorderedEventsTest {

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 1, dir, 1);
        sandbox.register(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        TaskHistory taskHistory() {
            return new TaskHistory();
        }

        @Bean
        AutoCloseable sandboxShutdown() {
            return () -> sandbox.close();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountPool pool;
    @Autowired
    TaskHistory history;

    MjApi api;
    SandboxControl control;

    @BeforeEach
    void ready() {
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        api = new MjApi(port);
        control = sandbox.control();
    }

    @AfterEach
    void calm() {
        control.reset();
    }

    @Test
    void everyDispatchSentTwiceAndSwappedStillGivesEachTaskItsOwnResultOnce() {
        control.duplicateNextDispatches(100_000);
        control.reorderNextDispatches(100_000);

        String parentId = api.submit("/mj/submit/imagine", "{\"prompt\": \"twice told tale of a red fox\"}");
        JsonNode parent = api.awaitFinal(parentId);
        assertThat(parent.path("status").asString()).as(parent.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(parent);

        Map<String, String> children = Map.of(
                "U2", press(parentId, MjApi.button(parent, "U2")),
                "V3", press(parentId, MjApi.button(parent, "V3")),
                "reroll", press(parentId, MjApi.button(parent, "reroll")));
        for (Map.Entry<String, String> child : children.entrySet()) {
            JsonNode task = api.awaitFinal(child.getValue());
            assertThat(task.path("status").asString()).as(child.getKey() + " " + task).isEqualTo("SUCCESS");
            Job job = sandbox.ownJob(task);
            assertThat(job.parentMessageId()).isEqualTo(parent.path("properties").path("messageId").asString());
            assertThat(job.kind()).as(child.getKey()).isEqualTo(switch (child.getKey()) {
                case "U2" -> JobKind.UPSCALE;
                case "V3" -> JobKind.VARIATION;
                default -> JobKind.REROLL;
            });
        }

        assertThat(api.fetch(parentId)).as("the parent is untouched by its children's events").isEqualTo(parent);
        for (String id : List.of(parentId, children.get("U2"), children.get("V3"), children.get("reroll"))) {
            assertThat(history.backwardSteps(id)).as("history of " + id).isEmpty();
            assertThat(history.finalStates(id)).as("final states of " + id).isOne();
        }
        assertThat(control.dispatchFaults().duplicated()).isPositive();
        assertThat(control.dispatchFaults().reordered()).isPositive();
    }

    @Test
    void aSecondFinalMessageAndALateProgressChangeNothingAndFinishNoSibling() {
        String parentId = api.submit("/mj/submit/imagine", "{\"prompt\": \"a lonely lighthouse said twice\"}");
        JsonNode parent = api.awaitFinal(parentId);
        assertThat(parent.path("status").asString()).isEqualTo("SUCCESS");
        JsonNode p = parent.path("properties");

        // A reroll of the same grid (same prompt) waits in flight while old news arrives.
        control.pauseBot();
        String rerollId = press(parentId, MjApi.button(parent, "reroll"));
        api.awaitStatus(rerollId, "SUBMITTED", "IN_PROGRESS");
        String userId = sandbox.userId(1);
        ObjectNode grid = control.world().messages().get(p.path("discordChannelId").asString(), p.path("messageId").asString())
                .orElseThrow();
        control.dispatchRaw(userId, "MESSAGE_CREATE", grid.toString());
        control.dispatchRaw(userId, "MESSAGE_CREATE", grid.toString());
        ObjectNode lateProgress = grid.deepCopy();
        lateProgress.put("id", p.path("progressMessageId").asString());
        lateProgress.put("content", "**" + parent.path("promptEn").asString() + "** - <@" + userId + "> (62%) (fast)");
        lateProgress.remove("components");
        lateProgress.remove("attachments");
        control.dispatchRaw(userId, "MESSAGE_UPDATE", lateProgress.toString());
        control.resumeBot();

        // The reroll's own result comes on the same connection after the old news, so it was all handled.
        JsonNode reroll = api.awaitFinal(rerollId);
        assertThat(reroll.path("status").asString()).as(reroll.toString()).isEqualTo("SUCCESS");
        assertThat(sandbox.ownJob(reroll).kind()).isEqualTo(JobKind.REROLL);
        assertThat(reroll.path("properties").path("messageHash").asString()).isNotEqualTo(p.path("messageHash").asString());
        assertThat(api.fetch(parentId)).isEqualTo(parent);
        assertThat(history.finalStates(parentId)).isOne();
        assertThat(history.backwardSteps(rerollId)).isEmpty();
    }

    @Test
    void aLateLowerProgressNeverTurnsTheBarBack() {
        control.setFastJobDuration(Duration.ofSeconds(3));
        String taskId = api.submit("/mj/submit/imagine", "{\"prompt\": \"a slow sunrise over hills\"}");
        JsonNode running = api.awaitTask(taskId, t -> progressOf(t) >= 20, "at 20% or more");
        control.pauseBot();
        JsonNode p = running.path("properties");
        ObjectNode progress = control.world().messages()
                .get(p.path("discordChannelId").asString(), p.path("progressMessageId").asString()).orElseThrow();
        ObjectNode stale = progress.deepCopy();
        stale.put("content", "**" + running.path("promptEn").asString() + "** - <@" + sandbox.userId(1) + "> (7%) (fast)");
        control.dispatchRaw(sandbox.userId(1), "MESSAGE_UPDATE", stale.toString());
        control.dispatchRaw(sandbox.userId(1), "MESSAGE_UPDATE", progress.toString());
        control.setFastJobDuration(Duration.ofMillis(60));
        control.resumeBot();

        JsonNode done = api.awaitFinal(taskId);
        assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
        sandbox.ownJob(done);
        assertThat(history.backwardSteps(taskId)).isEmpty();
        assertThat(history.of(taskId)).extracting(t -> t.progressPercent()).doesNotContain(7);
    }

    private String press(String taskId, String customId) {
        return api.submit("/mj/submit/action", "{\"taskId\": \"" + taskId + "\", \"customId\": \"" + customId + "\"}");
    }

    private static int progressOf(JsonNode task) {
        String digits = task.path("progress").asString("").replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
