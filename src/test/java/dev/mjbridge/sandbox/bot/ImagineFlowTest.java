package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImagineFlowTest {

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("imagine");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void imagineRunsFromWaitingToFinalGrid() {
        String prompt = "an owl on a pine branch --ar 2:3";
        SandboxUserSession.Sent sent = user.imagine(prompt).accepted();

        JsonNode created = user.awaitInteractionCreate(sent);
        JsonNode success = user.awaitSuccess(sent);
        assertThat(success.path("id").asString()).isEqualTo(created.path("id").asString());
        SandboxUserSession.JobTrace job = user.followJob(sent);

        JsonNode start = job.start();
        assertThat(start.path("nonce").asString()).isEqualTo(sent.nonce());
        assertThat(start.path("content").asString()).isEqualTo("**" + prompt + "** - " + user.mention() + " (Waiting to start)");
        assertThat(start.path("author").path("id").asString()).isEqualTo(BotApp.MIDJOURNEY.applicationId());
        assertThat(start.path("interaction").path("name").asString()).isEqualTo("imagine");
        assertThat(start.path("interaction_metadata").path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(start.path("interaction_metadata").path("user").path("id").asString()).isEqualTo(user.userId);

        assertThat(job.updates()).allSatisfy(update -> {
            assertThat(update.path("content").asString())
                    .matches("\\*\\*" + java.util.regex.Pattern.quote(prompt) + "\\*\\* - <@\\d+> \\(\\d{1,2}%\\) \\(fast\\)");
            assertThat(update.has("nonce")).isFalse();
        });
        assertThat(job.updates().size()).isGreaterThanOrEqualTo(3);

        JsonNode result = job.result();
        String hash = job.hash();
        assertThat(result.has("nonce")).isFalse();
        assertThat(result.path("content").asString())
                .isEqualTo("**" + prompt + "** - " + user.mention() + " " + SandboxUserSession.website(hash) + " (fast)");
        assertThat(result.path("message_reference").path("message_id").asString()).isEqualTo(start.path("id").asString());
        JsonNode attachment = result.path("attachments").get(0);
        String username = user.username.replaceAll("[^A-Za-z0-9]+", "_");
        assertThat(attachment.path("filename").asString()).isEqualTo(username + "_an_owl_on_a_pine_branch_" + hash + ".webp");
        // V7 shows its first percentage without a picture, as the 2026 capture does.
        assertThat(job.updates().get(0).path("attachments")).isEmpty();
        assertThat(job.updates().get(1).path("attachments").get(0).path("filename").asString()).isEqualTo(hash + "_grid_0.webp");
        List<String> customIds = job.customIds();
        assertThat(customIds).containsExactly(
                "MJ::JOB::upsample::1::" + hash, "MJ::JOB::upsample::2::" + hash, "MJ::JOB::upsample::3::" + hash,
                "MJ::JOB::upsample::4::" + hash, "MJ::JOB::reroll::0::" + hash + "::SOLO",
                "MJ::JOB::variation::1::" + hash, "MJ::JOB::variation::2::" + hash, "MJ::JOB::variation::3::" + hash,
                "MJ::JOB::variation::4::" + hash);

        JsonNode link = result.path("components").get(1).path("components").get(4);
        assertThat(link.path("style").asInt()).isEqualTo(5);
        assertThat(link.has("custom_id")).isFalse();
        assertThat(link.path("url").asString()).isEqualTo("https://midjourney.com/jobs/" + hash);
        byte[] webp = user.download(attachment.path("url").asString());
        assertThat(new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        // A lossless WebP (VP8L) names its size in 14-bit fields right after the signature byte.
        assertThat(new String(webp, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("VP8L");
        int bits = (webp[21] & 0xff) | (webp[22] & 0xff) << 8 | (webp[23] & 0xff) << 16 | (webp[24] & 0xff) << 24;
        int width = (bits & 0x3fff) + 1;
        int height = ((bits >>> 14) & 0x3fff) + 1;
        assertThat(width).isEqualTo(attachment.path("width").asInt()).isLessThanOrEqualTo(1024);
        assertThat(height).isEqualTo(attachment.path("height").asInt()).isLessThanOrEqualTo(1024);
        assertThat(width).isLessThan(height);
        assertThat(user.control().seedOf(hash)).isPresent();
    }

    @Test
    void nijiImagineComesFromTheNijiBot() {
        SandboxUserSession.Sent sent = user.imagine(BotApp.NIJI, "a fox in tall grass").accepted();
        SandboxUserSession.JobTrace job = user.followJob(sent);

        assertThat(job.start().path("author").path("id").asString()).isEqualTo(BotApp.NIJI.applicationId());
        assertThat(job.start().path("application_id").asString()).isEqualTo(BotApp.NIJI.applicationId());
        assertThat(job.result().path("author").path("id").asString()).isEqualTo(BotApp.NIJI.applicationId());
        assertThat(job.content()).isEqualTo("**a fox in tall grass --niji 6** - " + user.mention() + " (fast)");
        // Its buttons belong to the Niji application too.
        user.followJob(user.press(job.result(), job.customId("MJ::JOB::upsample::1")).accepted());
    }

    @Test
    void stealthJobsSayFastStealth() {
        user.control().updateUser(user.userId, s -> s.withStealth(true));
        SandboxUserSession.JobTrace job = user.imagineGrid("a quiet harbour town");
        assertThat(job.content()).endsWith(" (fast, stealth)");
        assertThat(job.updates()).allSatisfy(u -> assertThat(u.path("content").asString()).endsWith("(fast, stealth)"));
    }

    @Test
    void fastJobsUseFastTime() {
        long before = user.control().user(user.userId).fastSecondsRemaining();
        user.imagineGrid("a mountain lake at dawn");
        assertThat(user.control().user(user.userId).fastSecondsRemaining()).isLessThan(before);
    }
}
