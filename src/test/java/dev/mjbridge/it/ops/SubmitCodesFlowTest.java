package dev.mjbridge.it.ops;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Envelope codes 22, 23, 24, 3 and 4 through the real stack: socket, API, core, sandbox. */
class SubmitCodesFlowTest extends SandboxFlowTest {

    private static final int CONCURRENCY = 3;
    private static final int QUEUE_SIZE = 10;

    @Test
    void theFourthTaskOnAnAccountQueuesWithCode22ThenEverythingRuns() {
        sandbox.pauseBot();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 2 * CONCURRENCY; i++) {
            MjApi.Response response = api.post("/mj/submit/imagine", imagine("a paused harbour " + i));
            assertThat(response.body().path("code").asInt()).as(response.raw()).isEqualTo(1);
            ids.add(response.body().path("result").asString());
        }
        assertThat(account(ACCOUNT_1).running()).isEqualTo(CONCURRENCY);
        assertThat(account(ACCOUNT_2).running()).isEqualTo(CONCURRENCY);

        MjApi.Response queued = api.post("/mj/submit/imagine", imagine("a paused harbour, queued"));

        JsonNode envelope = queued.body();
        assertThat(envelope.path("code").asInt()).as(queued.raw()).isEqualTo(22);
        assertThat(envelope.path("result").asString()).isNotBlank();
        assertThat(envelope.path("properties").path("numberOfQueues").asInt()).isEqualTo(1);
        String queuedOn = envelope.path("properties").path("discordInstanceId").asString();
        assertThat(queuedOn).isIn(ACCOUNT_1, ACCOUNT_2);
        ids.add(envelope.path("result").asString());
        JsonNode waiting = api.fetch(envelope.path("result").asString());
        assertThat(waiting.path("status").asString()).isEqualTo("NOT_START");
        assertThat(waiting.path("properties").path("discordInstanceId").asString()).isEqualTo(queuedOn);

        sandbox.resumeBot();
        List<JsonNode> done = awaitAllSucceeded(ids);
        assertThat(done.get(done.size() - 1).path("properties").path("discordInstanceId").asString()).isEqualTo(queuedOn);
    }

    @Test
    void whenEverySlotAndQueueIsTakenTheAnswerIs23NeverThree() {
        sandbox.pauseBot();
        List<String> ids = new ArrayList<>();
        int capacity = 2 * (CONCURRENCY + QUEUE_SIZE);
        for (int i = 1; i <= capacity; i++) {
            MjApi.Response response = api.post("/mj/submit/imagine", imagine("a full queue " + i));
            int code = response.body().path("code").asInt();
            assertThat(code).as("submit %d: %s", i, response.raw()).isEqualTo(i <= 2 * CONCURRENCY ? 1 : 22);
            ids.add(response.body().path("result").asString());
        }
        assertThat(account(ACCOUNT_1).queued()).isEqualTo(QUEUE_SIZE);
        assertThat(account(ACCOUNT_2).queued()).isEqualTo(QUEUE_SIZE);

        for (String path : List.of("/mj/submit/imagine", "/mj-fast/mj/submit/imagine")) {
            MjApi.Response full = api.post(path, imagine("one too many"));
            assertThat(full.status()).isEqualTo(200);
            assertThat(full.body().path("code").asInt()).as(full.raw()).isEqualTo(23);
            assertThat(full.body().path("result").isNull()).isTrue();
        }
        sandbox.resumeBot();
        List<JsonNode> done = awaitAllSucceeded(ids);
        assertThat(done).hasSize(capacity);
    }

    @Test
    void anActionPinnedToAFullAccountAnswers23() {
        String parentId = api.submit("/mj/submit/imagine", imagineOn(ACCOUNT_1, "a parent for a full account"));
        JsonNode parent = api.awaitFinal(parentId);
        assertThat(parent.path("status").asString()).isEqualTo("SUCCESS");

        sandbox.pauseBot();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= CONCURRENCY + QUEUE_SIZE; i++) {
            ids.add(api.submit("/mj/submit/imagine", imagineOn(ACCOUNT_1, "filling account one " + i)));
        }
        MjApi.Response action = api.post("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s"}""".formatted(parentId, MjApi.button(parent, "U1")));
        assertThat(action.body().path("code").asInt()).as(action.raw()).isEqualTo(23);

        sandbox.resumeBot();
        awaitAllSucceeded(ids);
    }

    @Test
    void aBannedWordIsRefusedWith24AndNeverReachesDiscord() {
        MjApi.Response response = api.post("/mj/submit/imagine", imagine("a NSFW poster of a cat"));

        JsonNode envelope = response.body();
        assertThat(response.status()).isEqualTo(200);
        assertThat(envelope.path("code").asInt()).as(response.raw()).isEqualTo(24);
        assertThat(envelope.path("properties").path("bannedWord").asString()).isEqualToIgnoringCase("nsfw");
        assertThat(envelope.path("properties").path("promptEn").asString()).isEqualTo("a NSFW poster of a cat");
        assertThat(envelope.path("result").isNull()).isTrue();
        assertThat(account(ACCOUNT_1).running() + account(ACCOUNT_2).running()).isZero();
    }

    @Test
    void anActionOnAnUnknownTaskIs3() {
        for (String body : List.of(
                "{\"taskId\": \"1700000000000999\", \"customId\": \"MJ::JOB::upsample::1::3dbbd469-36af-4a0f-8f02-df6c579e7011\"}",
                "{\"taskId\": \"1700000000000999\", \"action\": \"UPSCALE\", \"index\": 1}")) {
            String path = body.contains("action") ? "/mj/submit/change" : "/mj/submit/action";
            MjApi.Response response = api.post(path, body);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().path("code").asInt()).as(path + " " + response.raw()).isEqualTo(3);
        }
        MjApi.Response simple = api.post("/mj/submit/simple-change", "{\"content\": \"1700000000000999 U1\"}");
        assertThat(simple.body().path("code").asInt()).as(simple.raw()).isEqualTo(3);
        MjApi.Response modal = api.post("/mj/submit/modal", "{\"taskId\": \"1700000000000999\", \"prompt\": \"x\"}");
        assertThat(modal.body().path("code").asInt()).as(modal.raw()).isEqualTo(3);
    }

    @Test
    void invalidFieldsAre4AndNameTheField() {
        String parentId = api.submit("/mj/submit/imagine", imagine("a parent for invalid actions"));
        assertThat(api.awaitFinal(parentId).path("status").asString()).isEqualTo("SUCCESS");

        record Case(String path, String body, String field) {
        }
        for (Case c : List.of(
                new Case("/mj/submit/imagine", "{\"prompt\": \"  \"}", "prompt"),
                new Case("/mj/submit/imagine", "{\"prompt\": \"cat\", \"botType\": \"DALL_E\"}", "botType"),
                new Case("/mj/submit/imagine", "{\"prompt\": \"cat\", \"notifyHook\": \"ftp://x.example\"}", "notifyHook"),
                new Case("/mj/submit/imagine", "{\"prompt\": \"cat\", \"base64Array\": [\"@@@@\"]}", "base64Array[0]"),
                new Case("/mj/submit/blend", "{\"base64Array\": []}", "base64Array"),
                new Case("/mj/submit/change", "{\"taskId\": \"" + parentId + "\", \"action\": \"UPSCALE\", \"index\": 5}", "index"),
                new Case("/mj/submit/action", "{\"taskId\": \"" + parentId + "\"}", "customId"),
                new Case("/mj/submit/action", "{\"taskId\": \"" + parentId + "\", \"customId\": \"MJ::JOB::upsample::1::"
                        + "00000000-0000-0000-0000-000000000000\"}", "customId"),
                new Case("/mj/task/list-by-condition", "{\"ids\": \"x\"}", "ids"))) {
            MjApi.Response response = api.post(c.path(), c.body());
            // Submits always answer 200 (clients read the code); other endpoints say 400 as well.
            assertThat(response.status()).as(c.toString()).isEqualTo(c.path().startsWith("/mj/submit/") ? 200 : 400);
            assertThat(response.body().path("code").asInt()).as(c + " -> " + response.raw()).isEqualTo(4);
            assertThat(response.body().path("description").asString()).as(c.toString()).startsWith(c.field());
        }
        assertThat(account(ACCOUNT_1).running() + account(ACCOUNT_2).running()).isZero();
        assertThat(api.fetch(parentId).path("status").asString()).as("the parent is untouched").isEqualTo("SUCCESS");
    }
}
