package dev.mjbridge.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayProtocolTest {

    private final SandboxServer sandbox = SharedSandbox.get();

    @BeforeEach
    void reset() {
        sandbox.control().reset();
    }

    @ParameterizedTest(name = "zlib-stream={0}")
    @ValueSource(booleans = {false, true})
    void helloThenIdentifyGivesReadyWithIncreasingSequence(boolean zlib) {
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), zlib)) {
            JsonNode hello = client.awaitOp(10);
            assertThat(hello.path("d").path("heartbeat_interval").asInt()).isEqualTo(45_000);

            JsonNode ready = client.readyAs(SharedSandbox.freshToken("ready"));
            JsonNode d = ready.path("d");
            assertThat(d.path("v").asInt()).isEqualTo(9);
            assertThat(d.path("session_id").asString()).isNotBlank();
            assertThat(d.path("resume_gateway_url").asString()).startsWith("ws://");
            assertThat(d.path("user").path("id").asString()).matches("\\d+");
            assertThat(d.path("guilds").size()).isEqualTo(1);
            assertThat(d.path("guilds").get(0).path("channels").size()).isEqualTo(1);
            assertThat(d.path("private_channels").isArray()).isTrue();
            assertThat(ready.path("s").asInt()).isEqualTo(1);

            client.heartbeat(1);
            client.awaitOp(11);
            if (zlib) {
                assertThat(client.sawTextFrames()).isFalse();
                byte[] first = client.rawBinaryFrames().get(0);
                assertThat(first[0]).isEqualTo((byte) 0x78);
                assertThat(client.rawBinaryFrames()).allMatch(GatewayTestClient::endsWithSuffix);
            } else {
                assertThat(client.rawBinaryFrames()).isEmpty();
            }
        }
    }

    @Test
    void identifyBeforeHelloIsAccepted() {
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            client.identifyUser(SharedSandbox.freshToken("early"));
            client.awaitDispatch("READY");
        }
    }

    @Test
    void anyHeartbeatValueIsAcknowledged() {
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            client.heartbeat(null);
            client.awaitOp(11);
            client.heartbeat(12345);
            client.awaitOp(11);
        }
    }

    @Test
    void resumeReplaysMissedDispatchesThenResumed() {
        String token = SharedSandbox.freshToken("resume");
        String sessionId;
        int lastSeq;
        try (GatewayTestClient first = GatewayTestClient.connect(sandbox.gatewayUrl(), true)) {
            JsonNode ready = first.readyAs(token);
            sessionId = ready.path("d").path("session_id").asString();
            lastSeq = ready.path("s").asInt();
            first.abort();
        }
        String userId = sandbox.control().world().authenticate(token).orElseThrow().id();
        sandbox.control().dispatchRaw(userId, "MESSAGE_CREATE", "{\"id\":\"1\",\"content\":\"missed one\"}");
        sandbox.control().dispatchRaw(userId, "MESSAGE_CREATE", "{\"id\":\"2\",\"content\":\"missed two\"}");

        try (GatewayTestClient second = GatewayTestClient.connect(sandbox.gatewayUrl(), true)) {
            second.send("{\"op\":6,\"d\":{\"token\":\"" + token + "\",\"session_id\":\"" + sessionId + "\",\"seq\":" + lastSeq + "}}");
            JsonNode one = second.awaitDispatch("MESSAGE_CREATE");
            JsonNode two = second.awaitDispatch("MESSAGE_CREATE");
            JsonNode resumed = second.awaitDispatch("RESUMED");
            assertThat(one.path("d").path("content").asString()).isEqualTo("missed one");
            assertThat(two.path("d").path("content").asString()).isEqualTo("missed two");
            assertThat(one.path("s").asInt()).isEqualTo(lastSeq + 1);
            assertThat(two.path("s").asInt()).isEqualTo(lastSeq + 2);
            assertThat(resumed.path("s").asInt()).isEqualTo(lastSeq + 3);
        }
    }

    @Test
    void resumeOfUnknownSessionGetsInvalidSession() {
        String token = SharedSandbox.freshToken("stale");
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            client.readyAs(token);
        }
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            client.send("{\"op\":6,\"d\":{\"token\":\"" + token + "\",\"session_id\":\"nope\",\"seq\":1}}");
            JsonNode invalid = client.awaitOp(9);
            assertThat(invalid.path("d").asBoolean(true)).isFalse();
            client.identifyUser(token);
            client.awaitDispatch("READY");
        }
    }

    @Test
    void resumeBeyondReplayBufferGetsInvalidSession() {
        String token = SharedSandbox.freshToken("evicted");
        String sessionId;
        try (GatewayTestClient first = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            sessionId = first.readyAs(token).path("d").path("session_id").asString();
            first.abort();
        }
        String userId = sandbox.control().world().authenticate(token).orElseThrow().id();
        for (int i = 0; i < 2_100; i++) {
            sandbox.control().dispatchRaw(userId, "TYPING_START", "{\"n\":" + i + "}");
        }
        try (GatewayTestClient second = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            second.send("{\"op\":6,\"d\":{\"token\":\"" + token + "\",\"session_id\":\"" + sessionId + "\",\"seq\":1}}");
            assertThat(second.awaitOp(9).path("d").asBoolean(true)).isFalse();
        }
    }

    @Test
    void reconnectRequestIsOpSeven() {
        String token = SharedSandbox.freshToken("op7");
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            JsonNode ready = client.readyAs(token);
            sandbox.control().requestReconnect(ready.path("d").path("user").path("id").asString());
            client.awaitOp(7);
            assertThat(client.awaitClose()).isEqualTo(4000);
        }
    }

    @Test
    void invalidSessionFaultIsOpNine() {
        String token = SharedSandbox.freshToken("op9");
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            JsonNode ready = client.readyAs(token);
            sandbox.control().invalidateSessions(ready.path("d").path("user").path("id").asString(), false);
            assertThat(client.awaitOp(9).path("d").asBoolean(true)).isFalse();
            client.identifyUser(token);
            client.awaitDispatch("READY");
        }
    }

    @Test
    void strictModeClosesUnknownTokenWith4004() {
        SandboxAccount account = new SandboxAccount("known-token", "1100000000000000042", "operator",
                "1100000000000000001", "1100000000000000002");
        try (SandboxServer strict = SandboxServer.start(SandboxSettings.forTests().withStrict(true)
                .withAccounts(java.util.List.of(account)));
             GatewayTestClient stranger = GatewayTestClient.connect(strict.gatewayUrl(), false);
             GatewayTestClient known = GatewayTestClient.connect(strict.gatewayUrl(), false)) {
            stranger.identifyUser("someone-else");
            assertThat(stranger.awaitClose()).isEqualTo(4004);
            JsonNode ready = known.readyAs("known-token");
            assertThat(ready.path("d").path("user").path("id").asString()).isEqualTo("1100000000000000042");
            assertThat(ready.path("d").path("guilds").get(0).path("id").asString()).isEqualTo("1100000000000000001");
        }
    }

    @Test
    void closeWithGivenCode() {
        String token = SharedSandbox.freshToken("close");
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            JsonNode ready = client.readyAs(token);
            sandbox.control().closeConnections(ready.path("d").path("user").path("id").asString(), 4009);
            assertThat(client.awaitClose()).isEqualTo(4009);
        }
    }

    @Test
    void secondIdentifyOnOneConnectionIsRejected() {
        String token = SharedSandbox.freshToken("twice");
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            client.readyAs(token);
            client.identifyUser(token);
            assertThat(client.awaitClose()).isEqualTo(4005);
        }
    }

    @Test
    void garbageFrameIsDecodeError() {
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            client.send("this is not json");
            assertThat(client.awaitClose()).isEqualTo(4002);
        }
    }

    @Test
    void stalledConnectionStopsAcknowledgingHeartbeats() {
        String token = SharedSandbox.freshToken("stall");
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            JsonNode ready = client.readyAs(token);
            String userId = ready.path("d").path("user").path("id").asString();
            sandbox.control().stallConnections(userId);
            client.heartbeat(1);
            client.send("{\"op\":6,\"d\":{}}");
            // The stalled socket still obeys protocol errors, so the only frame it may send is the close.
            assertThat(client.awaitClose()).isEqualTo(4005);
            assertThat(client.seen()).noneMatch(p -> p.path("op").asInt() == 11);
        }
    }
}
