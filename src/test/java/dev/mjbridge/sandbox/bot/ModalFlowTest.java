package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.awt.Color;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The buttons that open a modal or an iframe first, and what their submit starts. */
class ModalFlowTest {

    private static final String PROMPT = "a robot tending a garden --ar 3:2";

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("modals");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void customZoomOpensModalAndItsSubmitZoomsOut() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 1);
        SandboxUserSession.Sent press = user.press(image.result(), "MJ::CustomZoom::" + image.hash()).accepted();
        JsonNode modal = user.awaitModal(press);
        assertThat(modal.path("custom_id").asString()).isEqualTo("MJ::OutpaintCustomZoomModal::" + image.hash());
        assertThat(modal.path("application").path("id").asString()).isEqualTo(BotApp.MIDJOURNEY.applicationId());
        JsonNode input = modal.path("components").get(0).path("components").get(0);
        assertThat(input.path("type").asInt()).isEqualTo(4);
        assertThat(input.path("custom_id").asString()).isEqualTo("MJ::OutpaintCustomZoomModal::prompt");
        assertThat(input.path("value").asString()).isEqualTo(PROMPT + " --zoom 2");
        assertThat(user.received("INTERACTION_SUCCESS", d -> press.nonce().equals(d.path("nonce").asString(null)))).isEmpty();

        SandboxUserSession.Sent submit = user.submitModal(modal, PROMPT + " --zoom 1.8").accepted();
        SandboxUserSession.JobTrace zoom = user.followJob(submit);
        assertThat(zoom.content()).isEqualTo("**" + PROMPT + " --zoom 1.8** - Zoom Out by " + user.mention() + " "
                + SandboxUserSession.website(zoom.hash()) + " (fast)");
        assertThat(zoom.start().path("nonce").asString()).isEqualTo(submit.nonce());
        assertThat(zoom.result().path("message_reference").path("message_id").asString())
                .isEqualTo(image.result().path("id").asString());
        // A modal is submitted once.
        assertThat(user.submitModal(modal, PROMPT + " --zoom 1.8").response().status()).isEqualTo(404);
    }

    @Test
    void customZoomOutOfRangeIsAnInvalidParameter() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 1);
        JsonNode modal = user.awaitModal(user.press(image.result(), "MJ::CustomZoom::" + image.hash()).accepted());
        SandboxUserSession.Sent submit = user.submitModal(modal, PROMPT + " --zoom 3").accepted();
        JsonNode error = user.awaitEmbed(submit, "Invalid parameter");
        assertThat(error.path("embeds").get(0).path("description").asString()).contains("--zoom");
    }

    @Test
    void modalSubmitMustNameTheOpenModalAndItsInput() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 1);
        JsonNode modal = user.awaitModal(user.press(image.result(), "MJ::CustomZoom::" + image.hash()).accepted());
        String app = BotApp.MIDJOURNEY.applicationId();
        assertThat(user.submitModal(app, "123", modal.path("custom_id").asString(),
                "MJ::OutpaintCustomZoomModal::prompt", "x --zoom 2").response().status()).isEqualTo(404);
        assertThat(user.submitModal(app, modal.path("id").asString(), "MJ::OutpaintCustomZoomModal::other",
                "MJ::OutpaintCustomZoomModal::prompt", "x --zoom 2").response().status()).isEqualTo(400);
        assertThat(user.submitModal(app, modal.path("id").asString(), modal.path("custom_id").asString(),
                "MJ::Wrong::input", "x --zoom 2").response().status()).isEqualTo(400);
        // Still open after the refused attempts.
        user.followJob(user.submitModal(modal, PROMPT + " --zoom 2").accepted());
    }

    @Test
    void remixOnVariationOpensRemixModalAndChangedPromptIsARemix() {
        user.control().updateUser(user.userId, s -> s.withRemix(true));
        SandboxUserSession.JobTrace grid = user.imagineGrid(PROMPT);
        JsonNode modal = user.awaitModal(user.press(grid.result(), "MJ::JOB::variation::2::" + grid.hash()).accepted());
        assertThat(modal.path("custom_id").asString()).isEqualTo("MJ::RemixModal::" + grid.hash() + "::2::1");
        JsonNode input = modal.path("components").get(0).path("components").get(0);
        assertThat(input.path("custom_id").asString()).isEqualTo("MJ::RemixModal::new_prompt");
        assertThat(input.path("value").asString()).isEqualTo(PROMPT);

        SandboxUserSession.JobTrace remix = user.followJob(user.submitModal(modal, "a robot painting a fence --ar 3:2").accepted());
        assertThat(remix.content()).isEqualTo("**a robot painting a fence --ar 3:2** - Remix (Strong) by " + user.mention() + " "
                + SandboxUserSession.website(remix.hash()) + " (fast)");
        assertThat(remix.customIds()).hasSize(9);
    }

    @Test
    void remixOnVarySubtleWithUnchangedPromptIsAPlainVariation() {
        user.control().updateUser(user.userId, s -> s.withRemix(true));
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 3);
        JsonNode modal = user.awaitModal(user.press(image.result(), image.customId("MJ::JOB::low_variation::")).accepted());
        assertThat(modal.path("custom_id").asString()).isEqualTo("MJ::RemixModal::" + image.hash() + "::1::0");
        SandboxUserSession.JobTrace vary = user.followJob(user.submitModal(modal, PROMPT).accepted());
        assertThat(vary.content()).isEqualTo("**" + PROMPT + "** - Variations (Subtle) by " + user.mention() + " "
                + SandboxUserSession.website(vary.hash()) + " (fast)");
    }

    @Test
    void remixOnVaryStrongWithNewPromptIsRemixStrong() {
        user.control().updateUser(user.userId, s -> s.withRemix(true));
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 3);
        JsonNode modal = user.awaitModal(user.press(image.result(), image.customId("MJ::JOB::high_variation::")).accepted());
        assertThat(modal.path("custom_id").asString()).isEqualTo("MJ::RemixModal::" + image.hash() + "::1::1");
        SandboxUserSession.JobTrace remix = user.followJob(user.submitModal(modal, "a robot at sea").accepted());
        assertThat(remix.content()).isEqualTo("**a robot at sea** - Remix (Strong) by " + user.mention() + " "
                + SandboxUserSession.website(remix.hash()) + " (fast)");
    }

    @Test
    void remixOnRerollOpensImagineModal() {
        user.control().updateUser(user.userId, s -> s.withRemix(true));
        SandboxUserSession.JobTrace grid = user.imagineGrid(PROMPT);
        JsonNode modal = user.awaitModal(user.press(grid.result(), grid.customId("MJ::JOB::reroll::")).accepted());
        assertThat(modal.path("custom_id").asString()).isEqualTo("MJ::ImagineModal::" + grid.result().path("id").asString());
        assertThat(modal.path("components").get(0).path("components").get(0).path("custom_id").asString())
                .isEqualTo("MJ::ImagineModal::new_prompt");
        SandboxUserSession.JobTrace reroll = user.followJob(user.submitModal(modal, "a robot in the snow").accepted());
        assertThat(reroll.content()).isEqualTo("**a robot in the snow** - " + user.mention() + " "
                + SandboxUserSession.website(reroll.hash()) + " (fast)");
    }

    @Test
    void remixOnPanOpensPanModal() {
        user.control().updateUser(user.userId, s -> s.withRemix(true));
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 2);
        JsonNode modal = user.awaitModal(user.press(image.result(), image.customId("MJ::JOB::pan_up::")).accepted());
        assertThat(modal.path("custom_id").asString()).isEqualTo("MJ::PanModal::up::" + image.hash() + "::1");
        assertThat(modal.path("components").get(0).path("components").get(0).path("custom_id").asString())
                .isEqualTo("MJ::PanModal::prompt");
        SandboxUserSession.JobTrace pan = user.followJob(user.submitModal(modal, "a robot under clouds").accepted());
        assertThat(pan.content()).isEqualTo("**a robot under clouds** - Pan Up by " + user.mention() + " "
                + SandboxUserSession.website(pan.hash()) + " (fast)");
    }

    @Test
    void varyRegionOpensInpaintIframeAndTheMaskSubmitRunsTheJob() {
        SandboxUserSession.JobTrace image = user.imagineImage(PROMPT, 1);
        SandboxUserSession.Sent press = user.press(image.result(), "MJ::Inpaint::1::" + image.hash() + "::SOLO").accepted();
        JsonNode iframe = user.awaitIframe(press);
        String customId = iframe.path("custom_id").asString();
        assertThat(customId).startsWith("MJ::iframe::");
        assertThat(iframe.path("iframe_path").asString()).startsWith("/inpaint/");
        String token = customId.substring("MJ::iframe::".length());

        assertThat(user.postRoot("/inpaint/api/submit-job", inpaintBody("not-a-token", validMask(), "")).status())
                .isEqualTo(404);
        assertThat(user.postRoot("/inpaint/api/submit-job", inpaintBody(token, "bm90IGFuIGltYWdl", "")).status())
                .isEqualTo(400);
        SandboxUserSession.Response ok = user.postRoot("/inpaint/api/submit-job", inpaintBody(token, validMask(), "a robot with a red hat"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("success").asBoolean()).isTrue();

        SandboxUserSession.JobTrace region = user.followJob(press);
        assertThat(region.content()).isEqualTo("**a robot with a red hat** - Variations (Region) by " + user.mention() + " "
                + SandboxUserSession.website(region.hash()) + " (fast)");
        assertThat(region.result().path("message_reference").path("message_id").asString())
                .isEqualTo(image.result().path("id").asString());
        // The editor's token works once.
        assertThat(user.postRoot("/inpaint/api/submit-job", inpaintBody(token, validMask(), "")).status()).isEqualTo(404);
    }

    @Test
    void captchaOpensIframeAndErrorThenIsCleared() {
        user.control().updateUser(user.userId, s -> s.withCaptchaNext(true));
        SandboxUserSession.Sent sent = user.imagine("a tea house in the rain").accepted();
        JsonNode iframe = user.awaitIframe(sent);
        assertThat(iframe.path("custom_id").asString()).startsWith("MJ::iframe::");
        assertThat(iframe.path("iframe_path").asString()).startsWith("/captcha/");
        JsonNode error = user.awaitEmbed(sent, "Action required to continue");
        assertThat(error.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(user.control().user(user.userId).captchaNext()).isFalse();
        user.followJob(user.imagine("a tea house in the rain").accepted());
    }

    private static ObjectNode inpaintBody(String customId, String mask, String prompt) {
        ObjectNode body = SandboxUserSession.NODES.objectNode();
        body.put("customId", customId);
        body.put("mask", mask);
        body.put("prompt", prompt);
        body.put("userId", "0");
        body.put("username", "0");
        return body;
    }

    private static String validMask() {
        return Base64.getEncoder().encodeToString(TestImages.png(64, 64, Color.WHITE));
    }
}
