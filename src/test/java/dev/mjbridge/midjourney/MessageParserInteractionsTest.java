package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.HASH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.InteractionFailed;
import dev.mjbridge.midjourney.MjEvent.InteractionSucceeded;
import dev.mjbridge.midjourney.MjEvent.ModalOpened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** INTERACTION_* dispatches and modals. */
class MessageParserInteractionsTest extends ParserTestSupport {

    @Test
    void remixModal() {
        ModalOpened modal = (ModalOpened) parse("INTERACTION_MODAL_CREATE", """
                {"id":"1200000000000000999","nonce":"1329000000000000200","channel_id":"2",
                 "custom_id":"MJ::RemixModal::%s::1::1","title":"Remix Prompt",
                 "application":{"id":"936929561302675456"},
                 "components":[{"type":1,"components":[{"type":4,"custom_id":"MJ::RemixModal::new_prompt",
                    "label":"New Prompt for Image #1","style":2,"value":"a cat --ar 3:2"}]}]}
                """.formatted(HASH)).orElseThrow();

        assertThat(modal.interactionId()).isEqualTo("1200000000000000999");
        assertThat(modal.customId()).isEqualTo("MJ::RemixModal::" + HASH + "::1::1");
        assertThat(modal.title()).isEqualTo("Remix Prompt");
        assertThat(modal.inputs()).containsExactly(
                new TextInput("MJ::RemixModal::new_prompt", "New Prompt for Image #1", "a cat --ar 3:2"));
        assertThat(modal.iframe()).isFalse();
        assertThat(modal.captcha()).isFalse();
        assertThat(modal.parsedCustomId().kind()).isEqualTo(CustomId.Kind.REMIX_MODAL);
        assertThat(modal.correlation().nonce()).isEqualTo("1329000000000000200");
        assertThat(modal.correlation().jobHash()).isEqualTo(HASH);
        assertThat(modal.correlation().botType()).isEqualTo(BotType.MID_JOURNEY);
    }

    @Test
    void customZoomModal() {
        ModalOpened modal = (ModalOpened) parse("INTERACTION_MODAL_CREATE", """
                {"id":"9","nonce":"3","custom_id":"MJ::OutpaintCustomZoomModal::%s","title":"Zoom Out",
                 "components":[{"type":1,"components":[{"type":4,"custom_id":"MJ::OutpaintCustomZoomModal::prompt",
                    "label":"Zoom Out Prompt","value":"a cat --zoom 2"}]}]}
                """.formatted(HASH)).orElseThrow();

        assertThat(modal.inputs()).extracting(TextInput::customId).containsExactly("MJ::OutpaintCustomZoomModal::prompt");
        assertThat(modal.correlation().jobHash()).isEqualTo(HASH);
    }

    @Test
    void iframeModalForInpaint() {
        ModalOpened modal = (ModalOpened) parse("INTERACTION_IFRAME_MODAL_CREATE", """
                {"id":"1200000000000000998","nonce":"1329000000000000201","custom_id":"MJ::iframe::abcDEF123",
                 "iframe_path":"/inpaint/index.html?custom_id=abcDEF123","title":"Vary Region",
                 "application":{"id":"936929561302675456"}}
                """).orElseThrow();

        assertThat(modal.iframe()).isTrue();
        assertThat(modal.captcha()).isFalse();
        assertThat(modal.inputs()).isEmpty();
        assertThat(modal.parsedCustomId().variant()).isEqualTo("abcDEF123");
        assertThat(modal.iframePath()).startsWith("/inpaint/");
    }

    @Test
    void iframeModalForCaptcha() {
        ModalOpened modal = (ModalOpened) parse("INTERACTION_IFRAME_MODAL_CREATE", """
                {"id":"1","nonce":"2","custom_id":"MJ::iframe::captcha-token","iframe_path":"/captcha/index.html?token=x"}
                """).orElseThrow();

        assertThat(modal.captcha()).isTrue();
    }

    @Test
    void modalsOfOtherApplicationsAreIgnored() {
        assertThat(parse("INTERACTION_MODAL_CREATE", """
                {"id":"1","nonce":"2","custom_id":"poll","application":{"id":"123"},"components":[]}
                """)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERACTION_SUCCESS", "INTERACTION_CREATE"})
    void interactionAccepted(String type) {
        InteractionSucceeded ok = (InteractionSucceeded) parse(type, "{\"id\":\"901\",\"nonce\":\"1329\"}").orElseThrow();

        assertThat(ok.interactionId()).isEqualTo("901");
        assertThat(ok.nonce()).isEqualTo("1329");
        assertThat(ok.correlation().nonce()).isEqualTo("1329");
        assertThat(ok.correlation().interactionId()).isEqualTo("901");
    }

    @Test
    void interactionFailure() {
        InteractionFailed failed = (InteractionFailed) parse("INTERACTION_FAILURE",
                "{\"id\":\"901\",\"nonce\":\"1329\",\"reason_code\":4}").orElseThrow();

        assertThat(failed.reason()).isEqualTo("4");
        assertThat(failed.nonce()).isEqualTo("1329");
    }

    @Test
    void numericNoncesAreReadAsText() {
        InteractionSucceeded ok = (InteractionSucceeded) parse("INTERACTION_SUCCESS",
                "{\"id\":901,\"nonce\":1329}").orElseThrow();

        assertThat(ok.nonce()).isEqualTo("1329");
        assertThat(ok.interactionId()).isEqualTo("901");
    }
}
