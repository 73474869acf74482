package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withEmbed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.JobFailed;
import dev.mjbridge.midjourney.MjEvent.JobQueued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Error and moderation messages. */
class MessageParserErrorsTest extends ParserTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Invalid prompt                           | INVALID_PARAMETER
            Invalid parameter                        | INVALID_PARAMETER
            Banned prompt detected                   | BANNED_PROMPT
            Invalid link                             | INVALID_PARAMETER
            Request cancelled due to output filters  | OUTPUT_FILTERED
            Queue full                               | QUEUE_FULL
            Credits exhausted                        | CREDITS_EXHAUSTED
            Pending mod message                      | PENDING_MOD_MESSAGE
            Blocked                                  | BLOCKED
            Subscription required                    | SUBSCRIPTION_REQUIRED
            Subscription paused                      | SUBSCRIPTION_PAUSED
            Plan Cancelled                           | PLAN_CANCELLED
            Action needed to continue                | CAPTCHA
            Action required to continue              | CAPTCHA
            Tos not accepted                         | TOS_NOT_ACCEPTED
            Slow down!                               | SLOW_DOWN
            Duplicate images detected                | DUPLICATE_IMAGES
            Something new went wrong                 | OTHER
            """)
    void everyErrorTitle(String title, Moderation moderation) {
        ObjectNode message = withEmbed(fromBot(""), title, "Details for " + title + ".", 16711680);
        message.put("flags", 64);
        message.put("nonce", "1329000000000000104");

        JobFailed failed = (JobFailed) create(message);

        assertThat(failed.title()).isEqualTo(title);
        assertThat(failed.moderation()).isEqualTo(moderation);
        assertThat(failed.failReason()).isEqualTo("[" + title + "] Details for " + title + ".");
        assertThat(failed.correlation().nonce()).isEqualTo("1329000000000000104");
    }

    @ParameterizedTest
    @ValueSource(ints = {15548997, 16711680})
    void redEmbedsOfBothShadesAreErrors(int color) {
        JobFailed failed = (JobFailed) create(withEmbed(fromBot(""), "Unheard of", "text", color));

        assertThat(failed.moderation()).isEqualTo(Moderation.OTHER);
        assertThat(failed.color()).isEqualTo(color);
    }

    @Test
    void knownTitlesFailEvenWithoutColour() {
        JobFailed failed = (JobFailed) create(withEmbed(fromBot(""), "Banned prompt detected", "Sorry!", null));

        assertThat(failed.moderation()).isEqualTo(Moderation.BANNED_PROMPT);
        assertThat(failed.color()).isNull();
    }

    @Test
    void queueFullIsRecognisedByItsText() {
        JobFailed failed = (JobFailed) create(withEmbed(fromBot(""), null,
                "Sorry, your job queue is full. Please wait for a job to finish first.", 15548997));

        assertThat(failed.moderation()).isEqualTo(Moderation.QUEUE_FULL);
        assertThat(failed.failReason()).isEqualTo("Sorry, your job queue is full. Please wait for a job to finish first.");
    }

    @Test
    void failureReferencedByMessageReference() {
        ObjectNode message = withEmbed(fromBot(""), "Invalid parameter", "bad", 16711680);
        message.putObject("message_reference").put("message_id", "1200000000000000102");

        assertThat(create(message).correlation().referencedMessageId()).isEqualTo("1200000000000000102");
    }

    @Test
    void jobQueuedEvenWithoutColourIsNoError() {
        assertThat(create(withEmbed(fromBot(""), "Job queued", "Later.", null))).isInstanceOf(JobQueued.class);
    }

    @Test
    void plainFailedContent() {
        ObjectNode message = fromBot("Failed to process your command :(");
        message.put("nonce", "5");

        JobFailed failed = (JobFailed) create(message);

        assertThat(failed.title()).isNull();
        assertThat(failed.moderation()).isEqualTo(Moderation.OTHER);
        assertThat(failed.failReason()).isEqualTo("Failed to process your command :(");
        assertThat(failed.correlation().nonce()).isEqualTo("5");
    }

    @Test
    void plainInvalidParameterContent() {
        JobFailed failed = (JobFailed) create(fromBot("Invalid parameter\n`--ar 0:0` is not allowed"));

        assertThat(failed.moderation()).isEqualTo(Moderation.INVALID_PARAMETER);
        assertThat(failed.failReason()).startsWith("Invalid parameter");
    }

    @Test
    void neutralEmbedsAreNoErrors() {
        ObjectNode message = withEmbed(fromBot(""), "Tip", "Try /settings", 5763719);

        assertThat(parser.parse("MESSAGE_CREATE", message)).isEmpty();
    }
}
