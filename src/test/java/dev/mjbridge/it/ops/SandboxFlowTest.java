package dev.mjbridge.it.ops;

import dev.mjbridge.account.AccountSetup;
import dev.mjbridge.account.AccountView;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;
import dev.mjbridge.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared sandbox-mode app (two accounts in one channel) plus the sandbox's control
 * API. Each test starts with both accounts idle and leaves the bot running, because the
 * application context, and so the sandbox, is shared with other test classes.
 */
abstract class SandboxFlowTest extends ProxyIntegrationTest {

    static final String ACCOUNT_1 = "sandbox-1";
    static final String ACCOUNT_2 = "sandbox-2";

    @Autowired
    AccountSetup setup;

    SandboxClient sandbox;

    @BeforeEach
    void startIdle() {
        assertThat(setup.sandbox()).as("these tests run in sandbox mode").isTrue();
        sandbox = new SandboxClient(setup.endpoints().server());
        sandbox.resumeBot();
        awaitIdle();
    }

    @AfterEach
    void leaveTheBotRunning() {
        sandbox.resumeBot();
    }

    /** Waits until no account runs or queues anything (earlier tests' work has ended). */
    void awaitIdle() {
        Waits.await("no account running or queueing anything", MjApi.WAIT).pollInterval(Duration.ofMillis(20))
                .until(pool::accounts, accounts -> accounts.stream().noneMatch(a -> a.running() > 0 || a.queued() > 0));
    }

    AccountView account(String id) {
        return pool.accounts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** Waits until every task is final and returns them, each asserted SUCCESS. */
    List<JsonNode> awaitAllSucceeded(List<String> taskIds) {
        List<JsonNode> done = new ArrayList<>();
        for (String id : taskIds) {
            JsonNode task = api.awaitFinal(id);
            assertThat(task.path("status").asString()).as("task %s: %s", id, task).isEqualTo("SUCCESS");
            done.add(task);
        }
        return done;
    }

    static String imagine(String prompt) {
        return "{\"prompt\": " + MjApi.json().valueToTree(prompt) + "}";
    }

    static String imagineOn(String accountId, String prompt) {
        return "{\"prompt\": " + MjApi.json().valueToTree(prompt)
                + ", \"accountFilter\": {\"instanceId\": \"" + accountId + "\"}}";
    }
}
