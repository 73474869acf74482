package dev.mjbridge.discord;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production gateway client against the sandbox (the test double for Discord),
 * through real sockets: resume after every kind of break, new identify after op 9,
 * and a bad token ending the session instead of retrying forever.
 */
class UserGatewaySessionTest {

    private static final String KNOWN_TOKEN = "gateway-test-token";
    private static SandboxServer sandbox;
    private static ScheduledExecutorService scheduler;
    private final List<UserGatewaySession> sessions = new ArrayList<>();

    @BeforeAll
    static void startSandbox() {
        // A short heartbeat interval so that a stalled connection is noticed quickly.
        sandbox = SandboxServer.start(SandboxSettings.forTests().withHeartbeatIntervalMs(300).withStrict(true)
                .withAccounts(List.of(new SandboxAccount(KNOWN_TOKEN, "1100000000000000777", "gw",
                        "1100000000000000701", "1100000000000000702"))));
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        scheduler.shutdownNow();
    }

    @AfterEach
    void stopSessions() {
        sessions.forEach(UserGatewaySession::stop);
        sandbox.control().reset();
    }

    private UserGatewaySession session(String token, RecordingListener listener) {
        DiscordEndpoints endpoints = new DiscordEndpoints(sandbox.restBaseUrl(), sandbox.gatewayUrl(), "", "", sandbox.restBaseUrl());
        UserGatewaySession session = new UserGatewaySession("test", new DiscordCredentials(token, null), endpoints,
                JsonMapper.builder().build(), scheduler, HttpClient.newHttpClient(), listener,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)));
        sessions.add(session);
        return session;
    }

    private static final String USER_ID = "1100000000000000777";

    @Test
    void identifiesAndReportsReady() {
        RecordingListener listener = new RecordingListener();
        UserGatewaySession session = session(KNOWN_TOKEN, listener);
        session.start();
        listener.awaitUntil("READY", l -> l.count("READY") == 1 && l.lastState() == GatewayState.READY);
        assertThat(session.userId()).contains(USER_ID);
        assertThat(session.sessionId()).isPresent();
    }

    @Test
    void resumesAfterDroppedConnectionWithoutLosingEvents() {
        RecordingListener listener = new RecordingListener();
        UserGatewaySession session = session(KNOWN_TOKEN, listener);
        session.start();
        listener.awaitUntil("READY", l -> l.lastState() == GatewayState.READY);
        String firstSession = session.sessionId().orElseThrow();

        sandbox.control().dropConnections(USER_ID);
        String marker = UUID.randomUUID().toString();
        sandbox.control().dispatchRaw(USER_ID, "MESSAGE_CREATE", "{\"id\":\"1\",\"content\":\"" + marker + "\"}");

        listener.awaitUntil("RESUMED and the missed event", l -> l.count("RESUMED") == 1
                && l.dispatches().stream().anyMatch(d -> d.data().path("content").asString("").equals(marker)));
        assertThat(session.sessionId()).contains(firstSession);
        assertThat(listener.count("READY")).isEqualTo(1);
        assertThat(listener.replacements()).isZero();
    }

    @Test
    void stalledConnectionIsDetectedByMissingAckAndResumed() {
        RecordingListener listener = new RecordingListener();
        UserGatewaySession session = session(KNOWN_TOKEN, listener);
        session.start();
        listener.awaitUntil("READY", l -> l.lastState() == GatewayState.READY);

        sandbox.control().stallConnections(USER_ID);
        String marker = UUID.randomUUID().toString();
        sandbox.control().dispatchRaw(USER_ID, "MESSAGE_CREATE", "{\"id\":\"2\",\"content\":\"" + marker + "\"}");

        listener.awaitUntil("resume after a stall", l -> l.count("RESUMED") >= 1
                && l.dispatches().stream().anyMatch(d -> d.data().path("content").asString("").equals(marker)));
        assertThat(listener.reasons()).contains("heartbeat not acknowledged");
    }

    @Test
    void reconnectRequestResumes() {
        RecordingListener listener = new RecordingListener();
        UserGatewaySession session = session(KNOWN_TOKEN, listener);
        session.start();
        listener.awaitUntil("READY", l -> l.lastState() == GatewayState.READY);
        sandbox.control().requestReconnect(USER_ID);
        listener.awaitUntil("RESUMED after op 7", l -> l.count("RESUMED") == 1 && l.lastState() == GatewayState.READY);
    }

    @Test
    void invalidSessionLeadsToFreshIdentifyAndReconcileSignal() {
        RecordingListener listener = new RecordingListener();
        UserGatewaySession session = session(KNOWN_TOKEN, listener);
        session.start();
        listener.awaitUntil("READY", l -> l.lastState() == GatewayState.READY);
        String firstSession = session.sessionId().orElseThrow();

        sandbox.control().invalidateSessions(USER_ID, false);

        listener.awaitUntil("a second READY", l -> l.count("READY") == 2 && l.replacements() == 1);
        assertThat(session.sessionId().orElseThrow()).isNotEqualTo(firstSession);
    }

    @Test
    void badTokenFailsForGoodWithTheReason() {
        RecordingListener listener = new RecordingListener();
        UserGatewaySession session = session("not-a-known-token", listener);
        session.start();
        listener.awaitUntil("FAILED", l -> l.lastState() == GatewayState.FAILED);
        assertThat(session.stateReason()).contains("4004");
        assertThat(session.stateReason()).doesNotContain("not-a-known-token");
        assertThat(sandbox.control().liveGatewaySessions(null)).isZero();
    }
}
