package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.CHANNEL;
import static dev.mjbridge.midjourney.TestMessages.HASH;
import static dev.mjbridge.midjourney.TestMessages.JSON;
import static dev.mjbridge.midjourney.TestMessages.USER;
import static dev.mjbridge.midjourney.TestMessages.from;
import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withAttachment;
import static dev.mjbridge.midjourney.TestMessages.withEmbed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.BotReply;
import dev.mjbridge.midjourney.MjEvent.JobProgress;
import dev.mjbridge.midjourney.MjEvent.JobStarted;
import dev.mjbridge.midjourney.MjEvent.ProgressDeleted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Start, progress, deletion and the messages that are not about jobs. */
class MessageParserLifecycleTest extends ParserTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (0%) (fast)            | 0   | fast
            (31%) (fast)           | 31  | fast
            (31%) (relaxed)        | 31  | relaxed
            (62%) (turbo)          | 62  | turbo
            (93%) (fast, stealth)  | 93  | fast, stealth
            (100%) (fast)          | 100 | fast
            (15%) (paused)         | 15  | paused
            (15%)                  | 15  |
            """)
    void progress(String tail, int percent, String mode) {
        ObjectNode message = withAttachment(fromBot("**a cat** - " + U + " " + tail), HASH + "_grid_0.webp", 256, 256);

        JobProgress progress = (JobProgress) parser.parse("MESSAGE_UPDATE", message).orElseThrow();

        assertThat(progress.percent()).isEqualTo(percent);
        assertThat(progress.mode()).isEqualTo(mode);
        assertThat(progress.previewUrl()).endsWith(HASH + "_grid_0.webp");
        assertThat(progress.correlation().jobHash()).isEqualTo(HASH);
    }

    @Test
    void stoppedJobIsItsOwnEvent() {
        MjEvent stopped = parser.parse("MESSAGE_UPDATE", fromBot("**a cat** - " + U + " (Stopped)")).orElseThrow();

        assertThat(stopped).isInstanceOf(MjEvent.JobStopped.class);
        assertThat(((MjEvent.JobStopped) stopped).correlation().prompt()).isEqualTo("a cat");
    }

    @Test
    void previewWithoutPercentIsStillProgress() {
        ObjectNode message = withAttachment(fromBot("**a cat** - " + U + " (paused)"), HASH + "_grid_0.webp", 256, 256);

        JobProgress progress = (JobProgress) create(message);

        assertThat(progress.percent()).isEqualTo(JobProgress.UNKNOWN_PERCENT);
        assertThat(progress.mode()).isEqualTo("paused");
    }

    @Test
    void oldStyleWaitingTexts() {
        JobStarted variations = (JobStarted) create(fromBot(
                "Making variations for image #1 with prompt **a cat** - " + U + " (Waiting to start)"));
        JobStarted upscale = (JobStarted) create(fromBot(
                "Upscaling image #2 with **a cat** - " + U + " (Waiting to start)"));

        assertThat(variations.kindHint()).isEqualTo(JobKind.VARIATION);
        assertThat(variations.index()).isEqualTo(1);
        assertThat(variations.correlation().prompt()).isEqualTo("a cat");
        assertThat(upscale.kindHint()).isEqualTo(JobKind.UPSCALE);
        assertThat(upscale.index()).isEqualTo(2);
        assertThat(upscale.correlation().prompt()).isEqualTo("a cat");
    }

    @Test
    void describeStartMessageWithOurNonceStartsTheJob() {
        ObjectNode message = fromBot("");
        message.put("nonce", "88");
        message.putObject("interaction").put("id", "901").put("name", "describe");
        withEmbed(message, null, null, null);
        ((ObjectNode) message.path("embeds").path(0)).putObject("image").put("url", "https://cdn/x.png");

        JobStarted started = (JobStarted) create(message);

        assertThat(started.kindHint()).isEqualTo(JobKind.DESCRIBE);
        assertThat(started.correlation().nonce()).isEqualTo("88");
    }

    @Test
    void messageDeleteNamesTheMessage() {
        ProgressDeleted deleted = (ProgressDeleted) parse("MESSAGE_DELETE",
                "{\"id\":\"1200000000000000101\",\"channel_id\":\"" + CHANNEL + "\",\"guild_id\":\"1\"}").orElseThrow();

        assertThat(deleted.messageId()).isEqualTo("1200000000000000101");
        assertThat(deleted.correlation().messageId()).isEqualTo("1200000000000000101");
        assertThat(deleted.correlation().channelId()).isEqualTo(CHANNEL);
    }

    @Test
    void otherBotRepliesToOurInteractionsAreReported() {
        ObjectNode message = fromBot("You are now in fast mode.");
        message.put("nonce", "42");

        BotReply reply = (BotReply) create(message);

        assertThat(reply.content()).isEqualTo("You are now in fast mode.");
        assertThat(reply.correlation().nonce()).isEqualTo("42");
    }

    @Test
    void botMessagesUnrelatedToAnyInteractionAreIgnored() {
        assertThat(parser.parse("MESSAGE_CREATE", fromBot("Welcome to Midjourney!"))).isEmpty();
    }

    @Test
    void messagesOfOtherUsersAreIgnored() {
        ObjectNode message = withAttachment(from(USER, "**a cat** - " + U + " (fast)"), PNG, 512, 512);
        message.put("nonce", "1");

        assertThat(parser.parse("MESSAGE_CREATE", message)).isEmpty();
    }

    @Test
    void wholeGatewayFrames() {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("op", 0);
        frame.put("t", "MESSAGE_CREATE");
        frame.put("s", 12);
        frame.set("d", fromBot("**a cat** - " + U + " (Waiting to start)"));

        assertThat(parser.parseFrame(frame)).containsInstanceOf(JobStarted.class);
        frame.put("op", 11);
        assertThat(parser.parseFrame(frame)).isEmpty();
    }

    @Test
    void unknownDispatchTypesAreIgnored() {
        assertThat(parser.parse("TYPING_START", fromBot("**a cat** - " + U + " (Waiting to start)"))).isEmpty();
        assertThat(parser.parse(null, fromBot("**a cat** - " + U + " (Waiting to start)"))).isEmpty();
    }
}
