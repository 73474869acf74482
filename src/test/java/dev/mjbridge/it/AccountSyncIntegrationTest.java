package dev.mjbridge.it;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.bot.SpeedMode;
import dev.mjbridge.testing.Waits;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The info/settings sync through the HTTP API and the real gateway against the sandbox: what the
 * account list shows after the sync on connect, POST sync, the fast-time reserve (to relax, or
 * work elsewhere), remix kept as configured, and answers that never touch tasks.
 *
 * <ul>
 *   <li>acc-1: {@code remix: true}; the sandbox user starts with remix off</li>
 *   <li>acc-2: {@code fastTimeReserveMinutes: 60}, relax allowed</li>
 *   <li>acc-3: {@code fastTimeReserveMinutes: 60}, {@code allowModes: [fast, turbo]}</li>
 *   <li>acc-4: Midjourney only, nothing to keep</li>
 *   <li>acc-5: Midjourney only, {@code fastTimeReserveMinutes: 60}, relax allowed</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class AccountSyncIntegrationTest {

    private static final String ADMIN = "sync-admin-secret";
    private static final String REMIX = SandboxedAccounts.accountId(1);
    private static final String RELAXES = SandboxedAccounts.accountId(2);
    private static final String HOLDS = SandboxedAccounts.accountId(3);
    private static final String PLAIN = SandboxedAccounts.accountId(4);
    private static final String ESTIMATES = SandboxedAccounts.accountId(5);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 5, dir, 1, n -> switch (n) {
            case 1 -> "    remix: true\n";
            case 2 -> "    fastTimeReserveMinutes: 60\n";
            case 3 -> "    fastTimeReserveMinutes: 60\n    allowModes: [fast, turbo]\n";
            case 4 -> "    botTypes: [MJ]\n";
            default -> "    botTypes: [MJ]\n    fastTimeReserveMinutes: 60\n";
        });
        sandbox.register(registry);
        registry.add("mj.accounts.sync-enabled", () -> "true");
        registry.add("mj.accounts.sync-timeout", () -> "3s");
        registry.add("mj.admin-secret", () -> ADMIN);
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountPool pool;
    MjApi api;

    @BeforeEach
    void ready() {
        api = new MjApi(port);
        for (int n = 1; n <= sandbox.size(); n++) {
            awaitSynced(SandboxedAccounts.accountId(n));
        }
    }

    @Test
    void anAccountSyncsOnConnectAndTheListShowsWhatMidjourneySaid() {
        JsonNode account = awaitAccount(REMIX, a -> a.path("info").path("mj").path("remix").asBoolean(false),
                "remix shown on after the bridge pressed it");
        JsonNode info = account.path("info");
        assertThat(info.path("syncedAt").asLong()).isPositive();
        assertThat(info.path("lastError").isNull()).as(info.toString()).isTrue();
        JsonNode mj = info.path("mj");
        assertThat(mj.path("subscription").asString()).startsWith("Standard (Active monthly");
        assertThat(mj.path("jobMode").asString()).isEqualTo("Fast");
        assertThat(mj.path("visibilityMode").asString()).isEqualTo("Public");
        assertThat(mj.path("fastTimeRemainingSeconds").asLong()).isEqualTo(15 * 3600);
        assertThat(info.path("fastTimeRemainingSeconds").asLong()).isEqualTo(15 * 3600);
        assertThat(mj.path("lifetimeImages").isNumber()).as(mj.toString()).isTrue();
        assertThat(mj.path("relaxedImages").isNumber()).as(mj.toString()).isTrue();
        assertThat(mj.path("queuedJobs").asInt(-1)).isZero();
        assertThat(mj.path("runningJobs").asInt(-1)).isZero();
        assertThat(mj.path("speed").asString()).isEqualTo("FAST");
        assertThat(mj.path("stealth").asBoolean(true)).isFalse();
        assertThat(mj.path("suffix").asString()).isEqualTo("--v 7");
        assertThat(mj.path("raw")).as("every line of the sandbox's /info is understood").isEmpty();
        assertThat(info.path("niji").path("suffix").asString()).isEqualTo("--niji 6");
        assertThat(account.path("remix").asBoolean(false)).as("Account.remix() agrees").isTrue();

        // Remix differed from accounts.yml: the bridge pressed the settings button, so Midjourney has it on.
        assertThat(sandbox.control().user(sandbox.userIdOf(REMIX)).remix()).isTrue();
        List<Recorder.ReceivedInteraction> presses = sandbox.control().received().interactions().stream()
                .filter(i -> sandbox.userIdOf(REMIX).equals(i.userId()) && i.type() == 3)
                .toList();
        assertThat(presses).as("one remix press per sync, not one per bot").hasSize(1);
        assertThat(presses.get(0).payload().path("data").path("custom_id").asString()).isEqualTo("MJ::Settings::RemixMode");
        assertThat(presses.get(0).payload().path("message_flags").asInt()).isEqualTo(64);
    }

    @Test
    void postSyncAfterTheFastTimeChangedShowsTheNewFigure() {
        sandbox.control().updateUser(sandbox.userIdOf(PLAIN), s -> s.withFastSecondsRemaining(45_000));

        MjApi.Response synced = api.adminPost("/mj/account/" + PLAIN + "/sync", "", ADMIN);

        assertThat(synced.body().path("code").asInt()).as(synced.raw()).isEqualTo(1);
        JsonNode info = synced.body().path("result").path("info");
        assertThat(info.path("mj").path("fastTimeRemainingSeconds").asLong()).as(info.toString()).isEqualTo(45_000);
        assertThat(info.path("fastTimeRemainingSeconds").asLong()).isEqualTo(45_000);
        assertThat(info.path("niji").isNull()).as("acc-4 serves Midjourney only").isTrue();
        assertThat(api.get("/mj/account/" + PLAIN + "/fetch").body().path("info").path("mj")
                .path("fastTimeRemainingSeconds").asLong()).isEqualTo(45_000);

        assertThat(api.adminPost("/mj/account/nobody/sync", "", ADMIN).body().path("code").asInt()).isEqualTo(3);
        assertThat(api.adminPost("/mj/account/" + PLAIN + "/sync", "", null).status()).isEqualTo(401);
    }

    @Test
    void belowTheReserveTheAccountGoesRelaxAndASyncWithMoreFastTimeBringsFastBack() {
        String user = sandbox.userIdOf(RELAXES);
        sandbox.control().updateUser(user, s -> s.withFastSecondsRemaining(1_800));

        JsonNode relaxed = sync(RELAXES).path("result");
        assertThat(relaxed.path("mode").asString()).isEqualTo("RELAX");
        assertThat(relaxed.path("state").asString()).isEqualTo("DEGRADED");
        assertThat(relaxed.path("stateReason").asString()).contains("below its reserve of 60.0 min");
        Waits.await("sandbox user of acc-2 in relax mode", MjApi.WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.control().user(user).mode() == SpeedMode.RELAX);
        assertThat(sandbox.ownJob(finishedOn(RELAXES, "a slow boat")).mode()).isEqualTo(SpeedMode.RELAX);

        sandbox.control().updateUser(user, s -> s.withFastSecondsRemaining(10 * 3600));
        JsonNode fast = sync(RELAXES).path("result");
        assertThat(fast.path("mode").asString()).isEqualTo("FAST");
        assertThat(fast.path("state").asString()).isEqualTo("READY");
        Waits.await("sandbox user of acc-2 in fast mode again", MjApi.WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.control().user(user).mode() == SpeedMode.FAST);
        assertThat(sandbox.ownJob(finishedOn(RELAXES, "a fast boat")).mode()).isEqualTo(SpeedMode.FAST);
    }

    @Test
    void theEstimateOfAFinishedFastJobTakesTheAccountBelowItsReserveWithoutASync() {
        String user = sandbox.userIdOf(ESTIMATES);
        sandbox.control().updateUser(user, s -> s.withFastSecondsRemaining(3_630));
        JsonNode synced = sync(ESTIMATES).path("result");
        assertThat(synced.path("mode").asString()).as("/info shows 1.01 hours: 36 s above the reserve").isEqualTo("FAST");
        long syncedAt = synced.path("info").path("syncedAt").asLong();

        // One grid's default estimate (60 s) takes it below the hour it keeps.
        assertThat(sandbox.ownJob(finishedOn(ESTIMATES, "the last fast minute")).mode()).isEqualTo(SpeedMode.FAST);

        JsonNode relaxed = awaitAccount(ESTIMATES, a -> "RELAX".equals(a.path("mode").asString()),
                "switched to relax by the estimate");
        // One grid's default (60 s) times the factor the account learned (0.25..4; other tests' jobs on acc-5
        // and the drop to 1 hour made by hand teach it too).
        assertThat(relaxed.path("info").path("fastTimeRemainingSeconds").asLong())
                .isLessThan(3_600).isBetween(3_636L - 4 * 60, 3_636L - 15);
        assertThat(relaxed.path("info").path("syncedAt").asLong()).as("no sync meanwhile").isEqualTo(syncedAt);
        Waits.await("sandbox user of acc-5 in relax mode", MjApi.WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.control().user(user).mode() == SpeedMode.RELAX);

        // Midjourney's own figure at the next sync replaces the estimate (the sandbox charged 60 s too).
        assertThat(sync(ESTIMATES).path("result").path("info").path("fastTimeRemainingSeconds").asLong())
                .isEqualTo(3_564); // "0.99/15.0 hours": /info shows two decimals of an hour
    }

    @Test
    void belowTheReserveWithoutRelaxFastWorkGoesToOtherAccounts() {
        String user = sandbox.userIdOf(HOLDS);
        sandbox.control().updateUser(user, s -> s.withFastSecondsRemaining(1_800));

        JsonNode held = sync(HOLDS).path("result");
        assertThat(held.path("state").asString()).isEqualTo("DEGRADED");
        assertThat(held.path("info").path("fastWorkHeld").asString()).contains("relax is not allowed");

        MjApi.Response pinned = api.post("/mj/submit/imagine", imagineOn(HOLDS, "held back"));
        assertThat(pinned.body().path("code").asInt()).as(pinned.raw()).isNotIn(1, 22);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            MjApi.Response taken = api.post("/mj/submit/imagine", "{\"prompt\": \"anywhere " + i + "\"}");
            assertThat(taken.body().path("code").asInt()).as(taken.raw()).isIn(1, 22);
            assertThat(taken.body().path("properties").path("discordInstanceId").asString()).isNotEqualTo(HOLDS);
            ids.add(taken.body().path("result").asString());
        }
        ids.forEach(id -> assertThat(api.awaitFinal(id).path("status").asString()).isEqualTo("SUCCESS"));

        sandbox.control().updateUser(user, s -> s.withFastSecondsRemaining(10 * 3600));
        JsonNode back = sync(HOLDS).path("result");
        assertThat(back.path("state").asString()).isEqualTo("READY");
        assertThat(back.path("info").path("fastWorkHeld").isNull()).isTrue();
        assertThat(finishedOn(HOLDS, "taken again").path("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void aSyncWhileATaskRunsLeavesTheTaskAlone() {
        Duration jobTime = sandbox.control().fastJobDuration();
        sandbox.control().setFastJobDuration(Duration.ofSeconds(2));
        try {
            String taskId = api.submit("/mj/submit/imagine", imagineOn(PLAIN, "a lighthouse that keeps shining"));
            api.awaitStatus(taskId, "IN_PROGRESS");

            assertThat(sync(PLAIN).path("result").path("info").path("mj").path("runningJobs").asInt())
                    .as("the sandbox's /info lists the running job").isEqualTo(1);

            JsonNode task = api.awaitFinal(taskId);
            assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
            assertThat(task.path("failReason").isNull() || task.path("failReason").asString().isEmpty()).isTrue();
            sandbox.ownJob(task);
        } finally {
            sandbox.control().setFastJobDuration(jobTime);
        }
    }

    @Test
    void aSyncThatGetsNoAnswerInTimeIsRecordedAsFailedWithTheReason() {
        sandbox.control().delayDispatches(Duration.ofSeconds(5));
        try {
            MjApi.Response failed = api.adminPost("/mj/account/" + PLAIN + "/sync", "", ADMIN);

            assertThat(failed.body().path("code").asInt()).as(failed.raw()).isEqualTo(4);
            assertThat(failed.body().path("description").asString()).contains("/info on MID_JOURNEY: no answer within 3 s");
            assertThat(failed.body().path("result").path("info").path("lastError").asString())
                    .contains("no answer within 3 s");
        } finally {
            sandbox.control().delayDispatches(Duration.ZERO);
        }
        // The next sync that is answered clears the error.
        assertThat(sync(PLAIN).path("result").path("info").path("lastError").isNull()).isTrue();
    }

    private JsonNode sync(String accountId) {
        MjApi.Response synced = api.adminPost("/mj/account/" + accountId + "/sync", "", ADMIN);
        assertThat(synced.body().path("code").asInt()).as(synced.raw()).isEqualTo(1);
        return synced.body();
    }

    private JsonNode finishedOn(String accountId, String prompt) {
        JsonNode task = api.awaitFinal(api.submit("/mj/submit/imagine", imagineOn(accountId, prompt)));
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        return task;
    }

    private void awaitSynced(String accountId) {
        awaitAccount(accountId, a -> a.path("info").path("syncedAt").isNumber(), "synced on connect");
    }

    private JsonNode awaitAccount(String accountId, java.util.function.Predicate<JsonNode> condition, String what) {
        return Waits.await("account " + accountId + " " + what, MjApi.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/mj/account/" + accountId + "/fetch").body(), a -> a != null && condition.test(a));
    }

    private static String imagineOn(String accountId, String prompt) {
        return "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \"" + accountId + "\"}}";
    }
}
