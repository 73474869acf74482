package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TaskJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    static Task finishedTask() {
        String hash = "3dbbd469-36af-4a0f-8f02-df6c579e7011";
        return Task.create("1732800000000123", JobKind.IMAGINE, 1732800000000L)
                .withPrompt("cat --ar 3:2", "cat --ar 3:2")
                .withDescription("/imagine cat --ar 3:2")
                .withState("client-ref")
                .withStatus(TaskStatus.SUCCESS)
                .withStartTime(1732800000400L)
                .withFinishTime(1732800031000L)
                .withProgress("100%")
                .withImageUrl("https://cdn.example/cat.png")
                .withButtons(List.of(
                        new TaskButton("MJ::JOB::upsample::1::" + hash, "", "U1", 2, 2),
                        new TaskButton("MJ::JOB::reroll::0::" + hash + "::SOLO", "\uD83D\uDD04", "", 2, 2)))
                .withProperties(TaskProperties.EMPTY
                        .withFinalPrompt("cat --ar 3:2 --v 7")
                        .withMessageId("1300000000000000001")
                        .withMessageHash(hash)
                        .withNonce("1300000000000000002")
                        .withDiscordInstanceId("main")
                        .withDiscordChannelId("1100000000000000002")
                        .withProgressMessageId("1300000000000000003")
                        .withFlags(0))
                .withInternal(new TaskInternal("https://hook.example/?token=secret", List.of("aGVsbG8="), "bWFzaw=="));
    }

    @Test
    void serializesTheDesignShapeWithEpochMillisAndButtons() {
        JsonNode json = mapper.valueToTree(finishedTask());

        assertThat(json.propertyNames()).containsExactly("id", "action", "status", "prompt", "promptEn",
                "description", "state", "botType", "customId", "submitTime", "startTime", "finishTime", "progress",
                "imageUrl", "failReason", "buttons", "properties");
        assertThat(json.get("id").asString()).isEqualTo("1732800000000123");
        assertThat(json.get("action").asString()).isEqualTo("IMAGINE");
        assertThat(json.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(json.get("botType").asString()).isEqualTo("MID_JOURNEY");
        assertThat(json.get("customId").isNull()).isTrue();
        assertThat(json.get("failReason").isNull()).isTrue();
        assertThat(json.get("submitTime").isIntegralNumber()).isTrue();
        assertThat(json.get("submitTime").asLong()).isEqualTo(1732800000000L);
        assertThat(json.get("startTime").asLong()).isEqualTo(1732800000400L);
        assertThat(json.get("finishTime").asLong()).isEqualTo(1732800031000L);
        assertThat(json.get("progress").asString()).isEqualTo("100%");

        JsonNode button = json.get("buttons").get(0);
        assertThat(button.propertyNames()).containsExactlyInAnyOrder("customId", "emoji", "label", "type", "style");
        assertThat(button.get("customId").asString()).isEqualTo("MJ::JOB::upsample::1::3dbbd469-36af-4a0f-8f02-df6c579e7011");
        assertThat(button.get("emoji").asString()).isEmpty();
        assertThat(button.get("type").asInt()).isEqualTo(2);
        assertThat(button.get("style").asInt()).isEqualTo(2);

        JsonNode properties = json.get("properties");
        assertThat(properties.propertyNames()).containsExactly("finalPrompt", "messageId", "messageHash", "nonce",
                "discordInstanceId", "discordChannelId", "progressMessageId", "flags");
        assertThat(properties.get("messageHash").asString()).isEqualTo("3dbbd469-36af-4a0f-8f02-df6c579e7011");
        assertThat(properties.get("flags").asInt()).isZero();
    }

    @Test
    void newTaskShowsEveryKeyWithNullsAndEmptyDefaults() {
        JsonNode json = mapper.valueToTree(Task.create("1", JobKind.DESCRIBE, 5L));

        assertThat(json.get("status").asString()).isEqualTo("NOT_START");
        assertThat(json.get("progress").asString()).isEqualTo("0%");
        assertThat(json.get("startTime").isNull()).isTrue();
        assertThat(json.get("finishTime").isNull()).isTrue();
        assertThat(json.get("buttons").isArray()).isTrue();
        assertThat(json.get("buttons").size()).isZero();
        assertThat(json.get("properties").get("nonce").isNull()).isTrue();
    }

    @Test
    void internalFieldsNeverReachTheJson() {
        String text = mapper.writeValueAsString(finishedTask());

        assertThat(text).doesNotContain("internal", "notifyHook", "secret", "base64", "aGVsbG8=", "bWFzaw==");
    }

    @Test
    void extraPropertiesAreFlattenedAndOptionalNamedOnesAppearOnceSet() {
        Task task = finishedTask()
                .withProperties(finishedTask().properties().withParentId("17").withInteractionId("99"))
                .withProperty("seed", "1259687673")
                .withProperty("accountFilter", Map.of("instanceId", "main"));

        JsonNode properties = mapper.valueToTree(task).get("properties");

        assertThat(properties.get("parentId").asString()).isEqualTo("17");
        assertThat(properties.get("interactionId").asString()).isEqualTo("99");
        assertThat(properties.get("seed").asString()).isEqualTo("1259687673");
        assertThat(properties.get("accountFilter").get("instanceId").asString()).isEqualTo("main");
        assertThat(properties.has("extra")).isFalse();
    }

    @Test
    void readsBackWhatItWrites() {
        Task task = finishedTask().withProperty("seed", "42").withProperties(
                finishedTask().properties().withParentId("17").withExtra("seed", "42"));

        Task read = mapper.readValue(mapper.writeValueAsString(task), Task.class);

        assertThat(read).isEqualTo(task.withInternal(TaskInternal.EMPTY));
        assertThat(read.properties().extraValue("seed")).isEqualTo("42");
    }

    @Test
    void propertiesRejectNamedKeysAsExtras() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> TaskProperties.EMPTY.withExtra("nonce", "1"));
    }
}
