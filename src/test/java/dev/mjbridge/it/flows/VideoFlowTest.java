package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Video through the HTTP API: Animate on an upscale, {@code /mj/submit/video}, and a video's
 * U button. Progress shows the clip previews; a finished video names its four MP4s on the
 * Midjourney CDN (in sandbox mode: the sandbox), a video upscale its one MP4.
 */
class VideoFlowTest extends Flow2026Test {

    @Test
    void theSimulatedBotsAnimateGivesFourMp4sThatDownloadAndAVideoUpscaleOfOne() {
        JsonNode upscale = simulatedUpscale("a windmill in a storm");
        assertNoVideoFields(upscale);

        JsonNode video = pressAndFinish(upscale, "Animate (Low motion)", "VIDEO");

        String hash = hashOf(video);
        assertVideoUrls(video, hash);
        for (String url : texts(video.path("videoUrls"))) {
            downloadMp4(url);
        }
        assertThat(texts(video.path("properties").path("previewUrls"))).hasSize(4);
        assertThat(Images.downloadImage(video.path("imageUrl").asString()).format()).isEqualTo("webp");

        JsonNode one = api.awaitFinal(press(video, "U3"));
        assertThat(one.path("status").asString()).as(one.toString()).isEqualTo("SUCCESS");
        assertThat(one.path("action").asString()).isEqualTo("VIDEO_UPSCALE");
        assertThat(one.has("videoUrls")).isFalse();
        downloadMp4(one.path("videoUrl").asString());
    }

    @Test
    void theEmbeddedSandboxRunsVideoJobsForMjSandboxVideoTime() {
        assertThat(sandbox.get("/bot").path("fastVideoMs").asLong()).isEqualTo(VIDEO_TIME_MS);
    }

    @Test
    void theSimulatedBotAnimatesAStartFrameSubmittedToSubmitVideo() {
        MjApi.Response answer = api.post("/mj/submit/video", """
                {"prompt": "the kite climbs", "base64": "%s", "motion": "high", "accountFilter": {"instanceId": "%s"}}"""
                .formatted(Images.pngDataUrl(64, 64, 0x884422), ACCOUNT));
        assertThat(answer.body().path("code").asInt()).as(answer.raw()).isEqualTo(1);

        JsonNode video = assertSucceeded(api.awaitFinal(answer.body().path("result").asString()), "VIDEO");

        assertVideoUrls(video, hashOf(video));
        downloadMp4(video.path("videoUrl").asString());
        assertThat(video.path("properties").path("finalPrompt").asString()).contains("the kite climbs");
    }

    @Test
    void animateMakesAVideoTaskWithFourMp4sAndVideoUButtons() {
        JsonNode upscale = upscaleOnAccount("a paper crane over a pond");
        assertNoVideoFields(upscale);
        arm("animate.json");

        String id = press(upscale, "Animate (High motion)");
        JsonNode video = api.awaitFinal(id);

        assertThat(video.path("status").asString()).as(video.toString()).isEqualTo("SUCCESS");
        assertThat(video.path("action").asString()).isEqualTo("VIDEO");
        assertThat(video.path("description").asString()).endsWith("Animate (High motion)");
        assertThat(video.path("properties").path("parentId").asString()).isEqualTo(upscale.path("id").asString());
        String hash = hashOf(video);
        assertThat(hash).isNotBlank().isNotEqualTo(hashOf(upscale));
        assertThat(video.path("imageUrl").asString()).contains("_" + hash + ".webp");
        assertVideoUrls(video, hash);
        List<String> previews = texts(video.path("properties").path("previewUrls"));
        for (int n = 0; n < 4; n++) {
            assertThat(previews.get(n)).as("clip %d's preview", n).contains(hash + "_" + n + "_step_");
        }
        assertThat(MjApi.button(video, "U2")).isEqualTo("MJ::JOB::video_virtual_upscale::2::" + hash);
    }

    @Test
    void submitVideoAnimatesAnUploadedStartFrame() {
        arm("imagine-video.json");

        MjApi.Response answer = api.post("/mj/submit/video", """
                {"prompt": "the crane takes off", "base64": "%s", "accountFilter": {"instanceId": "%s"}}"""
                .formatted(Images.pngDataUrl(64, 64, 0x3366aa), ACCOUNT));
        assertThat(answer.body().path("code").asInt()).as(answer.raw()).isEqualTo(1);
        JsonNode video = api.awaitFinal(answer.body().path("result").asString());

        assertThat(video.path("status").asString()).as(video.toString()).isEqualTo("SUCCESS");
        assertThat(video.path("action").asString()).isEqualTo("VIDEO");
        assertThat(video.path("prompt").asString()).isEqualTo("the crane takes off");
        String finalPrompt = video.path("properties").path("finalPrompt").asString();
        assertThat(finalPrompt).contains("the crane takes off --video 1 --motion low");
        assertThat(finalPrompt).as("the uploaded start frame leads the prompt").startsWith("http");
        assertVideoUrls(video, hashOf(video));
    }

    @Test
    void submitVideoUnderAModePrefixAsksForThatMode() {
        arm("imagine-video.json");

        String id = api.submit("/mj-relax/mj/submit/video", """
                {"prompt": "slow waves", "imageUrl": "https://example.com/frame.png", "motion": "high",
                 "accountFilter": {"instanceId": "%s"}}""".formatted(ACCOUNT));
        JsonNode video = api.awaitFinal(id);

        assertThat(video.path("status").asString()).as(video.toString()).isEqualTo("SUCCESS");
        assertThat(video.path("properties").path("finalPrompt").asString())
                .startsWith("https://example.com/frame.png slow waves --video 1 --motion high")
                .contains("--relax");
    }

    @Test
    void aVideoUButtonMakesAVideoUpscaleWithOneMp4() {
        JsonNode upscale = upscaleOnAccount("a lantern in the fog");
        arm("animate.json");
        JsonNode video = api.awaitFinal(press(upscale, "Animate (Low motion)"));
        assertThat(video.path("status").asString()).as(video.toString()).isEqualTo("SUCCESS");
        arm("video-upscale.json");

        JsonNode one = api.awaitFinal(press(video, "U2"));

        assertThat(one.path("status").asString()).as(one.toString()).isEqualTo("SUCCESS");
        assertThat(one.path("action").asString()).isEqualTo("VIDEO_UPSCALE");
        assertThat(one.path("properties").path("parentId").asString()).isEqualTo(video.path("id").asString());
        assertThat(one.path("videoUrl").asString()).contains("_" + hashOf(one) + ".mp4");
        assertThat(one.has("videoUrls")).isFalse();
    }

    private static void assertVideoUrls(JsonNode video, String hash) {
        List<String> urls = texts(video.path("videoUrls"));
        assertThat(urls).hasSize(4);
        for (int n = 0; n < 4; n++) {
            assertThat(urls.get(n)).endsWith("/video/" + hash + "/" + n + ".mp4");
        }
        assertThat(video.path("videoUrl").asString()).isEqualTo(urls.get(0));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
