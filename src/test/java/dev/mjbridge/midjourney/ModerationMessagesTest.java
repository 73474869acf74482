package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withButtons;
import static dev.mjbridge.midjourney.TestMessages.withEmbed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.JobFailed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The moderation embeds that carry a button (shapes <b>assumed</b>, docs/midjourney.md): the parser
 * keeps the button and the flags needed to press it, and says which moderation it is.
 */
class ModerationMessagesTest extends ParserTestSupport {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void pendingModMessageCarriesItsAcknowledgeButton() {
        ObjectNode message = withButtons(withEmbed(fromBot(""), "Pending mod message",
                "You have a pending message from a moderator.", 15548997), "MJ::Moderation::Acknowledge::" + TOKEN);
        message.put("flags", 64);
        message.put("nonce", "1329000000000000104");

        JobFailed failed = (JobFailed) create(message);

        assertThat(failed.moderation()).isEqualTo(Moderation.PENDING_MOD_MESSAGE);
        assertThat(failed.flags()).isEqualTo(64);
        assertThat(failed.button(CustomId.Kind.ACKNOWLEDGE)).get()
                .extracting(Button::customId).isEqualTo("MJ::Moderation::Acknowledge::" + TOKEN);
        assertThat(failed.button(CustomId.Kind.APPEAL)).isEmpty();
    }

    @Test
    void theAiModeratorsSoftFlagIsAppealable() {
        ObjectNode message = withButtons(withEmbed(fromBot(""),
                "Sorry! Our AI moderator thinks this prompt is probably against our community standards.",
                "Please review our community guidelines. If you think this is a mistake, press Appeal.", 16711680),
                "MJ::Moderation::Appeal::" + TOKEN);

        JobFailed failed = (JobFailed) create(message);

        assertThat(failed.moderation()).isEqualTo(Moderation.PROMPT_FLAGGED);
        assertThat(failed.moderation().blamesAccount()).isFalse();
        assertThat(failed.button(CustomId.Kind.APPEAL)).isPresent();
        assertThat(failed.failReason()).startsWith("[Sorry! Our AI moderator thinks");
    }

    @Test
    void theSoftFlagIsKnownByItsTextWhenTheTitleSaysLittle() {
        JobFailed failed = (JobFailed) create(withEmbed(fromBot(""), null,
                "Sorry! Our AI moderator thinks this prompt is probably against our community standards.", 16711680));

        assertThat(failed.moderation()).isEqualTo(Moderation.PROMPT_FLAGGED);
    }

    @Test
    void aRejectedAppealIsAFailureAboutThePrompt() {
        JobFailed failed = (JobFailed) create(withEmbed(fromBot(""), "Appeal rejected", "The decision stands.", 16711680));

        assertThat(failed.moderation()).isEqualTo(Moderation.APPEAL_REJECTED);
        assertThat(failed.moderation().blamesAccount()).isFalse();
        assertThat(failed.buttons()).isEmpty();
    }

    @Test
    void tosNotAcceptedCarriesItsAcceptButton() {
        JobFailed failed = (JobFailed) create(withButtons(withEmbed(fromBot(""), "Tos not accepted",
                "Please accept the Terms of Service.", 15548997), "MJ::Moderation::AcceptTos::" + TOKEN));

        assertThat(failed.moderation()).isEqualTo(Moderation.TOS_NOT_ACCEPTED);
        assertThat(failed.button(CustomId.Kind.ACCEPT_TOS)).isPresent();
    }

    @Test
    void moderationCustomIds() {
        CustomId appeal = CustomId.parse("MJ::Moderation::Appeal::" + TOKEN);
        assertThat(appeal.kind()).isEqualTo(CustomId.Kind.APPEAL);
        assertThat(appeal.startsJob()).isTrue();
        assertThat(appeal.action()).isEqualTo(JobKind.IMAGINE);
        assertThat(appeal.variant()).isEqualTo(TOKEN);
        assertThat(appeal.isModal()).isFalse();
        CustomId acknowledge = CustomId.parse("MJ::Moderation::Acknowledge::" + TOKEN);
        assertThat(acknowledge.kind()).isEqualTo(CustomId.Kind.ACKNOWLEDGE);
        assertThat(acknowledge.startsJob()).isFalse();
        assertThat(CustomId.parse("MJ::Moderation::AcceptTos::" + TOKEN).kind()).isEqualTo(CustomId.Kind.ACCEPT_TOS);
        assertThat(CustomId.parse("MJ::Moderation::Whatever::" + TOKEN).kind()).isEqualTo(CustomId.Kind.UNKNOWN);
    }
}
