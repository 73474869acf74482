package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Moderation recovery (docs/accounts.md) through the HTTP API and the gateway against the sandbox:
 * acc-1 has the default keys (acknowledges moderators' messages, leaves the ToS to its owner), acc-2
 * the opposite ({@code autoAcknowledge: false}, {@code autoAcceptTos: true}). Blocks are a few
 * seconds long: the bridge's timer runs on the wall clock, like Midjourney's block.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mj.admin-secret=" + ModerationRecoveryIntegrationTest.ADMIN_SECRET)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class ModerationRecoveryIntegrationTest {

    static final String ADMIN_SECRET = "moderation-admin-secret";
    private static final String DEFAULTS = SandboxedAccounts.accountId(1);
    private static final String CAUTIOUS = SandboxedAccounts.accountId(2);
    private static final int BLOCK_SECONDS = 3;

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 2, dir, 1, n -> n == 2
                ? "    autoAcknowledge: false\n    autoAcceptTos: true\n" : "");
        sandbox.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountPool pool;
    @Autowired
    DiscordEndpoints endpoints;
    MjApi api;
    SandboxApi control;

    @BeforeEach
    void ready() {
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        api = new MjApi(port);
        control = new SandboxApi(endpoints.server());
    }

    @AfterEach
    void putBack() {
        control.post("/reset", "{}");
        for (String id : List.of(DEFAULTS, CAUTIOUS)) {
            MjApi.Response enabled = api.adminPost("/mj/account/" + id + "/enable", "", ADMIN_SECRET);
            assertThat(enabled.body().path("code").asInt()).as(enabled.raw()).isEqualTo(1);
        }
    }

    @Test
    void aPendingModMessageIsAcknowledgedAndTheBlockItAnnouncesEndsByItself() {
        String user = sandbox.userIdOf(DEFAULTS);
        control.post("/users/" + user + "/mod-message",
                "{\"text\": \"Please keep your prompts PG-13.\", \"blockSeconds\": " + BLOCK_SECONDS + "}");
        long before = System.currentTimeMillis();

        JsonNode refused = api.awaitFinal(submitOn(DEFAULTS, "a lantern in fog"));

        assertThat(refused.path("status").asString()).isEqualTo("FAILURE");
        assertThat(refused.path("failReason").asString()).startsWith("[Pending mod message] ");
        JsonNode blocked = awaitAccount(DEFAULTS, a -> !a.path("disabledUntil").isNull(), "disabled until a time");
        assertThat(blocked.path("state").asString()).isEqualTo("DISABLED");
        assertThat(blocked.path("stateReason").asString())
                .contains("Please keep your prompts PG-13.").contains("for " + BLOCK_SECONDS + " seconds");
        assertThat(blocked.path("disabledUntil").asLong())
                .isBetween(before + BLOCK_SECONDS * 1000L, System.currentTimeMillis() + BLOCK_SECONDS * 1000L);
        assertThat(pressesOf(user, "MJ::Moderation::Acknowledge::")).hasSize(1);
        // While it is out, new work goes to the other account.
        MjApi.Response elsewhere = api.post("/mj/submit/imagine", "{\"prompt\": \"a harbour at night\"}");
        assertThat(elsewhere.body().path("properties").path("discordInstanceId").asString()).isEqualTo(CAUTIOUS);
        assertThat(api.awaitFinal(elsewhere.body().path("result").asString()).path("status").asString())
                .isEqualTo("SUCCESS");

        JsonNode back = awaitAccount(DEFAULTS, a -> "READY".equals(a.path("state").asString()), "READY again");

        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(blocked.path("disabledUntil").asLong());
        assertThat(back.path("disabledUntil").isNull()).isTrue();
        assertThat(back.path("enabled").asBoolean()).isTrue();
        assertThat(back.path("stateReason").asString()).contains("block ended");
        assertThat(back.path("info").path("syncedAt").asLong()).as("it synced /info before taking work again")
                .isGreaterThanOrEqualTo(blocked.path("disabledUntil").asLong());
        JsonNode next = api.awaitFinal(submitOn(DEFAULTS, "a lantern in clear air"));
        assertThat(next.path("status").asString()).as(next.toString()).isEqualTo("SUCCESS");
        assertThat(next.path("properties").path("discordInstanceId").asString()).isEqualTo(DEFAULTS);
    }

    @Test
    void aModMessageWithoutABlockLeavesTheAccountReadyOnceAcknowledged() {
        String user = sandbox.userIdOf(DEFAULTS);
        control.post("/users/" + user + "/mod-message", "{\"text\": \"A friendly reminder of our rules.\"}");

        JsonNode refused = api.awaitFinal(submitOn(DEFAULTS, "a kite"));

        assertThat(refused.path("failReason").asString()).startsWith("[Pending mod message] ");
        JsonNode back = awaitAccount(DEFAULTS, a -> "READY".equals(a.path("state").asString()), "READY again");
        assertThat(back.path("stateReason").asString()).contains("acknowledged").contains("A friendly reminder");
        assertThat(back.path("disabledUntil").isNull()).isTrue();
        assertThat(control.user(user).path("midjourney").path("standing").asString()).isEqualTo("GOOD");
        assertThat(api.awaitFinal(submitOn(DEFAULTS, "a kite, again")).path("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void withAutoAcknowledgeOffTheAccountStaysDisabledForTheOperator() {
        String user = sandbox.userIdOf(CAUTIOUS);
        control.post("/users/" + user + "/mod-message", "{\"blockSeconds\": 1}");

        JsonNode refused = api.awaitFinal(submitOn(CAUTIOUS, "a paper boat"));

        assertThat(refused.path("failReason").asString()).startsWith("[Pending mod message] ");
        JsonNode account = account(CAUTIOUS);
        assertThat(account.path("state").asString()).isEqualTo("DISABLED");
        assertThat(account.path("stateReason").asString()).isEqualTo(refused.path("failReason").asString());
        assertThat(account.path("disabledUntil").isNull()).isTrue();
        // A later job on the other account has come and gone; the cautious one pressed nothing meanwhile.
        assertThat(api.awaitFinal(api.submit("/mj/submit/imagine", "{\"prompt\": \"a paper plane\"}"))
                .path("status").asString()).isEqualTo("SUCCESS");
        assertThat(pressesOf(user, "MJ::Moderation::")).isEmpty();
        assertThat(control.user(user).path("midjourney").path("standing").asString()).isEqualTo("PENDING_MOD_MESSAGE");
        assertThat(account(CAUTIOUS).path("state").asString()).isEqualTo("DISABLED");
    }

    @Test
    void aBlockedEmbedNamingADurationDisablesUntilThenOnly() {
        String user = sandbox.userIdOf(CAUTIOUS);
        control.post("/users/" + user + "/block", "{\"seconds\": " + BLOCK_SECONDS + "}");

        JsonNode refused = api.awaitFinal(submitOn(CAUTIOUS, "a glass tower"));

        assertThat(refused.path("failReason").asString()).startsWith("[Blocked] ").contains(" seconds");
        JsonNode blocked = account(CAUTIOUS);
        assertThat(blocked.path("state").asString()).isEqualTo("DISABLED");
        assertThat(blocked.path("disabledUntil").asLong()).isGreaterThan(System.currentTimeMillis() - 1000);
        JsonNode back = awaitAccount(CAUTIOUS, a -> "READY".equals(a.path("state").asString()), "READY again");
        assertThat(back.path("stateReason").asString()).contains("block ended");
        assertThat(api.awaitFinal(submitOn(CAUTIOUS, "a glass tower, later")).path("status").asString())
                .isEqualTo("SUCCESS");
    }

    @Test
    void anAcceptedAppealRunsTheFlaggedPromptAsANewTask() {
        control.post("/moderation", "{\"softFlagWords\": [\"lantern\"], \"appeals\": \"ACCEPT\"}");

        JsonNode flagged = api.awaitFinal(submitOn(DEFAULTS, "a red lantern at dusk"));

        assertThat(flagged.path("status").asString()).isEqualTo("FAILURE");
        assertThat(flagged.path("failReason").asString()).startsWith("[Sorry! Our AI moderator thinks");
        String appeal = MjApi.button(flagged, "Appeal");
        assertThat(appeal).startsWith("MJ::Moderation::Appeal::");
        assertThat(flagged.path("buttons")).hasSize(1);
        assertThat(account(DEFAULTS).path("state").asString()).isEqualTo("READY");

        MjApi.Response pressed = api.post("/mj/submit/action",
                "{\"taskId\": \"" + flagged.path("id").asString() + "\", \"customId\": \"" + appeal + "\"}");

        assertThat(pressed.body().path("code").asInt()).as(pressed.raw()).isEqualTo(1);
        JsonNode appealed = api.awaitFinal(pressed.body().path("result").asString());
        assertThat(appealed.path("status").asString()).as(appealed.toString()).isEqualTo("SUCCESS");
        assertThat(appealed.path("imageUrl").asString()).isNotBlank();
        assertThat(appealed.path("properties").path("finalPrompt").asString()).contains("a red lantern at dusk");
        assertThat(sandbox.ownJob(appealed).prompt()).contains("a red lantern at dusk");
        assertThat(api.fetch(flagged.path("id").asString()).path("status").asString()).isEqualTo("FAILURE");
    }

    @Test
    void aRejectedAppealFailsItsTaskWithMidjourneysReason() {
        control.post("/moderation", "{\"softFlagWords\": [\"kite\"], \"appeals\": \"REJECT\"}");
        JsonNode flagged = api.awaitFinal(submitOn(CAUTIOUS, "a kite over the sea"));
        String appeal = MjApi.button(flagged, "Appeal");

        MjApi.Response pressed = api.post("/mj/submit/action",
                "{\"taskId\": \"" + flagged.path("id").asString() + "\", \"customId\": \"" + appeal + "\"}");

        assertThat(pressed.body().path("code").asInt()).as(pressed.raw()).isEqualTo(1);
        JsonNode appealed = api.awaitFinal(pressed.body().path("result").asString());
        assertThat(appealed.path("status").asString()).isEqualTo("FAILURE");
        assertThat(appealed.path("failReason").asString()).startsWith("[Appeal rejected] ");
        assertThat(account(CAUTIOUS).path("state").asString()).isEqualTo("READY");
    }

    @Test
    void onlyTheAppealButtonOfAFailedTaskCanBePressed() {
        control.post("/moderation", "{\"softFlagWords\": [\"lantern\"]}");
        JsonNode flagged = api.awaitFinal(submitOn(DEFAULTS, "a lantern"));

        MjApi.Response other = api.post("/mj/submit/action", "{\"taskId\": \"" + flagged.path("id").asString()
                + "\", \"customId\": \"MJ::JOB::upsample::1::3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d\"}");

        assertThat(other.body().path("code").asInt()).as(other.raw()).isEqualTo(4);
        assertThat(other.body().path("description").asString()).contains("customId").contains("FAILURE");
    }

    @Test
    void tosNotAcceptedIsAcceptedOnlyWhereTheOwnerAllowedIt() {
        String userDefaults = sandbox.userIdOf(DEFAULTS);
        String userCautious = sandbox.userIdOf(CAUTIOUS);
        control.patchUser(userDefaults, "{\"standing\": \"TOS_NOT_ACCEPTED\"}");
        control.patchUser(userCautious, "{\"standing\": \"TOS_NOT_ACCEPTED\"}");

        JsonNode refusedHere = api.awaitFinal(submitOn(DEFAULTS, "a meadow"));
        JsonNode refusedThere = api.awaitFinal(submitOn(CAUTIOUS, "a meadow"));

        assertThat(refusedHere.path("failReason").asString()).startsWith("[Tos not accepted] ");
        assertThat(refusedThere.path("failReason").asString()).startsWith("[Tos not accepted] ");
        JsonNode accepted = awaitAccount(CAUTIOUS, a -> "READY".equals(a.path("state").asString()), "READY again");
        assertThat(accepted.path("stateReason").asString()).contains("Terms of Service accepted");
        assertThat(control.user(userCautious).path("midjourney").path("standing").asString()).isEqualTo("GOOD");
        assertThat(api.awaitFinal(submitOn(CAUTIOUS, "a meadow, accepted")).path("status").asString())
                .isEqualTo("SUCCESS");
        JsonNode left = account(DEFAULTS);
        assertThat(left.path("state").asString()).isEqualTo("DISABLED");
        assertThat(left.path("stateReason").asString()).isEqualTo(refusedHere.path("failReason").asString());
        assertThat(pressesOf(userDefaults, "MJ::Moderation::")).isEmpty();
        assertThat(control.user(userDefaults).path("midjourney").path("standing").asString())
                .isEqualTo("TOS_NOT_ACCEPTED");
    }

    private String submitOn(String accountId, String prompt) {
        return api.submit("/mj/submit/imagine",
                "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \"" + accountId + "\"}}");
    }

    private JsonNode account(String id) {
        return api.get("/mj/account/" + id + "/fetch").body();
    }

    private JsonNode awaitAccount(String id, Predicate<JsonNode> condition, String what) {
        return Waits.await("account " + id + " " + what, MjApi.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> account(id), condition);
    }

    /** The button presses the sandbox received from this user whose custom id starts so. */
    private static List<Recorder.ReceivedInteraction> pressesOf(String userId, String customIdStart) {
        return sandbox.control().received().interactions().stream()
                .filter(i -> userId.equals(i.userId()) && i.type() == 3)
                .filter(i -> i.payload().path("data").path("custom_id").asString("").startsWith(customIdStart))
                .toList();
    }
}
