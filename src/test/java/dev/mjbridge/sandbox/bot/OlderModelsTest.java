package dev.mjbridge.sandbox.bot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --v 6} and {@code --v 5.2} keep the forms Midjourney used before V7: PNG grids, their own upscales, no Animate. */
class OlderModelsTest {

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        user = SandboxUserSession.open("older-models");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void v6KeepsPngGridsV6UpscalesAndNoAnimate() {
        String prompt = "a quiet harbour --v 6";
        SandboxUserSession.JobTrace grid = user.imagineGrid(prompt);
        assertThat(grid.content()).isEqualTo("**" + prompt + "** - " + user.mention() + " (fast)");
        assertThat(grid.result().path("attachments").get(0).path("filename").asString()).endsWith("_" + grid.hash() + ".png");
        assertThat(grid.result().has("message_reference")).isFalse();
        assertThat(grid.result().toString()).doesNotContain("\"style\":5");
        assertThat(grid.updates().get(0).path("attachments")).hasSize(1);

        SandboxUserSession.JobTrace image = user.followJob(user.press(grid.result(), grid.customId("MJ::JOB::upsample::2::")).accepted());
        String hash = image.hash();
        assertThat(image.start().path("content").asString())
                .isEqualTo("**" + prompt + "** - Image #2 " + user.mention() + " (Waiting to start)");
        assertThat(image.customIds()).contains("MJ::JOB::upsample_v6_2x_subtle::1::" + hash + "::SOLO",
                "MJ::JOB::upsample_v6_2x_creative::1::" + hash + "::SOLO", "MJ::Outpaint::100::1::" + hash + "::SOLO")
                .noneMatch(id -> id.contains("animate"));

        SandboxUserSession.JobTrace upscaled = user.followJob(
                user.press(image.result(), image.customId("MJ::JOB::upsample_v6_2x_creative::")).accepted());
        assertThat(upscaled.content()).isEqualTo("**" + prompt + "** - Upscaled (Creative) by " + user.mention() + " (fast)");

        SandboxUserSession.JobTrace variation = user.followJob(user.press(grid.result(), grid.customId("MJ::JOB::variation::1::")).accepted());
        assertThat(variation.content()).isEqualTo("**" + prompt + "** - Variations by " + user.mention() + " (fast)");
    }

    @Test
    void v52OffersTwoAndFourTimesUpscales() {
        String prompt = "a quiet harbour --v 5.2";
        SandboxUserSession.JobTrace image = user.imagineImage(prompt, 1);
        String hash = image.hash();
        assertThat(image.customIds()).contains("MJ::JOB::upsample_v5_2x::1::" + hash + "::SOLO",
                "MJ::JOB::upsample_v5_4x::1::" + hash + "::SOLO").noneMatch(id -> id.contains("animate"));
        SandboxUserSession.JobTrace upscaled = user.followJob(
                user.press(image.result(), image.customId("MJ::JOB::upsample_v5_4x::")).accepted());
        assertThat(upscaled.content()).isEqualTo("**" + prompt + "** - Upscaled (4x) by " + user.mention() + " (fast)");
        assertThat(upscaled.result().path("attachments").get(0).path("filename").asString()).endsWith(".png");
    }
}
