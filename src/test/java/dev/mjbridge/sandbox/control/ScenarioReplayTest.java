package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.GatewayTestClient;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import dev.mjbridge.sandbox.control.scenario.PlayedScenario;
import dev.mjbridge.sandbox.control.scenario.Scenario;
import dev.mjbridge.sandbox.rest.SandboxHttp;
import dev.mjbridge.sandbox.rest.SandboxPlace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios built from the example messages answer interactions in place of the bot,
 * with every placeholder filled from the interaction.
 */
class ScenarioReplayTest {

    private static final String PROMPT = "an owl on a \"pine\" branch \\ at dusk --ar 2:3";

    private final SandboxServer sandbox = SharedSandbox.get();
    private final SandboxHttp http = new SandboxHttp(sandbox.restBaseUrl());

    @BeforeEach
    @AfterEach
    void reset() {
        sandbox.control().reset();
    }

    @Test
    void imagineScenarioPlaysTheWholeJobWithPlaceholdersFilled() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("replay-imagine"));
        sandbox.control().armScenario(Scenario.fromResource("scenarios/imagine-grid.json").forUser(place.userId()));

        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), true)) {
            String sessionId = client.readyAs(place.token()).path("d").path("session_id").asString();
            int seenBefore = client.seen().size();
            SandboxHttp.Response sent = http.post("/api/v9/interactions", place.token(),
                    SandboxHttp.imagine(place.guildId(), place.channelId(), sessionId, "1329000000000000101", PROMPT));
            assertThat(sent.status()).isEqualTo(204);

            JsonNode created = client.awaitDispatch("INTERACTION_CREATE", d -> true);
            JsonNode success = client.awaitDispatch("INTERACTION_SUCCESS", d -> true);
            JsonNode waiting = client.awaitDispatch("MESSAGE_CREATE", d -> d.path("type").asInt() == 20);
            JsonNode progress = client.awaitDispatch("MESSAGE_UPDATE", d -> true);
            JsonNode deleted = client.awaitDispatch("MESSAGE_DELETE", d -> true);
            JsonNode grid = client.awaitDispatch("MESSAGE_CREATE", d -> d.path("type").asInt() == 0);

            String interactionId = sandbox.control().received().interactions().get(0).interactionId();
            PlayedScenario played = sandbox.control().playedScenarios().get(0);
            String jobHash = played.bindings().get("jobHash");
            assertThat(jobHash).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(played.interactionId()).isEqualTo(interactionId);
            assertThat(played.nonce()).isEqualTo("1329000000000000101");

            assertThat(created.path("id").asString()).isEqualTo(interactionId);
            assertThat(created.path("nonce").asString()).isEqualTo("1329000000000000101");
            assertThat(success.path("id").asString()).isEqualTo(interactionId);

            assertThat(waiting.path("nonce").asString()).isEqualTo("1329000000000000101");
            assertThat(waiting.path("content").asString())
                    .isEqualTo("**" + PROMPT + "** - <@" + place.userId() + "> (Waiting to start)");
            assertThat(waiting.path("channel_id").asString()).isEqualTo(place.channelId());
            assertThat(waiting.path("guild_id").asString()).isEqualTo(place.guildId());
            assertThat(waiting.path("interaction").path("id").asString()).isEqualTo(interactionId);
            assertThat(waiting.path("interaction_metadata").path("user").path("id").asString()).isEqualTo(place.userId());
            assertThat(waiting.path("id").asString()).isEqualTo(played.bindings().get("messageId"));

            assertThat(progress.path("id").asString()).isEqualTo(waiting.path("id").asString());
            assertThat(progress.path("content").asString()).endsWith("(46%) (fast)");
            assertThat(progress.path("attachments").get(0).path("filename").asString()).isEqualTo(jobHash + "_grid_0.webp");
            assertThat(progress.has("nonce")).as("the update is dispatched as written, not merged").isFalse();
            assertThat(deleted.path("id").asString()).isEqualTo(waiting.path("id").asString());

            assertThat(grid.path("id").asString()).isEqualTo(played.bindings().get("messageId:2"));
            assertThat(grid.has("nonce")).isFalse();
            assertThat(grid.path("attachments").get(0).path("filename").asString()).endsWith("_" + jobHash + ".png");
            assertThat(grid.path("components").get(0).path("components").get(2).path("custom_id").asString())
                    .isEqualTo("MJ::JOB::upsample::3::" + jobHash);

            List<JsonNode> replayed = client.seen().subList(seenBefore, client.seen().size());
            assertThat(replayed).extracting(p -> p.path("t").asString())
                    .containsExactly("INTERACTION_CREATE", "INTERACTION_SUCCESS", "MESSAGE_CREATE", "MESSAGE_UPDATE",
                            "MESSAGE_DELETE", "MESSAGE_CREATE");
            assertThat(replayed).allSatisfy(p -> assertThat(p.toString()).doesNotContain("{{"));

            // Channel messages went into history like the bot's: the grid is there, the deleted progress message is not.
            JsonNode history = http.get("/api/v9/channels/" + place.channelId() + "/messages?limit=10", place.token()).json();
            assertThat(history.size()).isEqualTo(1);
            assertThat(history.get(0).path("id").asString()).isEqualTo(grid.path("id").asString());
        }
        assertThat(sandbox.control().armedScenarios()).isEmpty();
    }

    @Test
    void buttonScenarioTakesPromptAndTargetFromTheMessageTheButtonIsOn() throws IOException {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("replay-button"));
        sandbox.control().armScenario(Scenario.fromResource("scenarios/imagine-grid.json").forUser(place.userId()));
        // The second scenario is armed over the control API, as a standalone user would.
        SandboxHttp.Response armed = http.control("POST", "/sandbox/scenarios",
                resource("scenarios/upscale.json").replace("\"customIdPrefix\"", "\"userId\": \"" + place.userId()
                        + "\", \"customIdPrefix\""));
        assertThat(armed.status()).isEqualTo(201);
        assertThat(armed.json().path("id").asString()).startsWith("scn-");

        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            String sessionId = client.readyAs(place.token()).path("d").path("session_id").asString();
            http.post("/api/v9/interactions", place.token(),
                    SandboxHttp.imagine(place.guildId(), place.channelId(), sessionId, "3001", PROMPT));
            JsonNode grid = client.awaitDispatch("MESSAGE_CREATE", d -> d.path("type").asInt() == 0);
            String gridHash = sandbox.control().playedScenarios().get(0).bindings().get("jobHash");

            int seenBefore = client.seen().size();
            SandboxHttp.Response pressed = http.post("/api/v9/interactions", place.token(), SandboxHttp.button(
                    place.guildId(), place.channelId(), sessionId, "3002", grid.path("id").asString(),
                    "MJ::JOB::upsample::3::" + gridHash));
            assertThat(pressed.status()).isEqualTo(204);

            JsonNode upscale = client.awaitDispatch("MESSAGE_CREATE", d -> d.path("type").asInt() == 19);
            String upscaleHash = sandbox.control().playedScenarios().get(1).bindings().get("jobHash");
            assertThat(upscaleHash).isNotEqualTo(gridHash);
            assertThat(upscale.path("content").asString()).isEqualTo("**" + PROMPT + "** - Image #3 <@" + place.userId() + ">");
            assertThat(upscale.path("message_reference").path("message_id").asString()).isEqualTo(grid.path("id").asString());
            assertThat(upscale.path("message_reference").path("channel_id").asString()).isEqualTo(place.channelId());
            assertThat(upscale.path("components").get(0).path("components").get(0).path("custom_id").asString())
                    .isEqualTo("MJ::JOB::upsample_v7_2x_subtle::1::" + upscaleHash + "::SOLO");
            assertThat(client.seen().subList(seenBefore, client.seen().size()))
                    .allSatisfy(p -> assertThat(p.toString()).doesNotContain("{{"));
        }
    }

    @Test
    void ephemeralErrorReachesOnlyTheUserAndStaysOutOfHistory() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("replay-error"));
        sandbox.control().armScenarioResource("scenarios/invalid-parameter.json");

        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            String sessionId = client.readyAs(place.token()).path("d").path("session_id").asString();
            http.post("/api/v9/interactions", place.token(),
                    SandboxHttp.imagine(place.guildId(), place.channelId(), sessionId, "4001", "cat --foo"));
            JsonNode error = client.awaitDispatch("MESSAGE_CREATE", d -> true);
            assertThat(error.path("flags").asInt()).isEqualTo(64);
            assertThat(error.path("nonce").asString()).isEqualTo("4001");
            assertThat(error.path("embeds").get(0).path("title").asString()).isEqualTo("Invalid parameter");
            assertThat(error.path("interaction_metadata").path("id").asString())
                    .isEqualTo(sandbox.control().received().interactions().get(0).interactionId());
        }
        assertThat(http.get("/api/v9/channels/" + place.channelId() + "/messages", place.token()).json().size()).isZero();
    }

    @Test
    void nonMatchingInteractionsGoToTheBotAndLeaveTheScenarioArmed() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("replay-miss"));
        sandbox.control().armScenario(Scenario.fromResource("scenarios/upscale.json").forUser(place.userId()));
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            String sessionId = client.readyAs(place.token()).path("d").path("session_id").asString();
            http.post("/api/v9/interactions", place.token(),
                    SandboxHttp.imagine(place.guildId(), place.channelId(), sessionId, "5001", "cat"));
            client.awaitDispatch("INTERACTION_SUCCESS", d -> "5001".equals(d.path("nonce").asString()));
        }
        assertThat(sandbox.control().playedScenarios()).isEmpty();
        assertThat(sandbox.control().armedScenarios()).singleElement()
                .satisfies(armed -> assertThat(armed.remaining()).isEqualTo(1));
    }

    @Test
    void aScenarioWithTimesAnswersThatManyInteractions() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("replay-times"));
        sandbox.control().armScenario(Scenario.fromResource("scenarios/invalid-parameter.json")
                .forUser(place.userId()).withTimes(2));
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            String sessionId = client.readyAs(place.token()).path("d").path("session_id").asString();
            for (String nonce : List.of("6001", "6002")) {
                http.post("/api/v9/interactions", place.token(),
                        SandboxHttp.imagine(place.guildId(), place.channelId(), sessionId, nonce, "cat"));
                client.awaitDispatch("MESSAGE_CREATE", d -> nonce.equals(d.path("nonce").asString()));
            }
        }
        assertThat(sandbox.control().playedScenarios()).extracting(PlayedScenario::nonce).containsExactly("6001", "6002");
        assertThat(sandbox.control().armedScenarios()).isEmpty();
    }

    @Test
    void withoutAcknowledgeTheStepsCanPlayAnInteractionFailure() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("replay-failure"));
        sandbox.control().armScenario("{\"name\":\"failure\",\"acknowledge\":false,\"match\":{\"userId\":\""
                + place.userId() + "\"},\"steps\":[{\"event\":\"INTERACTION_CREATE\",\"data\":{\"id\":\"{{interactionId}}\","
                + "\"nonce\":\"{{nonce}}\"}},{\"event\":\"INTERACTION_FAILURE\",\"data\":{\"id\":\"{{interactionId}}\","
                + "\"nonce\":\"{{nonce}}\",\"reason_code\":4}}]}");
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            String sessionId = client.readyAs(place.token()).path("d").path("session_id").asString();
            int seenBefore = client.seen().size();
            http.post("/api/v9/interactions", place.token(),
                    SandboxHttp.imagine(place.guildId(), place.channelId(), sessionId, "7001", "cat"));
            JsonNode failure = client.awaitDispatch("INTERACTION_FAILURE", d -> true);
            assertThat(failure.path("nonce").asString()).isEqualTo("7001");
            assertThat(failure.path("reason_code").asInt()).isEqualTo(4);
            assertThat(client.seen().subList(seenBefore, client.seen().size()))
                    .extracting(p -> p.path("t").asString())
                    .containsExactly("INTERACTION_CREATE", "INTERACTION_FAILURE");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ScenarioReplayTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
