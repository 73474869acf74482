package dev.mjbridge.sandbox.bot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Videos (Animate, /imagine --video, their U1-U4) and Cancel Job, through the real protocol. */
class VideoAndCancelFlowTest {

    private static final String PROMPT = "a paper boat on a pond";
    private static final String VIDEO_PROMPT = PROMPT + " --motion high --video 1 --aspect 1:1";

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        user = SandboxUserSession.open("video");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void animateRunsAVideoJobFromAnimatingToFourClips() throws Exception {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 1);
        long fastBefore = user.control().user(user.userId).fastSecondsRemaining();
        SandboxUserSession.Sent press = user.press(image.result(), image.customId("MJ::JOB::animate_high::")).accepted();
        SandboxUserSession.JobTrace video = user.followJob(press);

        assertThat(video.start().path("content").asString()).isEqualTo("Animating...");
        assertThat(video.start().path("nonce").asString()).isEqualTo(press.nonce());
        assertThat(video.start().path("message_reference").path("message_id").asString())
                .isEqualTo(image.result().path("id").asString());
        String hash = video.hash();
        String head = "**" + VIDEO_PROMPT + "** - " + user.mention();
        List<JsonNode> updates = video.updates();
        assertThat(updates.get(0).path("content").asString()).isEqualTo("Creating video with prompt " + head + " (Waiting to start)");
        assertThat(updates.get(1).path("content").asString()).isEqualTo(head + " (12%) (fast)");
        assertThat(updates.get(1).path("attachments")).isEmpty();
        List<String> stills = new ArrayList<>();
        updates.get(2).path("attachments").forEach(a -> stills.add(a.path("filename").asString()));
        assertThat(stills).containsExactly(hash + "_0_step_0.jpeg", hash + "_1_step_0.jpeg", hash + "_2_step_0.jpeg",
                hash + "_3_step_0.jpeg");
        assertThat(updates.get(2).path("attachments").get(0).path("content_type").asString()).isEqualTo("image/jpeg");

        JsonNode result = video.result();
        assertThat(result.path("content").asString()).isEqualTo(head + " " + SandboxUserSession.website(hash) + " (fast)");
        assertThat(result.path("attachments")).hasSize(1);
        assertThat(result.path("attachments").get(0).path("filename").asString()).endsWith("_" + hash + ".webp");
        assertThat(result.path("message_reference").path("message_id").asString()).isEqualTo(image.result().path("id").asString());
        assertThat(video.customIds()).containsExactly("MJ::JOB::video_virtual_upscale::1::" + hash,
                "MJ::JOB::video_virtual_upscale::2::" + hash, "MJ::JOB::video_virtual_upscale::3::" + hash,
                "MJ::JOB::video_virtual_upscale::4::" + hash, "MJ::JOB::reroll::0::" + hash + "::SOLO");

        HttpResponse<byte[]> clip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(user.sandboxBaseUrl() + "/video/" + hash + "/3.mp4")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(clip.statusCode()).isEqualTo(200);
        assertThat(clip.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("video/mp4"));
        // A video costs eight images' worth of fast time.
        assertThat(user.control().user(user.userId).fastSecondsRemaining()).isEqualTo(fastBefore - JobKind.VIDEO.fastSeconds());

        SandboxUserSession.Sent pickSecond = user.press(result, "MJ::JOB::video_virtual_upscale::2::" + hash).accepted();
        SandboxUserSession.JobTrace upscale = user.followJob(pickSecond);
        assertThat(upscale.start().path("content").asString())
                .isEqualTo("Upscaling video #2 with **" + VIDEO_PROMPT + "** - " + user.mention() + " (Waiting to start)");
        assertThat(upscale.start().path("flags").asInt()).isEqualTo(64);
        assertThat(upscale.content()).isEqualTo("**" + VIDEO_PROMPT + "** - Video #2 " + user.mention());
        JsonNode mp4 = upscale.result().path("attachments").get(0);
        assertThat(mp4.path("filename").asString()).endsWith("_" + upscale.hash() + ".mp4");
        assertThat(mp4.path("content_type").asString()).isEqualTo("video/mp4");
        assertThat(upscale.customIds()).isEmpty();
        assertThat(upscale.result().path("components").get(0).path("components").get(0).path("style").asInt()).isEqualTo(5);
        assertThat(upscale.result().path("message_reference").path("message_id").asString()).isEqualTo(result.path("id").asString());
        // The chosen clip is also the new job's 0.mp4, byte for byte the attachment.
        byte[] attached = user.download(mp4.path("url").asString());
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(user.sandboxBaseUrl() + "/video/" + upscale.hash() + "/0.mp4")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(attached);
    }

    @Test
    void imagineWithAnImageLinkAndVideoParameterIsAVideo() {
        String prompt = "https://example.com/boat.png a boat sails away --video 1 --motion low";
        SandboxUserSession.Sent sent = user.imagine(prompt).accepted();
        SandboxUserSession.JobTrace video = user.followJob(sent);
        assertThat(video.start().path("content").asString()).isEqualTo("**" + prompt + "** - " + user.mention() + " (Waiting to start)");
        assertThat(video.start().path("nonce").asString()).isEqualTo(sent.nonce());
        assertThat(video.customIds()).first().asString().startsWith("MJ::JOB::video_virtual_upscale::1::");

        SandboxUserSession.Sent noImage = user.imagine("a boat sails away --video 1").accepted();
        assertThat(user.awaitEmbed(noImage, "Invalid parameter").path("embeds").get(0).path("description").asString())
                .contains("--video");
    }

    @Test
    void aRelaxedVideoSaysSoAndCostsNoFastTime() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 3);
        user.control().updateUser(user.userId, state -> state.withMode(SpeedMode.RELAX));
        long fastBefore = user.control().user(user.userId).fastSecondsRemaining();
        SandboxUserSession.JobTrace video = user.followJob(
                user.press(image.result(), image.customId("MJ::JOB::animate_low::")).accepted());
        assertThat(video.content()).startsWith("**" + PROMPT + " --motion low --video 1 --aspect 1:1** - ").endsWith(" (relaxed)");
        assertThat(video.updates()).last().satisfies(u -> assertThat(u.path("content").asString()).endsWith("(relaxed)"));
        assertThat(user.control().user(user.userId).fastSecondsRemaining()).isEqualTo(fastBefore);
    }

    @Test
    void cancelJobStopsTheJobFreesTheSlotAndChargesNothing() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 2);
        Duration jobTime = user.control().fastJobDuration();
        user.control().setFastJobDuration(Duration.ofSeconds(60));
        try {
            long fastBefore = user.control().user(user.userId).fastSecondsRemaining();
            SandboxUserSession.Sent press = user.press(image.result(), image.customId("MJ::JOB::high_variation::")).accepted();
            JsonNode start = user.awaitAnswer(press, d -> d.path("content").asString().endsWith("(Waiting to start)"));
            assertThat(start.path("flags").asInt()).isEqualTo(64);
            assertThat(start.path("type").asInt()).isEqualTo(19);
            JsonNode cancel = start.path("components").get(0).path("components").get(0);
            assertThat(cancel.path("label").asString()).isEqualTo("Cancel Job");
            assertThat(cancel.path("style").asInt()).isEqualTo(4);
            String jobId = cancel.path("custom_id").asString().substring("MJ::CancelJob::ByJobid::".length());
            assertThat(user.control().bot().runningJobs(user.userId)).extracting(Job::hash).containsExactly(jobId);

            user.awaitSuccess(user.press(start, cancel.path("custom_id").asString()).accepted());
            JsonNode stopped = user.await("MESSAGE_UPDATE", d -> start.path("id").asString().equals(d.path("id").asString())
                    && d.path("content").asString().endsWith("(Stopped)"));
            assertThat(stopped.path("content").asString())
                    .isEqualTo("**" + PROMPT + "** - Variations (Strong) by " + user.mention() + " (Stopped)");
            assertThat(stopped.path("components")).isEmpty();
            assertThat(user.control().bot().runningJobs(user.userId)).isEmpty();
            assertThat(user.control().user(user.userId).fastSecondsRemaining()).isEqualTo(fastBefore);

            // The stopped message has no Cancel Job button any more: Discord refuses a press of it.
            SandboxUserSession.Sent again = user.press(start, cancel.path("custom_id").asString());
            assertThat(again.response().status()).isEqualTo(400);
        } finally {
            user.control().setFastJobDuration(jobTime);
        }
    }
}
