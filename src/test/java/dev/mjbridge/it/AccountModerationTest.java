package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mjbridge.account.AccountState;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.testing.Waits;
import tools.jackson.databind.JsonNode;

/**
 * Midjourney's moderation and plan embeds act on the account that got them (README, Accounts),
 * driven through the sandbox's control API exactly as an operator would see it:
 * the account's state and reason in {@code /mj/account/list}, the tasks' failReasons, and
 * where new work goes. Every test puts the simulated users and the accounts back.
 */
class AccountModerationTest extends ProxyIntegrationTest {

    private static final String ACCOUNT_1 = "sandbox-1";

    @Autowired
    DiscordEndpoints endpoints;

    private SandboxApi sandbox;

    @BeforeEach
    void sandboxControl() {
        sandbox = new SandboxApi(endpoints.server());
    }

    @AfterEach
    void restoreUsersAndAccounts() {
        sandbox.resumeBot();
        sandbox.restoreUser(SandboxApi.USER_1);
        sandbox.restoreUser(SandboxApi.USER_2);
        for (String id : new String[] {"sandbox-1", "sandbox-2"}) {
            MjApi.Response enabled = api.adminPost("/mj/account/" + id + "/enable", "", ADMIN_SECRET);
            assertThat(enabled.body().path("code").asInt()).as(enabled.raw()).isEqualTo(1);
        }
    }

    /**
     * "Pending mod message" is not among them: these accounts acknowledge it on their own
     * ({@code autoAcknowledge}); ModerationRecoveryIntegrationTest covers it with the key on and off.
     */
    static Stream<Arguments> refusalsThatDisable() {
        return Stream.of(
                Arguments.of("{\"standing\": \"BLOCKED\"}", "Blocked"),
                Arguments.of("{\"plan\": \"NONE\"}", "Subscription required"),
                Arguments.of("{\"standing\": \"SUBSCRIPTION_PAUSED\"}", "Subscription paused"),
                Arguments.of("{\"standing\": \"PLAN_CANCELLED\"}", "Plan Cancelled"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusalsThatDisable")
    void aRefusalAboutTheAccountDisablesItAndFailsItsWork(String userChange, String title) {
        sandbox.pauseBot();
        String inFlight = submitOn(ACCOUNT_1, "a lantern in fog");
        awaitAcknowledged(inFlight);
        sandbox.patchUser(SandboxApi.USER_1, userChange);
        long before = System.currentTimeMillis();

        JsonNode refused = api.awaitFinal(submitOn(ACCOUNT_1, "a harbour at night"));

        assertThat(refused.path("status").asString()).isEqualTo("FAILURE");
        String reason = refused.path("failReason").asString();
        assertThat(reason).startsWith("[" + title + "] ").hasSizeGreaterThan(title.length() + 4);
        JsonNode account = account(ACCOUNT_1);
        assertThat(account.path("state").asString()).isEqualTo("DISABLED");
        assertThat(account.path("enabled").asBoolean()).isFalse();
        assertThat(account.path("stateReason").asString()).isEqualTo(reason);
        assertThat(account.path("stateSince").asLong()).isBetween(before - 1000, System.currentTimeMillis());
        JsonNode other = api.awaitFinal(inFlight);
        assertThat(other.path("status").asString()).isEqualTo("FAILURE");
        assertThat(other.path("failReason").asString()).isEqualTo(reason);
        assertThat(account("sandbox-2").path("state").asString()).isEqualTo("READY");

        sandbox.resumeBot();
        MjApi.Response next = api.post("/mj/submit/imagine", "{\"prompt\": \"a quiet street\"}");
        assertThat(next.body().path("properties").path("discordInstanceId").asString()).isEqualTo("sandbox-2");
        assertThat(api.awaitFinal(next.body().path("result").asString()).path("status").asString()).isEqualTo("SUCCESS");
        MjApi.Response pinned = api.post("/mj/submit/imagine", imagineOn(ACCOUNT_1, "a pinned job"));
        assertThat(pinned.body().path("code").asInt()).as(pinned.raw()).isEqualTo(23);
    }

    @Test
    void reEnablingThroughTheAdminApiAfterTheUserIsFixedTakesWorkAgain() {
        sandbox.patchUser(SandboxApi.USER_1, "{\"standing\": \"BLOCKED\"}");
        assertThat(api.awaitFinal(submitOn(ACCOUNT_1, "a red kite")).path("status").asString()).isEqualTo("FAILURE");
        assertThat(account(ACCOUNT_1).path("state").asString()).isEqualTo("DISABLED");

        sandbox.patchUser(SandboxApi.USER_1, "{\"standing\": \"GOOD\"}");
        MjApi.Response enabled = api.adminPost("/mj/account/" + ACCOUNT_1 + "/enable", "", ADMIN_SECRET);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.body().path("code").asInt()).isEqualTo(1);
        assertThat(enabled.body().path("result").path("id").asString()).isEqualTo(ACCOUNT_1);
        JsonNode account = awaitAccount(ACCOUNT_1, AccountState.READY);
        assertThat(account.path("enabled").asBoolean()).isTrue();
        assertThat(account.path("stateReason").asString()).contains("re-enabled by an operator");
        JsonNode task = api.awaitFinal(submitOn(ACCOUNT_1, "a red kite, again"));
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        assertThat(task.path("properties").path("discordInstanceId").asString()).isEqualTo(ACCOUNT_1);
    }

    @Test
    void anOperatorDisablesWithAReasonAndTheAccountGetsNoNewWork() {
        MjApi.Response disabled = api.adminPost("/mj/account/" + ACCOUNT_1 + "/disable",
                "{\"reason\": \"maintenance\"}", ADMIN_SECRET);

        assertThat(disabled.body().path("code").asInt()).isEqualTo(1);
        assertThat(disabled.body().path("result").path("state").asString()).isEqualTo("DISABLED");
        assertThat(account(ACCOUNT_1).path("stateReason").asString()).isEqualTo("disabled by an operator: maintenance");
        assertThat(api.post("/mj/submit/imagine", imagineOn(ACCOUNT_1, "x")).body().path("code").asInt()).isEqualTo(23);
        MjApi.Response elsewhere = api.post("/mj/submit/imagine", "{\"prompt\": \"a windmill\"}");
        assertThat(elsewhere.body().path("properties").path("discordInstanceId").asString()).isEqualTo("sandbox-2");
        assertThat(api.adminPost("/mj/account/nope/enable", "", ADMIN_SECRET).body().path("code").asInt()).isEqualTo(3);
        assertThat(api.adminPost("/mj/account/" + ACCOUNT_1 + "/enable", "", "wrong").status()).isEqualTo(401);
        assertThat(api.adminPost("/mj/account/" + ACCOUNT_1 + "/enable", "", null).status()).isEqualTo(401);
    }

    @Test
    void creditsExhaustedMovesTheAccountToRelaxAndItKeepsWorking() {
        sandbox.pauseBot();
        String running = submitOn(ACCOUNT_1, "a slow river");
        awaitAcknowledged(running);
        sandbox.patchUser(SandboxApi.USER_1, "{\"fastHours\": 0}");

        JsonNode refused = api.awaitFinal(submitOn(ACCOUNT_1, "a fast river"));

        assertThat(refused.path("status").asString()).isEqualTo("FAILURE");
        assertThat(refused.path("failReason").asString()).startsWith("[Credits exhausted] ");
        JsonNode account = account(ACCOUNT_1);
        assertThat(account.path("state").asString()).isEqualTo("DEGRADED");
        assertThat(account.path("enabled").asBoolean()).isTrue();
        assertThat(account.path("mode").asString()).isEqualTo("RELAX");
        assertThat(account.path("stateReason").asString()).contains("relax").contains("[Credits exhausted]");
        // The account told Midjourney to switch (/relax): the user's own mode setting changed.
        sandbox.awaitUser(SandboxApi.USER_1, mj -> mj.path("mode").asString().equalsIgnoreCase("RELAX"), "in relax mode");
        sandbox.resumeBot();
        assertThat(api.awaitFinal(running).path("status").asString()).isEqualTo("SUCCESS");

        JsonNode relaxed = api.awaitFinal(submitOn(ACCOUNT_1, "a river in relax mode"));
        assertThat(relaxed.path("status").asString()).as(relaxed.toString()).isEqualTo("SUCCESS");
        assertThat(relaxed.path("properties").path("discordInstanceId").asString()).isEqualTo(ACCOUNT_1);
        // A reconnect does not make it forget that it is out of fast hours.
        long since = account(ACCOUNT_1).path("stateSince").asLong();
        sandbox.post("/gateway/drop", "{\"userId\": \"" + SandboxApi.USER_1 + "\"}");
        JsonNode resumed = awaitAccountAfter(ACCOUNT_1, since);
        assertThat(resumed.path("state").asString()).as(resumed.toString()).isEqualTo("DEGRADED");
        assertThat(resumed.path("stateReason").asString()).contains("relax");
        // Out of fast hours, the account no longer takes work that asks for fast mode.
        assertThat(api.post("/mj-fast/mj/submit/imagine", imagineOn(ACCOUNT_1, "fast please")).body().path("code").asInt())
                .isEqualTo(23);
    }

    @Test
    void aCaptchaFailsOnlyItsTaskAndPausesTheAccount() {
        sandbox.pauseBot();
        String running = submitOn(ACCOUNT_1, "a paper crane");
        awaitAcknowledged(running);
        sandbox.patchUser(SandboxApi.USER_1, "{\"captchaNext\": true}");

        JsonNode challenged = api.awaitFinal(submitOn(ACCOUNT_1, "a second crane"));

        assertThat(challenged.path("status").asString()).isEqualTo("FAILURE");
        assertThat(challenged.path("failReason").asString()).startsWith("[Action required to continue]");
        JsonNode account = account(ACCOUNT_1);
        assertThat(account.path("state").asString()).isEqualTo("DISABLED");
        assertThat(account.path("stateReason").asString()).startsWith("paused: ").contains("captcha");
        assertThat(api.post("/mj/submit/imagine", imagineOn(ACCOUNT_1, "x")).body().path("code").asInt()).isEqualTo(23);
        sandbox.resumeBot();
        JsonNode other = api.awaitFinal(running);
        assertThat(other.path("status").asString()).as(other.toString()).isEqualTo("SUCCESS");

        assertThat(api.adminPost("/mj/account/" + ACCOUNT_1 + "/enable", "", ADMIN_SECRET).body().path("code").asInt())
                .isEqualTo(1);
        awaitAccount(ACCOUNT_1, AccountState.READY);
        assertThat(api.awaitFinal(submitOn(ACCOUNT_1, "a third crane")).path("status").asString()).isEqualTo("SUCCESS");
    }

    private String submitOn(String accountId, String prompt) {
        return api.submit("/mj/submit/imagine", imagineOn(accountId, prompt));
    }

    private static String imagineOn(String accountId, String prompt) {
        return "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \"" + accountId + "\"}}";
    }

    /** The sandbox acknowledged the interaction: the job exists on the simulated Midjourney. */
    private void awaitAcknowledged(String taskId) {
        api.awaitTask(taskId, t -> t.path("properties").hasNonNull("interactionId")
                || "IN_PROGRESS".equals(t.path("status").asString()), "acknowledged by Discord");
    }

    private JsonNode account(String id) {
        return api.get("/mj/account/" + id + "/fetch").body();
    }

    /** The account's first settled state (connected again) that began after {@code sinceMillis}. */
    private JsonNode awaitAccountAfter(String id, long sinceMillis) {
        return Waits.await("account " + id + " connected again after " + sinceMillis, MjApi.WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> account(id), account -> account.path("stateSince").asLong() > sinceMillis
                        && !"CONNECTING".equals(account.path("state").asString())
                        && !account.path("stateReason").asString().startsWith("reconnecting"));
    }

    private JsonNode awaitAccount(String id, AccountState state) {
        return Waits.await("account " + id + " " + state, MjApi.WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> account(id), account -> state.name().equals(account.path("state").asString()));
    }
}
