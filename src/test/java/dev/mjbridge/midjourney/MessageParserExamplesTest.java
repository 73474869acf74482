package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.JobFailed;
import dev.mjbridge.midjourney.MjEvent.JobFinished;
import dev.mjbridge.midjourney.MjEvent.JobProgress;
import dev.mjbridge.midjourney.MjEvent.JobQueued;
import dev.mjbridge.midjourney.MjEvent.JobStarted;
import org.junit.jupiter.api.Test;

/** The hand-written examples of one job's life in src/test/resources/discord (see the README there). */
class MessageParserExamplesTest {

    private static final String GRID_HASH = "3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
    private static final String UPSCALE_HASH = "a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d";
    private static final String PROMPT = "an owl on a pine branch --ar 2:3";

    private final MessageParser parser = new MessageParser();

    private MjEvent parse(String dispatch, String file) {
        return parser.parse(dispatch, resource(file)).orElseThrow();
    }

    @Test
    void waitingMessageStartsTheJobAndCarriesOurNonce() {
        MjEvent event = parse("MESSAGE_CREATE", "01-waiting.json");

        assertThat(event).isInstanceOf(JobStarted.class);
        JobStarted started = (JobStarted) event;
        assertThat(started.kindHint()).isEqualTo(JobKind.IMAGINE);
        assertThat(started.correlation()).isEqualTo(new Correlation("1329000000000000101", "1200000000000000901",
                "1200000000000000101", null, null, PROMPT, "1200000000000000042", "1200000000000000002",
                "1200000000000000001", BotType.MID_JOURNEY));
    }

    @Test
    void progressUpdateCarriesPercentModePreviewAndHash() {
        JobProgress progress = (JobProgress) parse("MESSAGE_UPDATE", "02-progress.json");

        assertThat(progress.percent()).isEqualTo(46);
        assertThat(progress.mode()).isEqualTo("fast");
        assertThat(progress.previewUrl()).contains(GRID_HASH + "_grid_0.webp");
        assertThat(progress.correlation().jobHash()).isEqualTo(GRID_HASH);
        assertThat(progress.correlation().interactionId()).isEqualTo("1200000000000000901");
        assertThat(progress.correlation().messageId()).isEqualTo("1200000000000000101");
        assertThat(progress.correlation().nonce()).isNull();
        assertThat(progress.correlation().prompt()).isEqualTo(PROMPT);
    }

    @Test
    void finalGridHasImageHashAndNineButtons() {
        JobFinished finished = (JobFinished) parse("MESSAGE_CREATE", "03-final-grid.json");

        assertThat(finished.resultKind()).isEqualTo(JobKind.IMAGINE);
        assertThat(finished.resultLabel()).isEmpty();
        assertThat(finished.messageId()).isEqualTo("1200000000000000102");
        assertThat(finished.jobHash()).isEqualTo(GRID_HASH);
        assertThat(finished.filename()).isEqualTo("operator_an_owl_on_a_pine_branch_" + GRID_HASH + ".png");
        assertThat(finished.imageUrl()).startsWith("https://cdn.discordapp.com/attachments/").contains(GRID_HASH + ".png?ex=");
        assertThat(finished.proxyUrl()).startsWith("https://media.discordapp.net/");
        assertThat(finished.width()).isEqualTo(1792);
        assertThat(finished.height()).isEqualTo(2688);
        assertThat(finished.flags()).isZero();
        assertThat(finished.mode()).isEqualTo("fast");
        assertThat(finished.correlation().nonce()).isNull();
        assertThat(finished.correlation().prompt()).isEqualTo(PROMPT);
        assertThat(finished.correlation().mentionedUserId()).isEqualTo("1200000000000000042");
        assertThat(finished.buttons()).extracting(Button::label)
                .containsExactly("U1", "U2", "U3", "U4", "", "V1", "V2", "V3", "V4");
        assertThat(finished.buttons().get(4)).isEqualTo(new Button(
                "MJ::JOB::reroll::0::" + GRID_HASH + "::SOLO", "🔄", "", 2, 2));
        assertThat(finished.buttons()).allSatisfy(button ->
                assertThat(button.parsedCustomId().jobHash()).isEqualTo(GRID_HASH));
    }

    @Test
    void upscaleRepliesToTheGridWithItsOwnButtons() {
        JobFinished upscale = (JobFinished) parse("MESSAGE_CREATE", "04-upscale.json");

        assertThat(upscale.resultKind()).isEqualTo(JobKind.UPSCALE);
        assertThat(upscale.resultLabel()).isEqualTo("Image #3");
        assertThat(upscale.index()).isEqualTo(3);
        assertThat(upscale.jobHash()).isEqualTo(UPSCALE_HASH);
        assertThat(upscale.correlation().referencedMessageId()).isEqualTo("1200000000000000102");
        assertThat(upscale.mode()).isNull();
        // The "Web" link button has no custom id and cannot be pressed.
        assertThat(upscale.buttons()).hasSize(14);
        assertThat(upscale.buttons()).extracting(Button::customId).contains(
                "MJ::JOB::upsample_v7_2x_subtle::1::" + UPSCALE_HASH + "::SOLO",
                "MJ::Inpaint::1::" + UPSCALE_HASH + "::SOLO",
                "MJ::CustomZoom::" + UPSCALE_HASH,
                "MJ::BOOKMARK::" + UPSCALE_HASH);
        assertThat(upscale.buttons()).filteredOn(b -> b.customId().contains("pan_left")).singleElement()
                .extracting(Button::emoji).isEqualTo("⬅️");
    }

    @Test
    void ephemeralErrorEmbedFails() {
        JobFailed failed = (JobFailed) parse("MESSAGE_CREATE", "05-error.json");

        assertThat(failed.title()).isEqualTo("Invalid parameter");
        assertThat(failed.description()).isEqualTo("Unrecognized parameter(s): `--foo`");
        assertThat(failed.color()).isEqualTo(16711680);
        assertThat(failed.moderation()).isEqualTo(Moderation.INVALID_PARAMETER);
        assertThat(failed.failReason()).isEqualTo("[Invalid parameter] Unrecognized parameter(s): `--foo`");
        assertThat(failed.correlation().nonce()).isEqualTo("1329000000000000104");
        assertThat(failed.correlation().interactionId()).isEqualTo("1200000000000000904");
    }

    @Test
    void jobQueuedIsNotAnError() {
        MjEvent event = parse("MESSAGE_CREATE", "06-job-queued.json");

        assertThat(event).isInstanceOf(JobQueued.class);
        JobQueued queued = (JobQueued) event;
        assertThat(queued.title()).isEqualTo("Job queued");
        assertThat(queued.description()).startsWith("You have three running jobs");
        assertThat(queued.correlation().nonce()).isEqualTo("1329000000000000105");
    }
}
