package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Discord REST API seen through a plain HTTP client. */
class RestProtocolTest {

    private static final byte[] PNG_BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    private final SandboxServer sandbox = SharedSandbox.get();
    private final SandboxHttp http = new SandboxHttp(sandbox.restBaseUrl());

    @BeforeEach
    @AfterEach
    void reset() {
        sandbox.control().reset();
    }

    @ParameterizedTest(name = "api {0}")
    @ValueSource(strings = {"v9", "v10"})
    void meGatewayAndGatewayBotOnBothVersions(String version) {
        String token = SharedSandbox.freshToken("me");
        SandboxHttp.Response me = http.get("/api/" + version + "/users/@me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).matches("\\d{17,20}");
        assertThat(me.json().path("username").asString()).isNotBlank();
        assertThat(me.json().path("bot").asBoolean(true)).isFalse();
        assertThat(me.body()).doesNotContain(token);

        SandboxHttp.Response gateway = http.get("/api/" + version + "/gateway");
        assertThat(gateway.status()).isEqualTo(200);
        assertThat(gateway.json().path("url").asString()).isEqualTo(sandbox.gatewayUrl());

        SandboxHttp.Response gatewayBot = http.get("/api/" + version + "/gateway/bot", "Bot " + SharedSandbox.freshToken("bot"));
        assertThat(gatewayBot.status()).isEqualTo(200);
        assertThat(gatewayBot.json().path("url").asString()).isEqualTo(sandbox.gatewayUrl());
        assertThat(gatewayBot.json().path("shards").asInt()).isEqualTo(1);
        assertThat(gatewayBot.json().path("session_start_limit").path("max_concurrency").asInt()).isEqualTo(1);
    }

    @Test
    void gatewayBotNeedsAToken() {
        assertThat(http.get("/api/v10/gateway/bot").status()).isEqualTo(401);
    }

    @Test
    void strictModeAnswersUnknownTokensWith401AndKeepsUsersOutOfForeignChannels() {
        SandboxAccount operator = new SandboxAccount("strict-operator-token", "1100000000000000042", "operator",
                "1100000000000000001", "1100000000000000002");
        SandboxAccount other = new SandboxAccount("strict-other-token", "1100000000000000043", "other",
                "1100000000000000011", "1100000000000000012");
        try (SandboxServer strict = SandboxServer.start(SandboxSettings.forTests().withStrict(true)
                .withAccounts(List.of(operator, other)))) {
            SandboxHttp strictHttp = new SandboxHttp(strict.restBaseUrl());

            SandboxHttp.Response stranger = strictHttp.get("/api/v9/users/@me", "not-a-configured-token");
            assertThat(stranger.status()).isEqualTo(401);
            assertThat(stranger.json().path("message").asString()).isEqualTo("401: Unauthorized");
            assertThat(strictHttp.get("/api/v9/users/@me").status()).isEqualTo(401);

            SandboxHttp.Response known = strictHttp.get("/api/v9/users/@me", operator.token());
            assertThat(known.status()).isEqualTo(200);
            assertThat(known.json().path("id").asString()).isEqualTo(operator.userId());

            // The operator may not act in the other account's channel, nor invent a channel.
            SandboxHttp.Response foreign = strictHttp.post("/api/v9/interactions", operator.token(),
                    SandboxHttp.imagine(other.guildId(), other.channelId(), "any-session", "1001", "cat"));
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.json().path("code").asInt()).isEqualTo(DiscordErrors.UNKNOWN_CHANNEL);
            SandboxHttp.Response invented = strictHttp.post("/api/v9/interactions", operator.token(),
                    SandboxHttp.imagine(operator.guildId(), "1100000000000000999", "any-session", "1002", "cat"));
            assertThat(invented.status()).isEqualTo(404);
            SandboxHttp.Response own = strictHttp.post("/api/v9/interactions", operator.token(),
                    SandboxHttp.imagine(operator.guildId(), operator.channelId(), "any-session", "1003", "cat"));
            assertThat(own.status()).isEqualTo(204);
        }
    }

    @Test
    void exceedingThePerTokenRateGets429WithDiscordHeadersAndBody() {
        sandbox.control().setRestRateLimit(2);
        String token = SharedSandbox.freshToken("rate");
        SandboxHttp.Response first = http.get("/api/v9/users/@me", token);
        SandboxHttp.Response second = http.get("/api/v9/users/@me", token);
        SandboxHttp.Response third = http.get("/api/v9/users/@me", token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).contains("2");
        assertThat(first.header("X-RateLimit-Remaining")).contains("1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("X-RateLimit-Remaining")).contains("0");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 1L));
        assertThat(third.header("X-RateLimit-Limit")).contains("2");
        assertThat(third.header("X-RateLimit-Remaining")).contains("0");
        assertThat(third.header("X-RateLimit-Reset")).hasValueSatisfying(v ->
                assertThat(Double.parseDouble(v)).isGreaterThan(System.currentTimeMillis() / 1000.0 - 1));
        assertThat(third.header("X-RateLimit-Reset-After")).hasValueSatisfying(v ->
                assertThat(Double.parseDouble(v)).isBetween(0.0, 1.0));
        assertThat(third.header("X-RateLimit-Global")).isEmpty();
        JsonNode body = third.json();
        assertThat(body.path("retry_after").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.path("global").isBoolean()).isTrue();
        assertThat(body.path("global").asBoolean()).isFalse();
        assertThat(body.path("message").asString()).isEqualTo("You are being rate limited.");

        // Another token has its own bucket.
        assertThat(http.get("/api/v9/users/@me", SharedSandbox.freshToken("rate-other")).status()).isEqualTo(200);
    }

    @Test
    void injectedRoute429CarriesBucketHeaders() {
        String token = SharedSandbox.freshToken("inject-429");
        sandbox.control().failNextRestCalls(1, new RestFaults.Fault(429, 2.5, false));
        SandboxHttp.Response limited = http.get("/api/v10/users/@me", token);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).contains("3");
        assertThat(limited.header("X-RateLimit-Remaining")).contains("0");
        assertThat(limited.header("X-RateLimit-Limit")).isPresent();
        assertThat(limited.header("X-RateLimit-Reset")).isPresent();
        assertThat(limited.header("X-RateLimit-Reset-After")).contains("2.500");
        assertThat(limited.json().path("retry_after").asDouble()).isEqualTo(2.5);
        assertThat(limited.json().path("global").asBoolean(true)).isFalse();
        assertThat(http.get("/api/v10/users/@me", token).status()).isEqualTo(200);
    }

    @Test
    void injectedGlobal429IsMarkedGlobal() {
        sandbox.control().failNextRestCalls(2, new RestFaults.Fault(429, 0.25, true));
        String token = SharedSandbox.freshToken("inject-global");
        for (int i = 0; i < 2; i++) {
            SandboxHttp.Response limited = http.get("/api/v9/users/@me", token);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("X-RateLimit-Global")).contains("true");
            assertThat(limited.header("X-RateLimit-Scope")).contains("global");
            assertThat(limited.header("Retry-After")).contains("1");
            assertThat(limited.json().path("retry_after").asDouble()).isEqualTo(0.25);
            assertThat(limited.json().path("global").asBoolean()).isTrue();
        }
        assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);
    }

    @Test
    void injected5xxAndRandomFailures() {
        String token = SharedSandbox.freshToken("inject-5xx");
        sandbox.control().failNextRestCalls(2, new RestFaults.Fault(502, 0, false));
        for (int i = 0; i < 2; i++) {
            SandboxHttp.Response failed = http.get("/api/v9/users/@me", token);
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.json().path("message").asString()).contains("502");
        }
        assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);

        sandbox.control().failRestCallsRandomly(1.0, new RestFaults.Fault(503, 0, false));
        assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(503);
        sandbox.control().failRestCallsRandomly(0, new RestFaults.Fault(503, 0, false));
        assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);
    }

    @Test
    void uploadFlowReservesThenAcceptsBytesAndRecordsThem() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("upload"));
        SandboxHttp.Response reserved = http.post("/api/v9/channels/" + place.channelId() + "/attachments", place.token(),
                "{\"files\":[{\"filename\":\"my cat.png\",\"file_size\":" + PNG_BYTES.length + ",\"id\":\"0\"}]}");
        assertThat(reserved.status()).isEqualTo(200);
        JsonNode attachment = reserved.json().path("attachments").get(0);
        assertThat(attachment.path("id").asString()).isEqualTo("0");
        String uploadUrl = attachment.path("upload_url").asString();
        String uploadFilename = attachment.path("upload_filename").asString();
        assertThat(uploadUrl).startsWith(sandbox.restBaseUrl() + "/upload/");
        assertThat(uploadFilename).endsWith("/my_cat.png");

        assertThat(http.putBytes(uploadUrl, PNG_BYTES).status()).isEqualTo(200);

        assertThat(sandbox.control().received().uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.uploadFilename()).isEqualTo(uploadFilename);
            assertThat(upload.userId()).isEqualTo(place.userId());
            assertThat(upload.size()).isEqualTo(PNG_BYTES.length);
            assertThat(upload.contentType()).isEqualTo("image/png");
        });

        // The upload can then be attached to a message by its upload filename.
        SandboxHttp.Response message = http.post("/api/v9/channels/" + place.channelId() + "/messages", place.token(),
                "{\"content\":\"\",\"attachments\":[{\"id\":\"0\",\"filename\":\"my cat.png\",\"uploaded_filename\":\""
                        + uploadFilename + "\"}]}");
        assertThat(message.status()).isEqualTo(200);
        assertThat(message.json().path("attachments").get(0).path("content_type").asString()).isEqualTo("image/png");
    }

    @Test
    void uploadReservationNeedsFiles() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("upload-bad"));
        SandboxHttp.Response none = http.post("/api/v9/channels/" + place.channelId() + "/attachments", place.token(),
                "{\"files\":[]}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("code").asInt()).isEqualTo(DiscordErrors.INVALID_FORM_BODY);
        assertThat(http.putBytes(sandbox.restBaseUrl() + "/upload/not-reserved/x.png", PNG_BYTES).status()).isEqualTo(404);
    }

    @Test
    void messageHistoryPagesNewestFirst() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("history"));
        String path = "/api/v9/channels/" + place.channelId() + "/messages";
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            SandboxHttp.Response posted = http.post(path, place.token(), "{\"content\":\"message " + i + "\"}");
            assertThat(posted.status()).isEqualTo(200);
            ids.add(posted.json().path("id").asString());
        }

        JsonNode newest = http.get(path + "?limit=2", place.token()).json();
        assertThat(contents(newest)).containsExactly("message 5", "message 4");

        JsonNode older = http.get(path + "?limit=2&before=" + ids.get(3), place.token()).json();
        assertThat(contents(older)).containsExactly("message 3", "message 2");

        JsonNode all = http.get(path, place.token()).json();
        assertThat(contents(all)).containsExactly("message 5", "message 4", "message 3", "message 2", "message 1");
        assertThat(all.get(0).path("author").path("id").asString()).isEqualTo(place.userId());

        SandboxHttp.Response tooMany = http.get(path + "?limit=101", place.token());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").has("limit")).isTrue();
        assertThat(http.get(path + "?before=abc", place.token()).status()).isEqualTo(400);
        assertThat(http.get("/api/v9/channels/" + place.channelId() + "/messages/" + ids.get(0), place.token())
                .json().path("content").asString()).isEqualTo("message 1");
    }

    @Test
    void interactionEnvelopeErrors() {
        SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("envelope"));
        String good = SandboxHttp.imagine(place.guildId(), place.channelId(), "session-1", "2001", "a cat");

        SandboxHttp.Response badType = http.post("/api/v9/interactions", place.token(),
                good.replace("\"type\":2,", "\"type\":4,"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("code").asInt()).isEqualTo(DiscordErrors.INVALID_FORM_BODY);
        assertThat(badType.json().path("errors").has("type")).isTrue();

        SandboxHttp.Response unknownApp = http.post("/api/v9/interactions", place.token(),
                good.replace("936929561302675456", "123456789012345678"));
        assertThat(unknownApp.status()).isEqualTo(404);
        assertThat(unknownApp.json().path("code").asInt()).isEqualTo(DiscordErrors.UNKNOWN_APPLICATION);

        SandboxHttp.Response noSession = http.post("/api/v9/interactions", place.token(),
                good.replace("\"session_id\":\"session-1\",", ""));
        assertThat(noSession.status()).isEqualTo(400);
        assertThat(noSession.json().path("errors").has("session_id")).isTrue();

        SandboxHttp.Response longNonce = http.post("/api/v9/interactions", place.token(),
                good.replace("\"2001\"", "\"12345678901234567890123456\""));
        assertThat(longNonce.status()).isEqualTo(400);
        assertThat(longNonce.json().path("errors").has("nonce")).isTrue();

        SandboxHttp.Response notJson = http.post("/api/v9/interactions", place.token(), "{not json");
        assertThat(notJson.status()).isEqualTo(400);

        assertThat(http.post("/api/v9/interactions", null, good).status()).isEqualTo(401);

        SandboxHttp.Response accepted = http.post("/api/v10/interactions", place.token(), good);
        assertThat(accepted.status()).isEqualTo(204);
        assertThat(sandbox.control().received().interactions()).singleElement().satisfies(received -> {
            assertThat(received.userId()).isEqualTo(place.userId());
            assertThat(received.nonce()).isEqualTo("2001");
            assertThat(received.type()).isEqualTo(2);
        });
    }

    private static List<String> contents(JsonNode messages) {
        List<String> contents = new ArrayList<>();
        messages.forEach(message -> contents.add(message.path("content").asString()));
        return contents;
    }
}
