package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.HASH;
import static dev.mjbridge.midjourney.TestMessages.NIJI_BOT;
import static dev.mjbridge.midjourney.TestMessages.USER;
import static dev.mjbridge.midjourney.TestMessages.from;
import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withAttachment;
import static dev.mjbridge.midjourney.TestMessages.withButtons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.JobFinished;
import dev.mjbridge.midjourney.MjEvent.JobStarted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Finished jobs of every kind. */
class MessageParserResultsTest extends ParserTestSupport {

    @Test
    void upscaleOfOneImage() {
        JobFinished upscale = finished("**a cat** - Image #2 " + U);

        assertThat(upscale.resultKind()).isEqualTo(JobKind.UPSCALE);
        assertThat(upscale.index()).isEqualTo(2);
        assertThat(upscale.resultLabel()).isEqualTo("Image #2");
        assertThat(upscale.correlation().prompt()).isEqualTo("a cat");
        assertThat(upscale.correlation().mentionedUserId()).isEqualTo(USER);
        assertThat(upscale.jobHash()).isEqualTo(HASH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Upscaled (Subtle) by     | UPSCALE   | Upscaled (Subtle)
            Upscaled (Creative) by   | UPSCALE   | Upscaled (Creative)
            Upscaled (2x) by         | UPSCALE   | Upscaled (2x)
            Variations (Strong) by   | VARIATION | Variations (Strong)
            Variations (Subtle) by   | VARIATION | Variations (Subtle)
            Variations (Region) by   | VARIATION | Variations (Region)
            Variations by            | VARIATION | Variations
            Remix (Strong) by        | VARIATION | Remix (Strong)
            Remix (Subtle) by        | VARIATION | Remix (Subtle)
            Zoom Out by              | ZOOM      | Zoom Out
            Pan Left by              | PAN       | Pan Left
            Pan Right by             | PAN       | Pan Right
            Pan Up by                | PAN       | Pan Up
            Pan Down by              | PAN       | Pan Down
            """)
    void resultsOfButtons(String words, JobKind kind, String label) {
        JobFinished result = finished("**a cat --ar 3:2** - " + words + " " + U + " (fast)");

        assertThat(result.resultKind()).isEqualTo(kind);
        assertThat(result.resultLabel()).isEqualTo(label);
        assertThat(result.mode()).isEqualTo("fast");
        assertThat(result.correlation().prompt()).isEqualTo("a cat --ar 3:2");
        assertThat(result.correlation().mentionedUserId()).isEqualTo(USER);
    }

    @Test
    void blendIsAPromptOfLinksOnly() {
        JobFinished blend = finished("**<https://s.mj.run/a> <https://s.mj.run/b> --ar 1:1** - " + U + " (fast)");

        assertThat(blend.resultKind()).isEqualTo(JobKind.BLEND);
        assertThat(blend.correlation().prompt()).isEqualTo("<https://s.mj.run/a> <https://s.mj.run/b> --ar 1:1");
    }

    @Test
    void anImagePromptWithTextIsAnImagine() {
        JobFinished imagine = finished("**<https://s.mj.run/a> a cat --ar 1:1** - " + U + " (relaxed)");

        assertThat(imagine.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(imagine.mode()).isEqualTo("relaxed");
    }

    @Test
    void promptsMayContainBoldMarkersAndBrackets() {
        JobFinished result = finished("**a **bold** cat (31%) - fine** - " + U + " (fast)");

        assertThat(result.correlation().prompt()).isEqualTo("a **bold** cat (31%) - fine");
        assertThat(result.resultKind()).isEqualTo(JobKind.IMAGINE);
    }

    @Test
    void ephemeralResultsKeepTheirFlags() {
        ObjectNode message = withAttachment(fromBot("**a cat** - " + U + " (fast)"), PNG, 512, 512);
        message.put("flags", 64);

        assertThat(((JobFinished) create(message)).flags()).isEqualTo(64);
    }

    @Test
    void jobHashFallsBackToTheButtonsWhenTheFilenameHasNone() {
        ObjectNode message = withAttachment(fromBot("**a cat** - " + U + " (fast)"), "grid.png", 512, 512);
        withButtons(message, "MJ::JOB::upsample::1::" + HASH);

        assertThat(((JobFinished) create(message)).jobHash()).isEqualTo(HASH);
    }

    @Test
    void buttonInteractionsPointAtThePressedMessage() {
        ObjectNode message = fromBot("**a cat** - Variations (Strong) by " + U + " (Waiting to start)");
        message.put("nonce", "77");
        message.putObject("interaction_metadata").put("id", "900").put("interacted_message_id", "102");

        JobStarted started = (JobStarted) create(message);

        assertThat(started.kindHint()).isEqualTo(JobKind.VARIATION);
        assertThat(started.correlation().referencedMessageId()).isEqualTo("102");
        assertThat(started.correlation().interactionId()).isEqualTo("900");
        assertThat(started.correlation().nonce()).isEqualTo("77");
    }

    @Test
    void nijiMessagesAreParsedAsNiji() {
        ObjectNode message = withAttachment(from(NIJI_BOT, "**a cat --niji 6** - " + U + " (fast)"), PNG, 512, 512);

        JobFinished finished = (JobFinished) create(message);

        assertThat(finished.correlation().botType()).isEqualTo(BotType.NIJI_JOURNEY);
    }

    @Test
    void theApplicationIdAlsoIdentifiesTheBot() {
        ObjectNode message = withAttachment(from("55", "**a cat** - " + U + " (fast)"), PNG, 512, 512);
        message.put("application_id", MidjourneyCommands.MIDJOURNEY_APPLICATION_ID);

        assertThat(create(message)).isInstanceOf(JobFinished.class);
    }
}
