package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.ProxyIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The API over a real socket against the embedded sandbox: what a relay does, end to end. */
class ApiSandboxFlowTest extends ProxyIntegrationTest {

    @Test
    void imagineReachesDiscordThroughTheApi() {
        String id = api.submit("/mj-relax/mj/submit/imagine", "{\"prompt\": \"a quiet harbour\", \"state\": \"s\"}");

        JsonNode task = api.awaitTask(id, t -> !t.path("properties").path("interactionId").isNull()
                && t.path("properties").has("interactionId"), "acknowledged by Discord");
        assertThat(task.path("status").asString()).isIn("SUBMITTED", "IN_PROGRESS", "SUCCESS");
        assertThat(task.path("state").asString()).isEqualTo("s");
        assertThat(task.path("properties").path("discordInstanceId").asString()).startsWith("sandbox-");

        MjApi.Response queue = api.get("/mj/task/queue");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().isArray()).isTrue();
    }

    @Test
    void imagineThenUpscaleThenFetchBoth() {
        String imagineId = api.submit("/mj/submit/imagine", """
                {"prompt": "a lighthouse at dusk --ar 3:2", "state": "ref-1", "botType": "", "notifyHook": ""}""");
        JsonNode grid = api.awaitFinal(imagineId);
        assertThat(grid.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(grid.path("state").asString()).isEqualTo("ref-1");
        assertThat(grid.path("description").asString()).isEqualTo("/imagine a lighthouse at dusk --ar 3:2");

        String upscaleId = api.submit("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s", "chooseSameChannel": false}"""
                .formatted(imagineId, MjApi.button(grid, "U2")));
        JsonNode upscale = api.awaitFinal(upscaleId);
        assertThat(upscale.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(upscale.path("action").asString()).isEqualTo("UPSCALE");
        assertThat(upscale.path("description").asString()).isEqualTo("/up " + imagineId + " U2");

        MjApi.Response listed = api.post("/mj/task/list-by-condition", "[\"%s\", \"%s\"]".formatted(imagineId, upscaleId));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().size()).isEqualTo(2);
    }

    @Test
    void legacySimpleChangeUnderAModePrefix() {
        String imagineId = api.submit("/mj-fast/mj/submit/imagine", "{\"prompt\": \"a red fox\"}");
        api.awaitFinal(imagineId);

        String variationId = api.submit("/mj-fast/mj/submit/simple-change",
                "{\"content\": \"%s V1\"}".formatted(imagineId));
        assertThat(api.awaitFinal(variationId).path("action").asString()).isEqualTo("VARIATION");
    }

    @Test
    void customZoomWaitsForTheModalThenRuns() {
        String imagineId = api.submit("/mj/submit/imagine", "{\"prompt\": \"a small boat\"}");
        JsonNode grid = api.awaitFinal(imagineId);
        String upscaleId = api.submit("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s"}""".formatted(imagineId, MjApi.button(grid, "U1")));
        JsonNode upscale = api.awaitFinal(upscaleId);

        MjApi.Response modal = api.post("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s"}""".formatted(upscaleId, MjApi.button(upscale, "CustomZoom")));
        assertThat(modal.body().path("code").asInt()).isEqualTo(21);
        String zoomId = modal.body().path("result").asString();
        assertThat(api.fetch(zoomId).path("status").asString()).isEqualTo("MODAL");

        MjApi.Response submitted = api.post("/mj/submit/modal", """
                {"taskId": "%s", "prompt": "a small boat --zoom 1.5"}""".formatted(zoomId));
        assertThat(submitted.body().path("code").asInt()).isEqualTo(1);
        assertThat(api.awaitFinal(zoomId).path("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void errorsAreEnvelopesAndAccountsShowNoToken() {
        MjApi.Response malformed = api.post("/mj/submit/imagine", "{\"prompt\": ");
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.body().path("code").asInt()).isEqualTo(4);

        MjApi.Response missing = api.post("/mj/submit/action", "{\"taskId\": \"1\", \"customId\": \"MJ::JOB::upsample::1::x\"}");
        assertThat(missing.body().path("code").asInt()).isEqualTo(3);

        MjApi.Response unknownPath = api.get("/mj/nothing");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.body().path("code").asInt()).isEqualTo(4);

        MjApi.Response accounts = api.get("/mj/account/list");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.body().size()).isGreaterThan(0);
        assertThat(accounts.raw().toLowerCase(Locale.ROOT)).doesNotContain("token");
    }

    @Test
    void describeThenImagineTheSecondSuggestion() {
        String describeId = api.submit("/mj/submit/describe", "{\"base64\": \"%s\"}".formatted(pngDataUrl()));
        JsonNode described = api.awaitFinal(describeId);
        assertThat(described.path("status").asString()).isEqualTo("SUCCESS");

        String pickId = api.submit("/mj/submit/action", """
                {"taskId": "%s", "customId": "MJ::Job::PicReader::2"}""".formatted(describeId));
        JsonNode picked = api.awaitFinal(pickId);
        assertThat(picked.path("action").asString()).isEqualTo("IMAGINE");
        assertThat(picked.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(picked.path("prompt").asString()).isNotBlank()
                .doesNotContain("\n").doesNotStartWith("2");
        assertThat(described.path("promptEn").asString()).contains(picked.path("prompt").asString());
    }

    @Test
    void shortenThenImagineASuggestion() {
        String shortenId = api.submit("/mj/submit/shorten",
                "{\"prompt\": \"a very detailed painting of an old lighthouse on a cliff at dusk\"}");
        JsonNode shortened = api.awaitFinal(shortenId);
        assertThat(shortened.path("status").asString()).isEqualTo("SUCCESS");

        String pickId = api.submit("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s"}""".formatted(shortenId, MjApi.button(shortened, "PromptAnalyzer")));
        JsonNode picked = api.awaitFinal(pickId);
        assertThat(picked.path("action").asString()).isEqualTo("IMAGINE");
        assertThat(shortened.path("promptEn").asString()).contains(picked.path("prompt").asString());
    }

    @Test
    void blendTwoImages() {
        String blendId = api.submit("/mj/submit/blend", """
                {"base64Array": ["%s", "%s"], "dimensions": "LANDSCAPE"}""".formatted(pngDataUrl(), pngDataUrl(0x3366CC)));
        JsonNode blend = api.awaitFinal(blendId);
        assertThat(blend.path("status").asString()).as(blend.toString()).isEqualTo("SUCCESS");
        assertThat(blend.path("action").asString()).isEqualTo("BLEND");
    }

    @Test
    void imageSeedOfAFinishedGrid() {
        String imagineId = api.submit("/mj/submit/imagine", "{\"prompt\": \"a seed of doubt\"}");
        api.awaitFinal(imagineId);

        MjApi.Response seed = api.get("/mj/task/" + imagineId + "/image-seed");
        assertThat(seed.body().path("code").asInt()).as(seed.raw()).isEqualTo(1);
        assertThat(seed.body().path("result").asString()).matches("\\d+");
        // The seed is kept on the finished task, and fetch (answered from the task JSON cache) shows it.
        String value = seed.body().path("result").asString();
        api.awaitTask(imagineId, task -> value.equals(task.path("properties").path("seed").asString()),
                "the seed in the fetched task");
    }

    @Test
    void uploadDiscordImagesAnswersUrls() {
        MjApi.Response upload = api.post("/mj/submit/upload-discord-images",
                "{\"base64Array\": [\"%s\"]}".formatted(pngDataUrl()));
        assertThat(upload.body().path("code").asInt()).as(upload.raw()).isEqualTo(1);
        assertThat(upload.body().path("result").get(0).asString()).startsWith("http");
    }

    private static String pngDataUrl() {
        return pngDataUrl(0);
    }

    /** A small PNG of one colour; Midjourney refuses to blend identical images. */
    private static String pngDataUrl(int rgb) {
        BufferedImage image = new BufferedImage(8, 8,
                BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
