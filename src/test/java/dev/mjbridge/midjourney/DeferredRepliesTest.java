package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withEmbed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.BotReply;
import dev.mjbridge.midjourney.MjEvent.InfoResult;
import dev.mjbridge.midjourney.MjEvent.ReplyDeferred;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * /info, /settings, /fast and /relax answers, deferred (an empty "thinking" message with our nonce,
 * then a MESSAGE_UPDATE of it with the answer and no nonce) and direct (one message with nonce).
 */
class DeferredRepliesTest extends ParserTestSupport {

    private static final String NONCE = "1329000000000000777";
    private static final String INTERACTION = "1200000000000000955";
    private static final String MESSAGE = "1200000000000000600";

    /** The placeholder: empty content, flags 192 (ephemeral | loading), nonce and interaction. */
    private static ObjectNode thinking(String command) {
        ObjectNode message = fromBot("");
        message.put("id", MESSAGE).put("flags", 192).put("type", 20).put("nonce", NONCE);
        message.putObject("interaction").put("id", INTERACTION).put("type", 2).put("name", command);
        message.putObject("interaction_metadata").put("id", INTERACTION).put("type", 2);
        ((ArrayNode) message.path("mentions")).removeAll();
        return message;
    }

    /** The later edit of the placeholder: same id and interaction, no nonce, flags 64. */
    private static ObjectNode answer(String command, String content) {
        ObjectNode message = thinking(command);
        message.remove("nonce");
        message.put("flags", 64).put("content", content);
        return message;
    }

    @Test
    void thinkingMessageIsADeferredReplyCarryingOurNonce() {
        ReplyDeferred deferred = (ReplyDeferred) create(thinking("info"));

        assertThat(deferred.commandName()).isEqualTo("info");
        assertThat(deferred.correlation().nonce()).isEqualTo(NONCE);
        assertThat(deferred.correlation().interactionId()).isEqualTo(INTERACTION);
        assertThat(deferred.correlation().messageId()).isEqualTo(MESSAGE);
    }

    @Test
    void infoUpdateIsTheInfoResultOfThatInteraction() {
        ObjectNode update = withEmbed(answer("info", ""), "Your info - operator",
                "**Subscription**: Standard (Active monthly)\n**Job Mode**: Fast\n**Fast Time Remaining**: 14.2/15.0 hours",
                null);

        InfoResult info = (InfoResult) parser.parse("MESSAGE_UPDATE", update).orElseThrow();

        assertThat(info.correlation().interactionId()).isEqualTo(INTERACTION);
        assertThat(info.correlation().nonce()).isNull();
        assertThat(info.correlation().messageId()).isEqualTo(MESSAGE);
        assertThat(info.fields()).containsEntry("Job Mode", "Fast").containsEntry("Fast Time Remaining", "14.2/15.0 hours");
    }

    @Test
    void infoUpdateWithAnEmbedOfAnotherWordingIsStillInfoBecauseOfTheCommand() {
        ObjectNode update = withEmbed(answer("info", ""), "Account", "**Mode**: Relax", null);

        assertThat(parser.parse("MESSAGE_UPDATE", update).orElseThrow()).isInstanceOf(InfoResult.class);
    }

    @Test
    void settingsUpdateIsABotReplyWithItsButtons() {
        ObjectNode update = answer("settings", "Adjust your settings here. Current suffix:  `--v 7`");
        TestMessages.withButtons(update, "MJ::Settings::RemixMode", "MJ::Settings::FastMode");

        BotReply reply = (BotReply) parser.parse("MESSAGE_UPDATE", update).orElseThrow();

        assertThat(reply.correlation().interactionId()).isEqualTo(INTERACTION);
        assertThat(reply.content()).startsWith("Adjust your settings here.");
        assertThat(reply.buttons()).extracting(Button::customId)
                .containsExactly("MJ::Settings::RemixMode", "MJ::Settings::FastMode");
    }

    @Test
    void fastAndRelaxUpdatesAreBotReplies() {
        BotReply fast = (BotReply) parser.parse("MESSAGE_UPDATE",
                answer("fast", "Done! Your jobs now use fast GPU time.")).orElseThrow();
        BotReply relax = (BotReply) parser.parse("MESSAGE_UPDATE",
                answer("relax", "Done! Your jobs now do not cost fast-hours, but take longer.")).orElseThrow();

        assertThat(fast.correlation().interactionId()).isEqualTo(INTERACTION);
        assertThat(fast.content()).startsWith("Done!");
        assertThat(relax.content()).contains("do not cost fast-hours");
    }

    @Test
    void directInfoAnswerWithNonceIsInfoToo() {
        ObjectNode direct = withEmbed(answer("info", ""), "Your info - operator", "**Job Mode**: Relaxed", null);
        direct.put("nonce", NONCE);

        InfoResult info = (InfoResult) create(direct);

        assertThat(info.correlation().nonce()).isEqualTo(NONCE);
        assertThat(info.fields()).containsEntry("Job Mode", "Relaxed");
    }

    @Test
    void directFastAnswerWithNonceIsABotReply() {
        ObjectNode direct = answer("fast", "Done! Your jobs now use fast GPU time.");
        direct.put("nonce", NONCE);

        BotReply reply = (BotReply) create(direct);

        assertThat(reply.correlation().nonce()).isEqualTo(NONCE);
        assertThat(reply.content()).startsWith("Done!");
    }

    @Test
    void anAnswerOfButtonsOnlyIsABotReplyNotAPlaceholder() {
        ObjectNode buttonsOnly = answer("settings", "");
        TestMessages.withButtons(buttonsOnly, "MJ::Settings::RemixMode");

        assertThat(parser.parse("MESSAGE_UPDATE", buttonsOnly).orElseThrow()).isInstanceOf(BotReply.class);
    }

    @Test
    void thinkingMessageOfAnInteractionWithoutTheLoadingFlagIsDeferredToo() {
        ObjectNode placeholder = thinking("settings");
        placeholder.put("flags", 64);

        assertThat(create(placeholder)).isInstanceOf(ReplyDeferred.class);
    }
}
