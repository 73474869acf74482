package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.GatewayTestClient;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import dev.mjbridge.sandbox.bot.Plan;
import dev.mjbridge.sandbox.bot.SpeedMode;
import dev.mjbridge.sandbox.bot.Standing;
import dev.mjbridge.sandbox.bot.UserState;
import dev.mjbridge.sandbox.rest.SandboxHttp;
import dev.mjbridge.sandbox.rest.SandboxPlace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP control API under /sandbox, group by group, over a plain HTTP client. */
class ControlApiTest {

    private final SandboxServer sandbox = SharedSandbox.get();
    private final SandboxHttp http = new SandboxHttp(sandbox.restBaseUrl());

    @BeforeEach
    @AfterEach
    void reset() {
        sandbox.control().reset();
    }

    private SandboxHttp.Response control(String method, String path, String body) {
        return http.control(method, path, body);
    }

    private static void assertBadRequest(SandboxHttp.Response response, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).contains(messagePart);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Nested
    class Overview {

        @Test
        void describesTheSandboxAndListsTheEndpoints() {
            SandboxHttp.Response overview = control("GET", "/sandbox", null);
            assertThat(overview.status()).isEqualTo(200);
            JsonNode body = overview.json();
            assertThat(body.path("restV9").asString()).isEqualTo(sandbox.restBaseUrl() + "/api/v9");
            assertThat(body.path("gateway").asString()).isEqualTo(sandbox.gatewayUrl());
            assertThat(body.path("midjourneyCdn").asString()).isEqualTo(sandbox.restBaseUrl() + "/mj-cdn");
            assertThat(body.path("linkLifetimeSeconds").asLong()).isEqualTo(24 * 3600);
            assertThat(body.path("about").asString()).contains("no authentication");
            assertThat(body.path("strict").asBoolean(true)).isFalse();
            assertThat(body.path("endpoints").toString()).contains("POST /sandbox/cdn/expire-links", "POST /sandbox/scenarios", "PATCH /sandbox/users/{userId}",
                    "PUT /sandbox/gateway/dispatch-faults", "GET /sandbox/received/nonces");
        }

        @Test
        void unknownPathsAndMethodsAnswerWithoutStackTraces() {
            SandboxHttp.Response missing = control("GET", "/sandbox/no-such-thing", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).doesNotContain("\tat ").doesNotContain("trace");
            SandboxHttp.Response wrongMethod = control("DELETE", "/sandbox/bot/pause", null);
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.body()).doesNotContain("\tat ");
        }

        @Test
        void bodiesAreJsonWhateverTheContentTypeSays() {
            // curl -d '{...}' without -H sends a form content type; the JSON must still arrive as JSON.
            String token = SharedSandbox.freshToken("form");
            String userId = http.userIdOf(token);
            SandboxHttp.Response formPatch = http.sendTyped("PATCH", "/sandbox/users/" + userId,
                    "application/x-www-form-urlencoded", "{\"remix\": true}");
            assertThat(formPatch.status()).as(formPatch.toString()).isEqualTo(200);
            assertThat(sandbox.control().user(userId).remix()).isTrue();

            SandboxHttp.Response formPut = http.sendTyped("PUT", "/sandbox/rest/rate-limit",
                    "application/x-www-form-urlencoded", "{\"perSecond\": 7}");
            assertThat(formPut.status()).as(formPut.toString()).isEqualTo(200);
            assertThat(sandbox.control().restRateLimit()).isEqualTo(7);

            SandboxHttp.Response untypedPost = http.sendTyped("POST", "/sandbox/rest/fail-next", null,
                    "{\"status\": 503, \"count\": 1}");
            assertThat(untypedPost.status()).as(untypedPost.toString()).isEqualTo(200);
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(503);
        }

        @Test
        void resetClearsFaultsScenariosAndRecordings() {
            String token = SharedSandbox.freshToken("reset");
            http.userIdOf(token);
            control("PUT", "/sandbox/rest/rate-limit", "{\"perSecond\":3}");
            control("PUT", "/sandbox/cdn/delay", "{\"delayMs\":500}");
            control("POST", "/sandbox/bot/pause", null);
            control("POST", "/sandbox/scenarios", "{\"steps\":[]}");
            control("POST", "/sandbox/rest/fail-next", "{\"count\":100,\"status\":500}");

            SandboxHttp.Response reset = control("POST", "/sandbox/reset", null);
            assertThat(reset.status()).isEqualTo(200);

            assertThat(control("GET", "/sandbox/rest/rate-limit", null).json().path("perSecond").asInt()).isZero();
            assertThat(control("GET", "/sandbox/cdn/delay", null).json().path("delayMs").asInt()).isZero();
            assertThat(control("GET", "/sandbox/bot", null).json().path("paused").asBoolean()).isFalse();
            assertThat(control("GET", "/sandbox/scenarios", null).json().path("armed").size()).isZero();
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);
            assertThat(control("GET", "/sandbox/received/interactions", null).json().path("count").asInt()).isZero();
        }
    }

    @Nested
    class Users {

        @Test
        void listsKnownUsersWithoutTokens() {
            String token = SharedSandbox.freshToken("list");
            String userId = http.userIdOf(token);

            SandboxHttp.Response users = control("GET", "/sandbox/users", null);
            assertThat(users.status()).isEqualTo(200);
            assertThat(users.body()).contains(userId).doesNotContain(token).doesNotContain("\"token\"");
            assertThat(users.body()).doesNotContain("936929561302675456");

            JsonNode user = control("GET", "/sandbox/users/" + userId, null).json();
            assertThat(user.path("id").asString()).isEqualTo(userId);
            assertThat(user.path("bot").asBoolean(true)).isFalse();
            assertThat(user.path("guildIds").size()).isEqualTo(1);
            assertThat(user.path("channelIds").size()).isEqualTo(1);
            assertThat(user.path("midjourney").path("plan").asString()).isEqualTo("STANDARD");
            assertThat(user.toString()).doesNotContain(token);
        }

        @Test
        void patchChangesMidjourneyState() {
            String userId = http.userIdOf(SharedSandbox.freshToken("patch"));
            SandboxHttp.Response patched = control("PATCH", "/sandbox/users/" + userId, """
                    {"plan": "pro", "fastHours": 1.5, "mode": "RELAX", "remix": true, "stealth": true,
                     "standing": "pending_mod_message", "captchaNext": true, "concurrentJobs": 12, "queueSize": 5}""");
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(patched.json().path("midjourney").path("plan").asString()).isEqualTo("PRO");

            UserState state = sandbox.control().user(userId);
            assertThat(state.plan()).isEqualTo(Plan.PRO);
            assertThat(state.fastSecondsRemaining()).isEqualTo(5400);
            assertThat(state.mode()).isEqualTo(SpeedMode.RELAX);
            assertThat(state.remix()).isTrue();
            assertThat(state.stealth()).isTrue();
            assertThat(state.standing()).isEqualTo(Standing.PENDING_MOD_MESSAGE);
            assertThat(state.captchaNext()).isTrue();
            assertThat(state.concurrentJobs()).isEqualTo(12);
            assertThat(state.queueSize()).isEqualTo(5);

            control("PATCH", "/sandbox/users/" + userId, "{\"fastSeconds\": 0, \"remix\": false}");
            assertThat(sandbox.control().user(userId).fastSecondsRemaining()).isZero();
            assertThat(sandbox.control().user(userId).remix()).isFalse();
            assertThat(sandbox.control().user(userId).plan()).as("untouched fields keep their value").isEqualTo(Plan.PRO);
        }

        @Test
        void banAndUnban() {
            String userId = http.userIdOf(SharedSandbox.freshToken("ban"));
            SandboxHttp.Response banned = control("POST", "/sandbox/users/" + userId + "/ban", null);
            assertThat(banned.json().path("midjourney").path("standing").asString()).isEqualTo("BLOCKED");
            assertThat(sandbox.control().user(userId).standing()).isEqualTo(Standing.BLOCKED);
            control("POST", "/sandbox/users/" + userId + "/unban", null);
            assertThat(sandbox.control().user(userId).standing()).isEqualTo(Standing.GOOD);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{\"plan\": \"PLATINUM\"}                  | plan must be one of NONE, BASIC, STANDARD, PRO, MEGA",
                "{\"plam\": \"PRO\"}                       | unknown field plam",
                "{\"fastHours\": -1}                       | fastHours must be a number",
                "{\"fastHours\": 1, \"fastSeconds\": 5}    | not both",
                "{\"remix\": \"yes\"}                      | remix must be true or false",
                "{\"concurrentJobs\": 0}                   | concurrentJobs must be a whole number from 1",
                "{\"plan\": 3}                             | plan must be a non-empty string",
                "{oops                                     | body is not valid JSON",
                "[1, 2]                                    | body must be a JSON object",
        })
        void badPatchesAre400(String body, String message) {
            String userId = http.userIdOf(SharedSandbox.freshToken("bad-patch"));
            assertBadRequest(control("PATCH", "/sandbox/users/" + userId, body), message.trim());
            assertThat(sandbox.control().user(userId)).isEqualTo(UserState.initial());
        }

        @Test
        void unknownUserIs404() {
            SandboxHttp.Response missing = control("PATCH", "/sandbox/users/1999999999999999999", "{\"remix\": true}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asString()).contains("unknown user 1999999999999999999");
            assertThat(control("GET", "/sandbox/users/1999999999999999999", null).status()).isEqualTo(404);
            assertThat(control("POST", "/sandbox/users/1999999999999999999/ban", null).status()).isEqualTo(404);
        }
    }

    @Nested
    class Bot {

        @Test
        void jobDurationPauseAndResume() {
            Duration before = sandbox.control().fastJobDuration();
            try {
                SandboxHttp.Response set = control("PUT", "/sandbox/bot/job-duration", "{\"fastJobMs\": 1234}");
                assertThat(set.status()).isEqualTo(200);
                assertThat(set.json().path("fastJobMs").asLong()).isEqualTo(1234);
                assertThat(sandbox.control().fastJobDuration()).isEqualTo(Duration.ofMillis(1234));
                control("PUT", "/sandbox/bot/job-duration", "{\"fastJobSeconds\": 2.5}");
                assertThat(control("GET", "/sandbox/bot", null).json().path("fastJobMs").asLong()).isEqualTo(2500);
            } finally {
                sandbox.control().setFastJobDuration(before);
            }

            assertThat(control("POST", "/sandbox/bot/pause", null).json().path("paused").asBoolean()).isTrue();
            assertThat(sandbox.control().botPaused()).isTrue();
            assertThat(control("POST", "/sandbox/bot/resume", null).json().path("paused").asBoolean()).isFalse();
            assertThat(sandbox.control().botPaused()).isFalse();
        }

        @Test
        void videoDurationIsItsOwnSetting() {
            Duration before = sandbox.control().fastVideoDuration();
            try {
                SandboxHttp.Response set = control("PUT", "/sandbox/bot/video-duration", "{\"fastVideoMs\": 4321}");
                assertThat(set.status()).isEqualTo(200);
                assertThat(set.json().path("fastVideoMs").asLong()).isEqualTo(4321);
                assertThat(sandbox.control().fastVideoDuration()).isEqualTo(Duration.ofMillis(4321));
                control("PUT", "/sandbox/bot/video-duration", "{\"fastVideoSeconds\": 1.5}");
                assertThat(control("GET", "/sandbox/bot", null).json().path("fastVideoMs").asLong()).isEqualTo(1500);
                assertBadRequest(control("PUT", "/sandbox/bot/video-duration", "{}"), "exactly one of");
            } finally {
                sandbox.control().setFastVideoDuration(before);
            }
        }

        @Test
        void badJobDurationsAre400() {
            assertBadRequest(control("PUT", "/sandbox/bot/job-duration", "{\"fastJobMs\": 0}"), "fastJobMs must be");
            assertBadRequest(control("PUT", "/sandbox/bot/job-duration", "{}"), "exactly one of");
            assertBadRequest(control("PUT", "/sandbox/bot/job-duration", "{\"fastJobMs\": 5, \"fastJobSeconds\": 1}"),
                    "exactly one of");
        }
    }

    @Nested
    class GatewayFaults {

        @Test
        void reconnectInvalidateAndCloseOneUser() {
            String token = SharedSandbox.freshToken("ctl-gw");
            try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
                String userId = client.readyAs(token).path("d").path("user").path("id").asString();
                String target = "{\"userId\": \"" + userId + "\"}";
                assertThat(control("GET", "/sandbox/gateway/sessions?userId=" + userId, null).json()
                        .path("liveSessions").asInt()).isEqualTo(1);

                SandboxHttp.Response op9 = control("POST", "/sandbox/gateway/invalidate-session",
                        "{\"userId\": \"" + userId + "\", \"resumable\": true}");
                assertThat(op9.json().path("connectionsAffected").asInt()).isEqualTo(1);
                assertThat(client.awaitOp(9).path("d").asBoolean(false)).isTrue();

                SandboxHttp.Response op7 = control("POST", "/sandbox/gateway/reconnect", target);
                assertThat(op7.json().path("fault").asString()).isEqualTo("reconnect");
                client.awaitOp(7);

                control("POST", "/sandbox/gateway/close", "{\"userId\": " + userId + ", \"code\": 4009}");
                assertThat(client.awaitClose()).isEqualTo(4009);
            }
        }

        @Test
        void dropWithoutUserIdBreaksEveryConnection() {
            try (GatewayTestClient one = GatewayTestClient.connect(sandbox.gatewayUrl(), false);
                 GatewayTestClient two = GatewayTestClient.connect(sandbox.gatewayUrl(), true)) {
                one.readyAs(SharedSandbox.freshToken("drop-one"));
                two.readyAs(SharedSandbox.freshToken("drop-two"));
                SandboxHttp.Response dropped = control("POST", "/sandbox/gateway/drop", null);
                assertThat(dropped.status()).isEqualTo(200);
                assertThat(dropped.json().path("userId").isNull()).isTrue();
                assertThat(dropped.json().path("connectionsAffected").asInt()).isGreaterThanOrEqualTo(2);
                assertThat(one.awaitClose()).isEqualTo(1011);
                assertThat(two.awaitClose()).isEqualTo(1011);
            }
        }

        @Test
        void stallSilencesHeartbeatAcks() {
            String token = SharedSandbox.freshToken("ctl-stall");
            try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
                String userId = client.readyAs(token).path("d").path("user").path("id").asString();
                assertThat(control("POST", "/sandbox/gateway/stall", "{\"userId\":\"" + userId + "\"}").status())
                        .isEqualTo(200);
                client.heartbeat(1);
                // A protocol error still closes the stalled socket; it must be the only answer.
                client.send("{\"op\":2,\"d\":{\"token\":\"" + token + "\"}}");
                assertThat(client.awaitClose()).isEqualTo(4005);
                assertThat(client.seen()).noneMatch(p -> p.path("op").asInt() == 11);
            }
        }

        @Test
        void dispatchFaultsAndRawDispatchOverHttp() {
            String token = SharedSandbox.freshToken("ctl-dispatch");
            try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
                String userId = client.readyAs(token).path("d").path("user").path("id").asString();
                SandboxHttp.Response set = control("PUT", "/sandbox/gateway/dispatch-faults", "{\"duplicateNext\": 1}");
                assertThat(set.json().path("duplicateNext").asInt()).isEqualTo(1);

                SandboxHttp.Response sent = control("POST", "/sandbox/gateway/dispatch", "{\"userId\":\"" + userId
                        + "\",\"event\":\"MESSAGE_CREATE\",\"data\":{\"id\":\"77\",\"content\":\"twice\"}}");
                assertThat(sent.status()).isEqualTo(200);
                JsonNode first = client.await(p -> "MESSAGE_CREATE".equals(p.path("t").asString(null)));
                JsonNode second = client.await(p -> "MESSAGE_CREATE".equals(p.path("t").asString(null)));
                assertThat(first.path("d")).isEqualTo(second.path("d"));
                assertThat(second.path("s").asInt()).isEqualTo(first.path("s").asInt() + 1);

                assertThat(control("DELETE", "/sandbox/gateway/dispatch-faults", null).status()).isEqualTo(200);
            }
        }

        @Test
        void badGatewayCallsAre400Or404() {
            assertBadRequest(control("POST", "/sandbox/gateway/close", "{}"), "code is required");
            assertBadRequest(control("POST", "/sandbox/gateway/close", "{\"code\": 1006}"), "cannot be sent");
            assertBadRequest(control("POST", "/sandbox/gateway/drop", "{\"userId\": \"abc\"}"), "userId must be a Discord id");
            assertBadRequest(control("POST", "/sandbox/gateway/drop", "{\"user\": \"1\"}"), "unknown field user");
            assertThat(control("POST", "/sandbox/gateway/drop", "{\"userId\": \"1999999999999999999\"}").status())
                    .isEqualTo(404);
            assertBadRequest(control("PUT", "/sandbox/gateway/dispatch-faults", "{}"), "at least one of");
            assertBadRequest(control("PUT", "/sandbox/gateway/dispatch-faults", "{\"delayMs\": -5}"), "delayMs");
            assertBadRequest(control("POST", "/sandbox/gateway/dispatch", "{\"userId\":\"1\",\"event\":\"x\",\"data\":{}}"),
                    "upper case");
        }
    }

    @Nested
    class RestFaultsAndRateLimit {

        @Test
        void failNextThenClear() {
            String token = SharedSandbox.freshToken("ctl-rest");
            SandboxHttp.Response armed = control("POST", "/sandbox/rest/fail-next",
                    "{\"count\": 2, \"status\": 429, \"retryAfter\": 0.5, \"global\": true}");
            assertThat(armed.status()).isEqualTo(200);
            assertThat(armed.json().path("fault").path("global").asBoolean()).isTrue();

            // The control API itself is not subject to the faults it sets.
            assertThat(control("GET", "/sandbox", null).status()).isEqualTo(200);

            SandboxHttp.Response limited = http.get("/api/v9/users/@me", token);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().path("global").asBoolean()).isTrue();
            assertThat(limited.json().path("retry_after").asDouble()).isEqualTo(0.5);

            control("DELETE", "/sandbox/rest/faults", null);
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);
        }

        @Test
        void failRandomlyAnd5xx() {
            String token = SharedSandbox.freshToken("ctl-random");
            control("POST", "/sandbox/rest/fail-randomly", "{\"rate\": 1, \"status\": 500}");
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(500);
            control("POST", "/sandbox/rest/fail-randomly", "{\"rate\": 0, \"status\": 500}");
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);
        }

        @Test
        void rateLimitPerSecond() {
            SandboxHttp.Response set = control("PUT", "/sandbox/rest/rate-limit", "{\"perSecond\": 1}");
            assertThat(set.json().path("perSecond").asInt()).isEqualTo(1);
            assertThat(sandbox.control().restRateLimit()).isEqualTo(1);
            String token = SharedSandbox.freshToken("ctl-rate");
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(429);
            control("PUT", "/sandbox/rest/rate-limit", "{\"perSecond\": 0}");
            assertThat(http.get("/api/v9/users/@me", token).status()).isEqualTo(200);
        }

        @Test
        void badFaultsAre400() {
            assertBadRequest(control("POST", "/sandbox/rest/fail-next", "{\"status\": 418}"), "429 or a 5xx");
            assertBadRequest(control("POST", "/sandbox/rest/fail-next", "{\"count\": 1}"), "status is required");
            assertBadRequest(control("POST", "/sandbox/rest/fail-next", "{\"status\": 500, \"global\": true}"),
                    "only apply to status 429");
            assertBadRequest(control("POST", "/sandbox/rest/fail-randomly", "{\"rate\": 2, \"status\": 500}"), "rate");
            assertBadRequest(control("PUT", "/sandbox/rest/rate-limit", "{\"perSecond\": \"5\"}"), "perSecond");
        }
    }

    @Nested
    class Cdn {

        @Test
        void slowCdnDelay() {
            SandboxHttp.Response set = control("PUT", "/sandbox/cdn/delay", "{\"delayMs\": 250}");
            assertThat(set.json().path("delayMs").asLong()).isEqualTo(250);
            assertThat(sandbox.control().cdnDelay()).isEqualTo(Duration.ofMillis(250));
            assertBadRequest(control("PUT", "/sandbox/cdn/delay", "{\"delay\": 250}"), "unknown field delay");
        }

        @Test
        void linkLifetimeAndExpiry() {
            SandboxHttp.Response set = control("PUT", "/sandbox/cdn/link-lifetime", "{\"seconds\": 90}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().path("seconds").asLong()).isEqualTo(90);
            assertThat(sandbox.control().cdnLinkLifetime()).isEqualTo(Duration.ofSeconds(90));
            assertThat(control("PUT", "/sandbox/cdn/link-lifetime", "{\"seconds\": 0}").status()).isEqualTo(400);
            assertBadRequest(control("PUT", "/sandbox/cdn/link-lifetime", "{\"secs\": 5}"), "unknown field secs");

            control("POST", "/sandbox/reset", null);
            assertThat(control("GET", "/sandbox/cdn/link-lifetime", null).json().path("seconds").asLong())
                    .isEqualTo(24 * 3600);
            SandboxHttp.Response expired = control("POST", "/sandbox/cdn/expire-links", null);
            assertThat(expired.status()).isEqualTo(200);
            assertThat(expired.json().path("expired").asBoolean()).isTrue();
        }
    }

    @Nested
    class Received {

        @Test
        void interactionsNonceCountsAndUploads() {
            SandboxPlace place = SandboxPlace.of(sandbox, http, SharedSandbox.freshToken("ctl-received"));
            String interaction = SandboxHttp.imagine(place.guildId(), place.channelId(), "s", "8001", "cat");
            http.post("/api/v9/interactions", place.token(), interaction);
            http.post("/api/v9/interactions", place.token(), interaction);
            http.post("/api/v9/interactions", place.token(), interaction.replace("8001", "8002"));

            JsonNode all = control("GET", "/sandbox/received/interactions?userId=" + place.userId(), null).json();
            assertThat(all.path("count").asInt()).isEqualTo(3);
            assertThat(all.path("interactions").get(0).path("payload").path("data").path("name").asString())
                    .isEqualTo("imagine");
            assertThat(control("GET", "/sandbox/received/interactions?nonce=8001&type=2", null).json()
                    .path("count").asInt()).isEqualTo(2);

            JsonNode nonces = control("GET", "/sandbox/received/nonces", null).json();
            assertThat(nonces.path("counts").path("8001").asInt()).isEqualTo(2);
            assertThat(nonces.path("counts").path("8002").asInt()).isEqualTo(1);
            assertThat(nonces.path("repeated").toString()).isEqualTo("[\"8001\"]");
            assertThat(control("GET", "/sandbox/received/nonces/8001", null).json().path("count").asInt()).isEqualTo(2);

            JsonNode reserved = http.post("/api/v9/channels/" + place.channelId() + "/attachments", place.token(),
                    "{\"files\":[{\"filename\":\"a.png\",\"file_size\":3}]}").json().path("attachments").get(0);
            http.putBytes(reserved.path("upload_url").asString(), new byte[] {1, 2, 3});
            JsonNode uploads = control("GET", "/sandbox/received/uploads", null).json();
            assertThat(uploads.path("count").asInt()).isEqualTo(1);
            assertThat(uploads.path("uploads").get(0).path("userId").asString()).isEqualTo(place.userId());

            assertThat(control("GET", "/sandbox/received/interactions?type=x", null).status()).isEqualTo(400);
            control("DELETE", "/sandbox/received", null);
            assertThat(control("GET", "/sandbox/received/interactions", null).json().path("count").asInt()).isZero();
        }
    }

    @Nested
    class Scenarios {

        @Test
        void armListDisarm() {
            SandboxHttp.Response armed = control("POST", "/sandbox/scenarios",
                    "{\"name\":\"one\",\"match\":{\"type\":2,\"command\":\"imagine\"},\"times\":3,\"steps\":[]}");
            assertThat(armed.status()).isEqualTo(201);
            String id = armed.json().path("id").asString();
            assertThat(armed.json().path("remaining").asInt()).isEqualTo(3);

            JsonNode list = control("GET", "/sandbox/scenarios", null).json().path("armed");
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).path("match").path("command").asString()).isEqualTo("imagine");

            assertThat(control("DELETE", "/sandbox/scenarios/" + id, null).status()).isEqualTo(200);
            assertThat(control("DELETE", "/sandbox/scenarios/" + id, null).status()).isEqualTo(404);

            control("POST", "/sandbox/scenarios", "{\"steps\":[]}");
            control("POST", "/sandbox/scenarios", "{\"steps\":[]}");
            assertThat(control("DELETE", "/sandbox/scenarios", null).json().path("disarmed").asInt()).isEqualTo(2);
            assertThat(control("GET", "/sandbox/scenarios/played", null).json().path("played").isArray()).isTrue();
            assertThat(control("GET", "/sandbox/scenarios/placeholders", null).json().has("jobHash")).isTrue();
        }

        @Test
        void invalidScenariosAre400() {
            assertBadRequest(control("POST", "/sandbox/scenarios", null), "a JSON object");
            assertBadRequest(control("POST", "/sandbox/scenarios",
                    "{\"steps\":[{\"event\":\"MESSAGE_CREATE\",\"data\":{\"content\":\"{{nonse}}\"}}]}"),
                    "steps[0].data.content: unknown placeholder {{nonse}}");
        }
    }
}
