package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.account.AccountState;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.testing.Waits;
import tools.jackson.databind.JsonNode;

/**
 * No token or secret leaves the process (README; the house rule that secrets never leave the process): the whole
 * log of an application context that starts, runs jobs, loses connections, has a token
 * rejected, gets an account blocked and has it re-enabled (with {@code dev.mjbridge} at
 * DEBUG) and every API answer given meanwhile are scanned for the sandbox users' tokens
 * and the API's secrets.
 * <p>
 * Its properties are its own, so the context starts inside the output capture: start-up
 * lines (account configuration, the sandbox banner) are scanned too.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"mj.api-secret=" + SecretLeakTest.API_SECRET, "logging.level.dev.mjbridge=DEBUG",
        "mj.notify.signing-secret=" + SecretLeakTest.SIGNING_SECRET})
class SecretLeakTest extends ProxyIntegrationTest {

    static final String API_SECRET = "leak-test-api-secret";
    static final String SIGNING_SECRET = "leak-test-webhook-signing-secret";
    private static final List<String> SECRETS = List.of("sandbox-token-1", "sandbox-token-2", API_SECRET, ADMIN_SECRET,
            SIGNING_SECRET);

    @Autowired
    DiscordEndpoints endpoints;

    private final List<String> answers = new ArrayList<>();

    @Test
    void noTokenOrSecretInAnyLogLineOrAnswer(CapturedOutput output) {
        MjApi client = api.withSecret(API_SECRET);
        SandboxApi sandbox = new SandboxApi(endpoints.server());
        try {
            exerciseAccounts(client, sandbox);
        } finally {
            sandbox.restoreUser(SandboxApi.USER_1);
            record(client.adminPost("/mj/account/sandbox-1/enable", "", ADMIN_SECRET));
            record(client.adminPost("/mj/account/sandbox-2/enable", "", ADMIN_SECRET));
        }

        String log = output.getAll();
        assertThat(log).as("the capture saw the accounts start").contains("account sandbox-1", "account sandbox-2");
        for (String secret : SECRETS) {
            assertThat(log).as("log lines").doesNotContain(secret);
            for (String answer : answers) {
                assertThat(answer).as("an API answer").doesNotContain(secret);
            }
        }
        assertThat(answers).hasSizeGreaterThan(15);
    }

    private void exerciseAccounts(MjApi client, SandboxApi sandbox) {
        record(client.get("/mj/account/list"));
        record(client.get("/mj/account/sandbox-1/fetch"));
        record(client.get("/mj-fast/mj/account/sandbox-2/fetch"));

        JsonNode grid = finished(client, client.submit("/mj/submit/imagine", "{\"prompt\": \"a lighthouse at dusk\"}"));
        finished(client, client.submit("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s"}""".formatted(grid.path("id").asString(), MjApi.button(grid, "U1"))));

        // Discord fails a REST call: the retry and its log lines.
        sandbox.post("/rest/fail-next", "{\"count\": 1, \"status\": 502}");
        finished(client, client.submit("/mj/submit/imagine", "{\"prompt\": \"a retried request\"}"));

        // A dropped connection is resumed.
        sandbox.post("/gateway/drop", "{\"userId\": \"" + SandboxApi.USER_1 + "\"}");
        awaitState(client, "sandbox-1", AccountState.READY);
        finished(client, client.submit("/mj/submit/imagine", imagineOn("sandbox-1", "after a drop")));

        // Discord rejects the token (close 4004): the account is disabled with that reason, then re-enabled.
        sandbox.post("/gateway/close", "{\"userId\": \"" + SandboxApi.USER_2 + "\", \"code\": 4004}");
        awaitState(client, "sandbox-2", AccountState.DISABLED);
        record(client.get("/mj/account/list"));
        record(client.adminPost("/mj/account/sandbox-2/enable", "", ADMIN_SECRET));
        awaitState(client, "sandbox-2", AccountState.READY);

        // Midjourney blocks an account.
        sandbox.patchUser(SandboxApi.USER_1, "{\"standing\": \"BLOCKED\"}");
        finished(client, client.submit("/mj/submit/imagine", imagineOn("sandbox-1", "a blocked request")));
        record(client.get("/mj/account/sandbox-1/fetch"));
        record(client.adminPost("/mj/account/sandbox-1/disable", "{\"reason\": \"checking\"}", ADMIN_SECRET));

        // A signed webhook to a receiver that refuses it (this app, which wants its api secret): the
        // retries' log lines, the delivery log and a redelivery.
        String hooked = client.submit("/mj/submit/imagine", """
                {"prompt": "a signed webhook", "notifyHook": "http://127.0.0.1:%d/mj/nothing"}""".formatted(port));
        finished(client, hooked);
        Waits.await("a delivery attempt logged", MjApi.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> record(client.adminGet("/mj/task/" + hooked + "/deliveries", ADMIN_SECRET)).body(),
                        answer -> answer.path("result").size() > 0);
        record(client.adminPost("/mj/task/" + hooked + "/redeliver", "", ADMIN_SECRET));

        // Refusals and errors.
        record(client.adminPost("/mj/account/sandbox-1/enable", "", "wrong-admin-secret"));
        record(api.withSecret("wrong-api-secret").get("/mj/account/list"));
        record(client.post("/mj/submit/imagine", "{\"prompt\": "));
        record(client.get("/mj/nothing"));
        record(client.get("/mj/task/list"));
        record(client.get("/mj/task/queue"));
    }

    private JsonNode finished(MjApi client, String taskId) {
        JsonNode task = client.awaitFinal(taskId);
        answers.add(task.toString());
        return task;
    }

    private void awaitState(MjApi client, String accountId, AccountState state) {
        // Every answer is recorded: the test checks none of them shows a secret.
        Waits.await("account " + accountId + " " + state, MjApi.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> record(client.get("/mj/account/" + accountId + "/fetch")).body(),
                        account -> state.name().equals(account.path("state").asString()));
    }

    private MjApi.Response record(MjApi.Response response) {
        answers.add(response.raw());
        return response;
    }

    private static String imagineOn(String accountId, String prompt) {
        return "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \"" + accountId + "\"}}";
    }
}
