package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MjEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static dev.mjbridge.task.HandlerHarness.CDN;
import static dev.mjbridge.task.HandlerHarness.button;
import static dev.mjbridge.task.HandlerHarness.finished;
import static dev.mjbridge.task.HandlerHarness.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Video jobs as the task engine follows them: the four clip previews while running, the
 * animated preview and the four MP4s (on Midjourney's CDN) at the end, one MP4 for a video
 * upscale; image tasks keep the task JSON they always had.
 */
class VideoEventsTest {

    private static final String U_RESULT = "1511317210822611026";
    private static final String START = "1511319243583656036";
    private static final String HASH = "9bdd338a-3876-4b4b-b175-af661e8a8cab";

    private final HandlerHarness engine = new HandlerHarness();

    @Test
    void animateReportsTheFourClipPreviewsThenTheMp4sAndTheVideoButtons() {
        engine.running("2", JobKind.VIDEO, U_RESULT, 1);

        engine.hear(new MjEvent.JobStarted(keys("nonce-2", "i-2", START, U_RESULT, null), JobKind.VIDEO, 0,
                "Animating..."));
        List<String> previews = List.of(0, 1, 2, 3).stream()
                .map(n -> "https://cdn.discordapp.com/attachments/2/" + START + "/" + HASH + "_" + n + "_step_3.jpeg")
                .toList();
        engine.hear(new MjEvent.JobProgress(keys(null, "i-2", START, U_RESULT, HASH), 59, "fast", previews.get(0),
                "**p --motion high --video 1** - <@1> (59%) (fast)", previews, List.of()));

        Task running = engine.task("2");
        assertThat(running.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(running.progress()).isEqualTo("59%");
        assertThat(running.imageUrl()).isEqualTo(previews.get(0));
        assertThat(running.properties().extraValue(TaskTransitions.PREVIEW_URLS)).isEqualTo(previews);
        assertThat(running.videoUrl()).isNull();

        String webp = "u2233346927_a_small_bird_" + HASH + ".webp";
        engine.hear(finished(keys(null, null, "1511319451277201564", U_RESULT, HASH), JobKind.VIDEO, "", 0, HASH, webp,
                List.of(button("MJ::JOB::video_virtual_upscale::1::" + HASH, "U1"),
                        button("MJ::JOB::video_virtual_upscale::4::" + HASH, "U4"),
                        button("MJ::JOB::reroll::0::" + HASH + "::SOLO", ""))));

        Task done = engine.task("2");
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(done.imageUrl()).endsWith("/" + webp);
        assertThat(done.videoUrls()).containsExactly(CDN + "/video/" + HASH + "/0.mp4", CDN + "/video/" + HASH + "/1.mp4",
                CDN + "/video/" + HASH + "/2.mp4", CDN + "/video/" + HASH + "/3.mp4");
        assertThat(done.videoUrl()).isEqualTo(CDN + "/video/" + HASH + "/0.mp4");
        assertThat(done.buttons()).extracting(TaskButton::customId)
                .contains("MJ::JOB::video_virtual_upscale::1::" + HASH);
        assertThat(done.properties().messageHash()).isEqualTo(HASH);
        assertThat(engine.released).containsExactly("2");

        JsonNode json = JsonMapper.builder().build().valueToTree(done);
        assertThat(json.path("videoUrls").size()).isEqualTo(4);
        assertThat(json.path("properties").path("previewUrls").size()).isEqualTo(4);
    }

    @Test
    void theVideoResultReplyingToTheUResultGoesToTheAnimateNotToASiblingPress() {
        engine.running("2", JobKind.UPSCALE, U_RESULT, 1);
        engine.running("3", JobKind.VIDEO, U_RESULT, 1);
        engine.running("4", JobKind.VARIATION, U_RESULT, 1);

        engine.hear(finished(keys(null, null, "1511319451277201564", U_RESULT, HASH), JobKind.VIDEO, "", 0, HASH,
                "u_bird_" + HASH + ".webp", List.of()));

        assertThat(engine.task("3").status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(engine.task("2").status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(engine.task("4").status()).isEqualTo(TaskStatus.SUBMITTED);
    }

    @Test
    void aRerollOfAVideoIsFollowedAsAVideo() {
        String videoMessage = "1511319451277201564";
        engine.running("6", JobKind.REROLL, videoMessage, 0);
        String newHash = "7e1d9c55-0a8b-4c3e-9f21-6b5d4e3c2a10";
        List<String> previews = List.of(0, 1, 2, 3).stream().map(n -> "https://cdn/" + newHash + "_" + n + "_step_1.jpeg")
                .toList();
        engine.hear(new MjEvent.JobProgress(keys("nonce-6", null, "800", null, newHash), 35, "fast", previews.get(0),
                "x", previews, List.of()));

        engine.hear(finished(keys(null, null, "801", videoMessage, newHash), JobKind.VIDEO, "", 0, newHash,
                "u_bird_" + newHash + ".webp", List.of()));

        Task done = engine.task("6");
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(done.properties().extraValue(TaskTransitions.PREVIEW_URLS)).isEqualTo(previews);
        assertThat(done.videoUrls()).hasSize(4).first().isEqualTo(CDN + "/video/" + newHash + "/0.mp4");
    }

    @Test
    void anImageResultNeverFinishesAVideoTask() {
        engine.running("3", JobKind.VIDEO, U_RESULT, 1);

        engine.hear(finished(keys(null, null, "1511317624292769933", U_RESULT, "other-hash"), JobKind.IMAGINE, "", 0,
                "other-hash", "u_bird_other-hash.webp", List.of()));

        assertThat(engine.task("3").status()).isEqualTo(TaskStatus.SUBMITTED);
    }

    @Test
    void aVideoUpscaleCarriesTheMp4OfItsResultMessage() {
        String videoMessage = "1511319451277201564";
        engine.running("5", JobKind.VIDEO_UPSCALE, videoMessage, 2);
        String newHash = "5c0d2a51-7b0e-4d6f-9a38-1f0a7e2b4c11";
        String mp4 = "u2233346927_a_small_bird_" + newHash + ".mp4";

        engine.hear(finished(keys(null, null, "1511319999999999999", videoMessage, newHash), JobKind.VIDEO_UPSCALE,
                "Video #2", 2, newHash, mp4, List.of()));

        Task done = engine.task("5");
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(done.videoUrl()).isEqualTo("https://cdn.discordapp.com/attachments/2/1511319999999999999/" + mp4);
        assertThat(done.videoUrls()).isNull();
        assertThat(done.imageUrl()).as("an MP4 is no image").isNull();
    }

    @Test
    void aVideoUpscaleWithoutAnMp4AttachmentPointsAtTheCdn() {
        String videoMessage = "1511319451277201564";
        engine.running("5", JobKind.VIDEO_UPSCALE, videoMessage, 2);
        String newHash = "5c0d2a51-7b0e-4d6f-9a38-1f0a7e2b4c11";

        engine.hear(finished(keys("nonce-5", null, "1511319999999999999", videoMessage, newHash), JobKind.VIDEO_UPSCALE,
                "Video #2", 2, newHash, "u_bird_" + newHash + ".webp", List.of()));

        assertThat(engine.task("5").videoUrl()).isEqualTo(CDN + "/video/" + newHash + "/0.mp4");
    }

    @Test
    void imageTasksShowNoVideoFields() {
        engine.running("1", JobKind.IMAGINE, null, 0);
        String grid = "https://cdn.discordapp.com/attachments/2/9/h_grid_0.webp";
        engine.hear(new MjEvent.JobProgress(keys("nonce-1", null, "9", null, "h"), 40, "fast", grid, "x", List.of(grid),
                List.of()));
        engine.hear(finished(keys(null, null, "10", "9", "h"), JobKind.IMAGINE, "", 0, "h", "u_h.webp", List.of()));

        Task done = engine.task("1");
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        JsonNode json = JsonMapper.builder().build().valueToTree(done);
        assertThat(json.has("videoUrl")).isFalse();
        assertThat(json.has("videoUrls")).isFalse();
        assertThat(json.path("properties").has("previewUrls")).isFalse();
    }
}
