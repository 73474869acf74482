package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.GatewayTestClient;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SharedSandbox;
import dev.mjbridge.sandbox.rest.SandboxHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET/DELETE /sandbox/gateway/heartbeats} with clients that speak the gateway protocol.
 * Punctual beats use the shared sandbox's 45 s interval, where beats sent back to back are
 * early by tens of seconds. Late and missed beats use a sandbox of its own that announces
 * 200 ms, and the client waits <em>at least</em> so long before beating that the sandbox must
 * see the beat late: every bound asserted follows from a wait the test made, none from a
 * hope about how fast the machine is.
 */
class HeartbeatsEndpointTest {

    private static final long SHORT_INTERVAL_MS = 200;
    private static SandboxServer shortInterval;

    private final SandboxServer shared = SharedSandbox.get();
    private final SandboxHttp sharedHttp = new SandboxHttp(shared.restBaseUrl());

    @BeforeAll
    static void startShortIntervalSandbox() {
        shortInterval = SandboxServer.start(SandboxSettings.forTests().withHeartbeatIntervalMs(SHORT_INTERVAL_MS));
    }

    @AfterAll
    static void stopShortIntervalSandbox() {
        shortInterval.close();
    }

    @BeforeEach
    void reset() {
        shared.control().reset();
        shortInterval.control().reset();
    }

    private static JsonNode heartbeats(SandboxHttp http, String query) {
        SandboxHttp.Response answer = http.control("GET", "/sandbox/gateway/heartbeats" + query, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** Waits no less than {@code atLeast} after {@code sinceNanos}: the lower bound the assertions build on. */
    private static void waitAtLeast(long sinceNanos, Duration atLeast) throws InterruptedException {
        long until = sinceNanos + atLeast.toNanos();
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    @Test
    void beatsOnTimeAreCountedAndNoneIsLate() {
        String token = SharedSandbox.freshToken("heartbeats-on-time");
        try (GatewayTestClient client = GatewayTestClient.connect(shared.gatewayUrl(), true)) {
            assertThat(client.awaitOp(10).path("d").path("heartbeat_interval").asLong()).isEqualTo(45_000);
            String userId = client.readyAs(token).path("d").path("user").path("id").asString();
            for (int i = 0; i < 3; i++) {
                client.heartbeat(i);
                client.awaitOp(11);
            }

            JsonNode report = heartbeats(sharedHttp, "?userId=" + userId);
            assertThat(report.path("toleranceMs").asDouble()).isEqualTo(2_250.0);
            assertThat(report.path("connections").asLong()).isEqualTo(1);
            assertThat(report.path("openConnections").asLong()).isEqualTo(1);
            assertThat(report.path("beats").asLong()).isEqualTo(3);
            assertThat(report.path("firstBeats").path("count").asLong()).isEqualTo(1);
            assertThat(report.path("firstBeats").path("lateBeyondTolerance").asLong()).isZero();
            assertThat(report.path("lateness").path("count").asLong()).isEqualTo(2);
            assertThat(report.path("lateness").path("maxMs").asDouble()).isNegative();
            assertThat(report.path("lateBeats").asLong()).isZero();
            assertThat(report.path("missedBeats").asLong()).isZero();
            JsonNode connection = report.path("perConnection").get(0);
            assertThat(connection.path("userId").asString()).isEqualTo(userId);
            assertThat(connection.path("sessionId").asString()).isNotEmpty();
            assertThat(connection.path("intervalMs").asLong()).isEqualTo(45_000);
            assertThat(connection.path("beats").asLong()).isEqualTo(3);
            assertThat(connection.path("overdueMs").isNull()).isTrue();

            assertThat(heartbeats(sharedHttp, "?userId=" + userId + "&connections=false").path("perConnection").isNull())
                    .isTrue();
        }
    }

    @Test
    void aFirstBeatPastHelloPlusIntervalAndALongGapAreLateAndMissBeats() throws InterruptedException {
        SandboxHttp http = new SandboxHttp(shortInterval.restBaseUrl());
        String token = SharedSandbox.freshToken("heartbeats-late");
        try (GatewayTestClient client = GatewayTestClient.connect(shortInterval.gatewayUrl(), false)) {
            client.awaitOp(10);
            // The sandbox notes HELLO before sending it, so it is at least this old when the client beats.
            long helloSeen = System.nanoTime();
            String userId = client.readyAs(token).path("d").path("user").path("id").asString();
            waitAtLeast(helloSeen, Duration.ofMillis(3 * SHORT_INTERVAL_MS));
            client.heartbeat(1);
            client.awaitOp(11);
            // The ACK leaves after the beat was noted: the next beat comes at least 2.5 intervals after it.
            long firstAcked = System.nanoTime();
            waitAtLeast(firstAcked, Duration.ofMillis(5 * SHORT_INTERVAL_MS / 2));
            client.heartbeat(2);
            client.awaitOp(11);

            JsonNode report = heartbeats(http, "?userId=" + userId + "&toleranceMs=10");
            assertThat(report.path("beats").asLong()).isEqualTo(2);
            assertThat(report.path("firstBeats").path("lateBeyondTolerance").asLong()).isEqualTo(1);
            assertThat(report.path("firstBeats").path("maxAfterDeadlineMs").asDouble()).isGreaterThanOrEqualTo(2.0 * SHORT_INTERVAL_MS);
            assertThat(report.path("lateness").path("count").asLong()).isEqualTo(1);
            assertThat(report.path("lateness").path("maxMs").asDouble()).isGreaterThanOrEqualTo(1.5 * SHORT_INTERVAL_MS);
            assertThat(report.path("lateBeats").asLong()).isEqualTo(2);
            // One beat missing before the first (3 intervals after HELLO), one before the second (2.5 after it).
            assertThat(report.path("missedBeats").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(report.path("connectionsLate").asLong()).isEqualTo(1);
            assertThat(report.path("connectionsMissed").asLong()).isEqualTo(1);
        }
    }

    @Test
    void anOpenConnectionThatStopsBeatingIsOverdue() throws InterruptedException {
        SandboxHttp http = new SandboxHttp(shortInterval.restBaseUrl());
        try (GatewayTestClient client = GatewayTestClient.connect(shortInterval.gatewayUrl(), false)) {
            client.awaitOp(10);
            long helloSeen = System.nanoTime();
            String userId = client.readyAs(SharedSandbox.freshToken("heartbeats-silent")).path("d").path("user")
                    .path("id").asString();
            waitAtLeast(helloSeen, Duration.ofMillis(5 * SHORT_INTERVAL_MS / 2));

            JsonNode connection = heartbeats(http, "?userId=" + userId + "&toleranceMs=10").path("perConnection").get(0);
            assertThat(connection.path("beats").asLong()).isZero();
            assertThat(connection.path("open").asBoolean()).isTrue();
            assertThat(connection.path("overdueMs").asDouble()).isGreaterThanOrEqualTo(1.5 * SHORT_INTERVAL_MS);
            assertThat(connection.path("missedBeats").asLong()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void deleteStartsANewWindowThatJudgesTheNextBeatByThePreviousOneAndForgetsClosedConnections() {
        String token = SharedSandbox.freshToken("heartbeats-window");
        String userId;
        try (GatewayTestClient gone = GatewayTestClient.connect(shared.gatewayUrl(), false)) {
            userId = gone.readyAs(token).path("d").path("user").path("id").asString();
            gone.heartbeat(1);
            gone.awaitOp(11);
        }
        try (GatewayTestClient open = GatewayTestClient.connect(shared.gatewayUrl(), false)) {
            open.readyAs(token);
            open.heartbeat(1);
            open.awaitOp(11);
            // The first client's close reaches the sandbox on its own thread; DELETE forgets it once it did.
            awaitClosedConnections(userId, 1);

            SandboxHttp.Response cleared = sharedHttp.control("DELETE", "/sandbox/gateway/heartbeats", null);
            assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
            open.heartbeat(2);
            open.awaitOp(11);

            JsonNode report = heartbeats(sharedHttp, "?userId=" + userId);
            assertThat(report.path("connections").asLong()).isEqualTo(1);
            assertThat(report.path("beats").asLong()).isEqualTo(1);
            assertThat(report.path("firstBeats").path("count").asLong()).isZero();
            assertThat(report.path("lateness").path("count").asLong()).isEqualTo(1);
        }
    }

    private void awaitClosedConnections(String userId, int closed) {
        long deadline = System.nanoTime() + GatewayTestClient.WAIT.toNanos();
        while (true) {
            JsonNode report = heartbeats(sharedHttp, "?userId=" + userId);
            if (report.path("connections").asLong() - report.path("openConnections").asLong() >= closed) {
                return;
            }
            assertThat(System.nanoTime()).as("closed connections seen by the sandbox").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void badParametersAreRefusedAndAnUnknownUserIsNotFound() {
        SandboxHttp.Response tolerance = sharedHttp.control("GET", "/sandbox/gateway/heartbeats?toleranceMs=soon", null);
        assertThat(tolerance.status()).isEqualTo(400);
        assertThat(tolerance.json().path("error").asString()).contains("toleranceMs");
        SandboxHttp.Response negative = sharedHttp.control("GET", "/sandbox/gateway/heartbeats?toleranceMs=-1", null);
        assertThat(negative.status()).isEqualTo(400);
        SandboxHttp.Response flag = sharedHttp.control("GET", "/sandbox/gateway/heartbeats?connections=maybe", null);
        assertThat(flag.status()).isEqualTo(400);
        SandboxHttp.Response unknown = sharedHttp.control("GET", "/sandbox/gateway/heartbeats?userId=1099999999999999999", null);
        assertThat(unknown.status()).isEqualTo(404);
    }
}
