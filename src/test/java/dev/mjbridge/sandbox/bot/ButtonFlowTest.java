package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every button family under grids and images, each pressed on a real result. */
class ButtonFlowTest {

    private static final String PROMPT = "a lighthouse on a cliff --ar 3:2";

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("buttons");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void upscaleOfGridIsAnImageReplyWithImageButtons() {
        SandboxUserSession.JobTrace grid = user.imagineGrid(PROMPT);
        SandboxUserSession.Sent sent = user.press(grid.result(), "MJ::JOB::upsample::3::" + grid.hash()).accepted();
        JsonNode interaction = user.awaitSuccess(sent);
        SandboxUserSession.JobTrace image = user.followJob(sent);

        assertThat(image.start().path("nonce").asString()).isEqualTo(sent.nonce());
        assertThat(image.start().path("message_reference").path("message_id").asString())
                .isEqualTo(grid.result().path("id").asString());
        assertThat(image.start().path("content").asString())
                .isEqualTo("Upscaling image #3 with **" + PROMPT + "** - " + user.mention() + " (Waiting to start)");
        assertThat(image.start().path("type").asInt()).isEqualTo(19);
        assertThat(image.start().path("flags").asInt()).isEqualTo(64);
        assertThat(image.content()).isEqualTo("**" + PROMPT + "** - Image #3 " + user.mention());
        assertThat(image.result().path("type").asInt()).isEqualTo(19);
        assertThat(image.result().path("message_reference").path("message_id").asString())
                .isEqualTo(grid.result().path("id").asString());
        assertThat(image.result().path("interaction_metadata").path("id").asString())
                .isEqualTo(interaction.path("id").asString());
        String hash = image.hash();
        assertThat(hash).isNotEqualTo(grid.hash());
        assertThat(image.customIds()).containsExactly(
                "MJ::JOB::upsample_v7_2x_subtle::1::" + hash + "::SOLO",
                "MJ::JOB::upsample_v7_2x_creative::1::" + hash + "::SOLO",
                "MJ::JOB::low_variation::1::" + hash + "::SOLO",
                "MJ::JOB::high_variation::1::" + hash + "::SOLO",
                "MJ::Inpaint::1::" + hash + "::SOLO",
                "MJ::Outpaint::50::1::" + hash + "::SOLO",
                "MJ::Outpaint::75::1::" + hash + "::SOLO",
                "MJ::CustomZoom::" + hash,
                "MJ::JOB::pan_left::1::" + hash + "::SOLO",
                "MJ::JOB::pan_right::1::" + hash + "::SOLO",
                "MJ::JOB::pan_up::1::" + hash + "::SOLO",
                "MJ::JOB::pan_down::1::" + hash + "::SOLO",
                "MJ::JOB::animate_high::1::" + hash + "::SOLO",
                "MJ::JOB::animate_low::1::" + hash + "::SOLO",
                "MJ::BOOKMARK::" + hash);
        JsonNode web = image.result().path("components").get(3).path("components").get(0);
        assertThat(web.path("style").asInt()).isEqualTo(5);
        assertThat(web.path("url").asString()).isEqualTo("https://www.midjourney.com/jobs/" + hash);
        assertThat(user.control().seedOf(hash)).isEqualTo(user.control().seedOf(grid.hash()));
        JsonNode attachment = image.result().path("attachments").get(0);
        assertThat(TestImages.decode(user.download(attachment.path("url").asString())).getWidth())
                .isEqualTo(attachment.path("width").asInt());
    }

    @Test
    void variationOfGridIsANewGrid() {
        SandboxUserSession.JobTrace grid = user.imagineGrid(PROMPT);
        SandboxUserSession.JobTrace variation = user.followJob(
                user.press(grid.result(), "MJ::JOB::variation::2::" + grid.hash()).accepted());
        assertThat(variation.start().path("content").asString()).isEqualTo("Making variations for image #2 with prompt **"
                + PROMPT + "** - " + user.mention() + " (Waiting to start)");
        assertThat(variation.content()).isEqualTo("**" + PROMPT + "** - Variations (Strong) by " + user.mention() + " "
                + SandboxUserSession.website(variation.hash()) + " (fast)");
        assertThat(variation.customIds()).hasSize(9).allMatch(id -> id.contains(variation.hash()));
        assertThat(variation.result().path("message_reference").path("message_id").asString())
                .isEqualTo(grid.result().path("id").asString());
    }

    @Test
    void rerollIsANewGridOfTheSamePrompt() {
        SandboxUserSession.JobTrace grid = user.imagineGrid(PROMPT);
        SandboxUserSession.JobTrace reroll = user.followJob(
                user.press(grid.result(), grid.customId("MJ::JOB::reroll::")).accepted());
        assertThat(reroll.content()).isEqualTo("**" + PROMPT + "** - " + user.mention() + " "
                + SandboxUserSession.website(reroll.hash()) + " (fast)");
        assertThat(reroll.hash()).isNotEqualTo(grid.hash());
        assertThat(reroll.customIds()).contains("MJ::JOB::reroll::0::" + reroll.hash() + "::SOLO");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MJ::JOB::upsample_v7_2x_subtle::, Upscaled by",
            "MJ::JOB::upsample_v7_2x_creative::, Upscaled by",
            "MJ::JOB::low_variation::, Variations (Subtle) by",
            "MJ::JOB::high_variation::, Variations (Strong) by",
            "MJ::Outpaint::50::, Zoom Out by",
            "MJ::Outpaint::75::, Zoom Out by",
            "MJ::JOB::pan_left::, Pan Left by",
            "MJ::JOB::pan_down::, Pan Down by"})
    void imageButtonStartsItsJob(String customIdPrefix, String label) {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 1);
        SandboxUserSession.JobTrace job = user.followJob(user.press(image.result(), image.customId(customIdPrefix)).accepted());
        String website = label.startsWith("Upscaled") ? "" : SandboxUserSession.website(job.hash()) + " ";
        assertThat(job.content()).isEqualTo("**" + PROMPT + "** - " + label + " " + user.mention() + " " + website + "(fast)");
        assertThat(job.result().path("message_reference").path("message_id").asString())
                .isEqualTo(image.result().path("id").asString());
        assertThat(job.customIds()).allMatch(id -> id.contains(job.hash()));
    }

    @Test
    void upscaledImageHasNoUpscaleButtonsButTheRest() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 4);
        SandboxUserSession.JobTrace upscaled = user.followJob(
                user.press(image.result(), image.customId("MJ::JOB::upsample_v7_2x_subtle::")).accepted());
        String hash = upscaled.hash();
        // V7: the upscale offers to redo either upscale, then vary, animate, rate.
        assertThat(upscaled.customIds()).containsExactly(
                "MJ::JOB::upsample_v7_2x_subtle::1::" + hash + "::SOLO", "MJ::JOB::upsample_v7_2x_creative::1::" + hash + "::SOLO",
                "MJ::JOB::low_variation::1::" + hash + "::SOLO", "MJ::JOB::high_variation::1::" + hash + "::SOLO",
                "MJ::JOB::animate_high::1::" + hash + "::SOLO", "MJ::JOB::animate_low::1::" + hash + "::SOLO",
                "MJ::BOOKMARK::" + hash);
        assertThat(upscaled.content()).isEqualTo("**" + PROMPT + "** - Upscaled by " + user.mention() + " (fast)");
        assertThat(upscaled.result().path("attachments").get(0).path("width").asInt())
                .isGreaterThan(image.result().path("attachments").get(0).path("width").asInt());
    }

    @Test
    void makeSquareGivesASquareGrid() {
        // Make Square is a V6 button; V7 has none.
        SandboxUserSession.JobTrace image = user.imagineImage("a tall tower --ar 2:3 --v 6", 2);
        SandboxUserSession.JobTrace square = user.followJob(
                user.press(image.result(), image.customId("MJ::Outpaint::100::")).accepted());
        assertThat(square.content()).contains(" - Zoom Out by ");
        JsonNode attachment = square.result().path("attachments").get(0);
        assertThat(attachment.path("width").asInt()).isEqualTo(attachment.path("height").asInt());
        assertThat(square.customIds()).hasSize(9);
    }

    @Test
    void bookmarkAnswersEphemerallyAndStartsNoJob() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 1);
        SandboxUserSession.Sent sent = user.press(image.result(), "MJ::BOOKMARK::" + image.hash()).accepted();
        user.awaitSuccess(sent);
        JsonNode answer = user.awaitAnswer(sent, d -> true);
        assertThat(answer.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(answer.path("content").asString()).isEqualTo("You have successfully rated [this job](https://discord.com/channels/"
                + user.guildId + "/" + user.channelId + "/" + image.result().path("id").asString() + ") with 😍");
        assertThat(answer.path("message_reference").path("message_id").asString()).isEqualTo(image.result().path("id").asString());
        assertThat(user.control().bot().runningJobs(user.userId)).isEmpty();
        assertThat(user.received("MESSAGE_CREATE", d -> sent.nonce().equals(d.path("nonce").asString(null))
                && d.path("content").asString().contains("Waiting to start"))).isEmpty();
    }
}
