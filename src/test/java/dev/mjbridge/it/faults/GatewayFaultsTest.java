package dev.mjbridge.it.faults;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.gateway.GatewayCounters;
import dev.mjbridge.testing.Waits;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, item 1, end to end: a dropped connection and a stalled one (no heartbeat ACK;
 * the sandbox announces a 500 ms heartbeat) are resumed with nothing lost; after op 9
 * (not resumable) a job whose result was posted while the session was being replaced is
 * settled from channel history, and work started meanwhile waits for the new session;
 * close 4004 disables the account with that reason, and work that waited for a session
 * on an account whose token was revoked fails with it. One account per fault.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class GatewayFaultsTest {

    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests().withHeartbeatIntervalMs(500), 5, dir, 1);
        sandbox.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountPool pool;

    MjApi api;
    SandboxControl control;

    @BeforeEach
    void ready() {
        control = sandbox.control();
        control.reset();
        api = new MjApi(port);
    }

    @AfterEach
    void calm() {
        control.reset();
    }

    @Test
    void aDroppedConnectionIsResumedAndTheJobRunningMeanwhileFinishes() {
        awaitReady(1);
        GatewayCounters.Snapshot before = control.gatewayCounters(sandbox.userId(1));
        control.pauseBot();
        String taskId = imagineOn(1, "a lantern in the rain");
        api.awaitStatus(taskId, "SUBMITTED", "IN_PROGRESS");

        control.dropConnections(sandbox.userId(1));
        control.resumeBot();

        JsonNode task = api.awaitFinal(taskId);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(task);
        GatewayCounters.Snapshot after = control.gatewayCounters(sandbox.userId(1));
        assertThat(after.resumed()).isGreaterThan(before.resumed());
        assertThat(after.identified()).as("no new session was needed").isEqualTo(before.identified());
    }

    @Test
    void aStalledConnectionIsNoticedByItsMissingHeartbeatAckAndResumedWithNothingLost() {
        awaitReady(2);
        GatewayCounters.Snapshot before = control.gatewayCounters(sandbox.userId(2));
        control.stallConnections(sandbox.userId(2));

        // Sent while the socket is a zombie: REST works, the bot's answers wait in the replay buffer.
        String taskId = imagineOn(2, "a clock with no hands");

        JsonNode task = api.awaitFinal(taskId);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(task);
        GatewayCounters.Snapshot after = control.gatewayCounters(sandbox.userId(2));
        assertThat(after.resumed()).isGreaterThan(before.resumed());
        assertThat(after.identified()).isEqualTo(before.identified());
    }

    @Test
    void afterOp9AJobFinishedWhileTheSessionWasReplacedIsSettledFromChannelHistory() {
        awaitReady(3);
        GatewayCounters.Snapshot before = control.gatewayCounters(sandbox.userId(3));
        control.pauseBot();
        String lostId = imagineOn(3, "a letter lost in the post");
        api.awaitStatus(lostId, "SUBMITTED", "IN_PROGRESS");
        awaitTrue(() -> control.bot().queuedJobs(sandbox.userId(3)).size() + control.bot().runningJobs(sandbox.userId(3)).size() == 1,
                "the sandbox holds the job");

        // Not resumable: the sandbox forgets the session, so what it sends until the client
        // identifies again (1-5 s later) reaches nobody. The job finishes in that gap.
        control.invalidateSessions(sandbox.userId(3), false);
        Account account = pool.find(SandboxedAccounts.accountId(3)).orElseThrow();
        awaitTrue(() -> !account.interactionContext("probe", BotType.MID_JOURNEY, Duration.ofSeconds(30)).isDone(),
                "the proxy has dropped the invalidated session");
        // Submitted in the gap: the account has no session id until READY, and waits for it.
        String duringGapId = imagineOn(3, "a second letter posted in the gap");
        control.resumeBot();
        awaitTrue(() -> control.bot().runningJobs(sandbox.userId(3)).isEmpty()
                && control.bot().queuedJobs(sandbox.userId(3)).isEmpty(), "the job finished in the sandbox");

        JsonNode lost = api.awaitFinal(lostId);
        assertThat(lost.path("status").asString()).as(lost.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(lost);
        JsonNode duringGap = api.awaitFinal(duringGapId);
        assertThat(duringGap.path("status").asString()).as(duringGap.toString()).isEqualTo("SUCCESS");
        sandbox.ownJob(duringGap);
        assertThat(control.gatewayCounters(sandbox.userId(3)).identified()).as("a new session").isGreaterThan(before.identified());
    }

    @Test
    void close4004DisablesTheAccountWithThatReasonAndItDoesNotReconnect() {
        awaitReady(4);
        GatewayCounters.Snapshot before = control.gatewayCounters(sandbox.userId(4));

        control.closeConnections(sandbox.userId(4), 4004);

        JsonNode account = awaitAccountState(4, "DISABLED");
        assertThat(account.path("enabled").asBoolean()).isFalse();
        assertThat(account.path("stateReason").asString()).contains("4004");
        assertThat(control.liveGatewaySessions(sandbox.userId(4))).isZero();
        assertThat(control.gatewayCounters(sandbox.userId(4)).identified()).isEqualTo(before.identified());
        JsonNode refused = api.post("/mj/submit/imagine",
                "{\"prompt\": \"nobody home\", \"accountFilter\": {\"instanceId\": \"acc-4\"}}").body();
        assertThat(refused.path("code").asInt()).as(refused.toString()).isNotIn(1, 22);
    }

    @Test
    void aTokenRevokedWhileReconnectingEndsIn4004AndTheWorkWaitingForTheSessionFailsWithThatReason() {
        awaitReady(5);
        String user = sandbox.userId(5);
        control.revokeToken(user);
        control.dropConnections(user);
        // While it reconnects the account still takes work (DEGRADED); the work waits for a session.
        awaitAccountState(5, "DEGRADED");
        String taskId = imagineOn(5, "a key that no longer fits");

        // RESUME is refused (op 9), IDENTIFY with the revoked token is closed with 4004.
        JsonNode task = api.awaitFinal(taskId);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("FAILURE");
        assertThat(task.path("failReason").asString()).contains("4004");
        assertThat(control.received().interactions()).noneMatch(i -> user.equals(i.userId()));
        JsonNode account = accountJson(5);
        assertThat(account.path("state").asString()).isEqualTo("DISABLED");
        assertThat(account.path("stateReason").asString()).contains("4004");
    }

    private String imagineOn(int account, String prompt) {
        return api.submit("/mj/submit/imagine", "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \""
                + SandboxedAccounts.accountId(account) + "\"}}");
    }

    private JsonNode accountJson(int n) {
        for (JsonNode account : api.get("/mj/account/list").body()) {
            if (SandboxedAccounts.accountId(n).equals(account.path("id").asString())) {
                return account;
            }
        }
        throw new AssertionError("no account " + n);
    }

    private void awaitReady(int n) {
        awaitAccountState(n, "READY");
    }

    /** Waits until /mj/account/list shows account n in this state; returns its entry (the last one seen on timeout). */
    private JsonNode awaitAccountState(int n, String state) {
        return Waits.await("account " + n + " " + state, MjApi.WAIT).pollInterval(POLL)
                .until(() -> accountJson(n), account -> state.equals(account.path("state").asString()));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Waits.await(what, MjApi.WAIT).pollInterval(POLL).until(condition::getAsBoolean);
    }
}
