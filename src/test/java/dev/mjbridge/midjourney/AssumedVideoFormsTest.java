package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withAttachment;
import static dev.mjbridge.midjourney.TestMessages.withButtons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.JobFinished;
import dev.mjbridge.midjourney.MjEvent.JobStarted;
import dev.mjbridge.midjourney.MjEvent.JobStopped;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * NOT CAPTURED: hand-made messages in the forms the team ASSUMED for what no capture shows yet (the
 * start and result of a video upscale, a video from a prompt, a stopped video). When real captures
 * arrive, replace these with them.
 */
class AssumedVideoFormsTest extends ParserTestSupport {

    private static final String VIDEO = "df062413-0408-4703-8863-42ec7038c1d6";
    private static final String CLIP = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    private static final String PROMPT = "a lighthouse --motion high --video 1 --aspect 1:1";

    @Test
    void videoUpscaleStartIsEphemeralWithCancelJob() {
        ObjectNode message = fromBot("Upscaling video #3 with **" + PROMPT + "** - " + U + " (Waiting to start)");
        message.put("flags", 64).put("type", 19);
        message.putObject("message_reference").put("message_id", "1511317802265346068");
        withButtons(message, "MJ::CancelJob::ByJobid::" + CLIP);

        JobStarted started = (JobStarted) create(message);

        assertThat(started.kindHint()).isEqualTo(JobKind.VIDEO_UPSCALE);
        assertThat(started.index()).isEqualTo(3);
        assertThat(started.correlation().prompt()).isEqualTo(PROMPT);
        assertThat(started.correlation().jobHash()).isEqualTo(CLIP);
        assertThat(started.correlation().referencedMessageId()).isEqualTo("1511317802265346068");
        assertThat(started.buttons()).extracting(Button::customId).containsExactly("MJ::CancelJob::ByJobid::" + CLIP);
    }

    @Test
    void videoUpscaleResultIsOneMp4() {
        ObjectNode message = withAttachment(fromBot("**" + PROMPT + "** - Video #3 " + U),
                "operator_a_lighthouse_" + CLIP + ".mp4", 1024, 1024);
        ((ObjectNode) message.path("attachments").get(0)).put("content_type", "video/mp4");
        message.putObject("message_reference").put("message_id", "1511317802265346068");

        JobFinished clip = (JobFinished) create(message);

        assertThat(clip.resultKind()).isEqualTo(JobKind.VIDEO_UPSCALE);
        assertThat(clip.index()).isEqualTo(3);
        assertThat(clip.resultLabel()).isEqualTo("Video #3");
        assertThat(clip.jobHash()).isEqualTo(CLIP);
        assertThat(clip.filename()).endsWith(CLIP + ".mp4");
        assertThat(clip.buttons()).isEmpty();
        assertThat(clip.correlation().referencedMessageId()).isEqualTo("1511317802265346068");
    }

    @Test
    void videoFromAPromptFinishesAsAVideoEvenBeforeItsButtonsAreKnown() {
        ObjectNode message = withAttachment(fromBot("**https://s.mj.run/x " + PROMPT + "** - " + U + " (fast)"),
                "operator_a_lighthouse_" + VIDEO + ".webp", 640, 640);

        assertThat(((JobFinished) create(message)).resultKind()).isEqualTo(JobKind.VIDEO);
    }

    @Test
    void videoFromAPromptStartsAsAVideo() {
        ObjectNode message = fromBot("**https://s.mj.run/x " + PROMPT + "** - " + U + " (Waiting to start)");
        message.put("nonce", "1329000000000000111");
        message.putObject("interaction").put("id", "1200000000000000999").put("name", "imagine");

        JobStarted started = (JobStarted) create(message);

        assertThat(started.kindHint()).isEqualTo(JobKind.VIDEO);
        assertThat(started.correlation().nonce()).isEqualTo("1329000000000000111");
    }

    @Test
    void stoppedVideoIsStoppedNotProgress() {
        MjEvent stopped = parser.parse("MESSAGE_UPDATE", fromBot("**" + PROMPT + "** - " + U + " (Stopped)")).orElseThrow();

        assertThat(stopped).isInstanceOf(JobStopped.class);
        assertThat(stopped.correlation().prompt()).isEqualTo(PROMPT);
    }
}
