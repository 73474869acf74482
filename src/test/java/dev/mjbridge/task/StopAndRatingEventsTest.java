package dev.mjbridge.task;

import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MjEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mjbridge.task.HandlerHarness.button;
import static dev.mjbridge.task.HandlerHarness.finished;
import static dev.mjbridge.task.HandlerHarness.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel Job, (Stopped), the rating answer and deferred ("thinking") replies, fed to the task
 * engine as the parser reports them.
 */
class StopAndRatingEventsTest {

    private static final String GRID = "1511317204245680259";
    private static final String U_RESULT = "1511317210822611026";
    private static final String START = "1511317524300697661";
    private static final String CANCEL = "MJ::CancelJob::ByJobid::9a5aa072-26f3-4902-a2e2-f76f2db12270";

    private final HandlerHarness engine = new HandlerHarness();

    @Test
    void theCancelJobButtonOfAButtonActionsStartIsRemembered() {
        engine.running("2", JobKind.VARIATION, U_RESULT, 1);

        engine.hear(started("nonce-2", START));

        Task task = engine.task("2");
        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.internal().cancelJob())
                .isEqualTo(new TaskInternal.CancelJob(CANCEL, START, 64, false));
        assertThat(task.properties().progressMessageId()).isEqualTo(START);
    }

    @Test
    void stoppedAfterOurPressFailsAtOnceSayingCancelJobWasPressed() {
        engine.running("2", JobKind.VARIATION, U_RESULT, 1);
        engine.hear(started("nonce-2", START));
        engine.writer.apply("2", new TaskUpdate.CancelPressed());

        engine.hear(new MjEvent.JobStopped(keys(null, null, START, U_RESULT, null),
                "**p** - Variations (Strong) by <@1> (Stopped)"));

        Task task = engine.task("2");
        assertThat(task.status()).isEqualTo(TaskStatus.FAILURE);
        assertThat(task.failReason()).isEqualTo("Midjourney stopped the job (Cancel Job pressed)");
        assertThat(engine.released).as("the slot is free again").containsExactly("2");
    }

    @Test
    void stoppedWithoutOurPressSaysMidjourneyStoppedIt() {
        engine.running("1", JobKind.IMAGINE, null, 0);
        engine.hear(new MjEvent.JobStarted(keys("nonce-1", null, "700", null, null), null, 0,
                "**p** - <@1> (Waiting to start)"));

        engine.hear(new MjEvent.JobStopped(keys(null, null, "700", null, null), "**p** - <@1> (Stopped)"));

        assertThat(engine.task("1").status()).isEqualTo(TaskStatus.FAILURE);
        assertThat(engine.task("1").failReason()).isEqualTo("Midjourney stopped the job");
    }

    @Test
    void aStopOfAnUnknownMessageReplyingToTheParentStopsNoSibling() {
        engine.running("2", JobKind.VARIATION, U_RESULT, 1);
        engine.running("3", JobKind.ZOOM, U_RESULT, 1);

        engine.hear(new MjEvent.JobStopped(keys(null, null, "1511399999999999999", U_RESULT, null),
                "**p** - Variations (Strong) by <@1> (Stopped)"));

        assertThat(engine.task("2").status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(engine.task("3").status()).isEqualTo(TaskStatus.SUBMITTED);
    }

    @Test
    void theRatingAnswerFinishesTheRatingTaskOnly() {
        engine.running("2", JobKind.VIDEO, U_RESULT, 1);
        engine.running("3", JobKind.RATE, U_RESULT, 0);
        engine.running("4", JobKind.UPSCALE, U_RESULT, 1);

        engine.hear(rated("nonce-3", null));

        assertThat(engine.task("3").status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(engine.task("3").properties().messageId()).isEqualTo("1511319783969263847");
        assertThat(engine.task("2").status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(engine.task("4").status()).isEqualTo(TaskStatus.SUBMITTED);
    }

    @Test
    void aRatingAnswerWithoutAnyKeyOfOursChangesNoTaskThoughItRepliesToTheirParent() {
        engine.running("2", JobKind.VIDEO, U_RESULT, 1);
        engine.running("4", JobKind.UPSCALE, U_RESULT, 1);
        engine.running("5", JobKind.RATE, GRID, 0);

        engine.hear(rated(null, null));

        assertThat(List.of("2", "4", "5")).allSatisfy(id ->
                assertThat(engine.task(id).status()).as(id).isEqualTo(TaskStatus.SUBMITTED));
    }

    @Test
    void aRatingAnswerCarryingAnotherTasksNonceIsNotThatTasksResult() {
        engine.running("2", JobKind.VIDEO, U_RESULT, 1);

        engine.hear(rated("nonce-2", null));

        assertThat(engine.task("2").status()).isEqualTo(TaskStatus.SUBMITTED);
    }

    @Test
    void jobMessagesNeverFinishARatingTask() {
        engine.running("3", JobKind.RATE, U_RESULT, 0);

        engine.hear(finished(keys(null, null, "1511317624292769933", U_RESULT, "h"), JobKind.IMAGINE, "", 0, "h",
                "u_h.webp", List.of()));
        engine.hear(new MjEvent.JobProgress(keys(null, null, "77", U_RESULT, "h"), 30, "fast", null,
                "**" + HandlerHarness.PROMPT + "** - <@1> (30%) (fast)"));

        assertThat(engine.task("3").status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(engine.task("3").progress()).isEqualTo("0%");
    }

    @Test
    void aDeferredRatingIsFollowedFromTheThinkingMessageToItsEditByInteractionId() {
        engine.running("3", JobKind.RATE, U_RESULT, 0);

        // The thinking message: our nonce and the interaction, empty content, flags 192.
        engine.hear(new MjEvent.ReplyDeferred(keys("nonce-3", "1400000000000000077", "1511319783969263847", U_RESULT,
                null), "rate"));
        assertThat(engine.task("3").properties().interactionId()).isEqualTo("1400000000000000077");
        // Its edit: no nonce, only the interaction id.
        engine.hear(rated(null, "1400000000000000077"));

        assertThat(engine.task("3").status()).isEqualTo(TaskStatus.SUCCESS);
    }

    @Test
    void aDirectRatingFoundByTheInteractionIdOfDiscordsSuccess() {
        engine.running("3", JobKind.RATE, U_RESULT, 0);
        engine.hear(new MjEvent.InteractionSucceeded(Correlation.NONE, "1400000000000000078", "nonce-3"));

        engine.hear(rated(null, "1400000000000000078"));

        assertThat(engine.task("3").status()).isEqualTo(TaskStatus.SUCCESS);
    }

    @Test
    void theDeferredAnswerToAModeSwitchChangesNoTask() {
        engine.running("1", JobKind.IMAGINE, null, 0);
        engine.running("3", JobKind.RATE, U_RESULT, 0);

        // /relax from JobSender.switchMode: its nonce belongs to no task, in both forms.
        engine.hear(new MjEvent.ReplyDeferred(keys("relax-nonce", "1400000000000000099", "880", null, null), "relax"));
        engine.hear(new MjEvent.BotReply(keys(null, "1400000000000000099", "880", null, null),
                "Done! Your jobs now do not consume fast-hours", null, null, List.of()));
        engine.hear(new MjEvent.BotReply(keys("relax-nonce-2", null, "881", null, null),
                "Done! Your jobs now do not consume fast-hours", null, null, List.of()));

        assertThat(List.of("1", "3")).allSatisfy(id -> {
            Task task = engine.task(id);
            assertThat(task.status()).isEqualTo(TaskStatus.SUBMITTED);
            assertThat(task.properties().interactionId()).isNull();
        });
    }

    @Test
    void aBotReplyNamingAnotherKeyTeachesNoInteractionId() {
        engine.running("2", JobKind.VARIATION, U_RESULT, 1);

        // Replies to the parent message (as everything about it does) but carries no nonce of ours.
        engine.hear(new MjEvent.BotReply(keys(null, "1400000000000000100", "990", U_RESULT, null), "hello", null, null,
                List.of()));

        assertThat(engine.task("2").properties().interactionId()).isNull();
    }

    private static MjEvent.JobStarted started(String nonce, String messageId) {
        return new MjEvent.JobStarted(keys(nonce, null, messageId, U_RESULT, null), JobKind.VARIATION, 1,
                "Making variations for image #1 with prompt **p** - <@1> (Waiting to start)",
                List.of(button(CANCEL, "Cancel Job")));
    }

    private static MjEvent.JobRated rated(String nonce, String interactionId) {
        return new MjEvent.JobRated(keys(nonce, interactionId, "1511319783969263847", U_RESULT, null), U_RESULT,
                "You have successfully rated [this job](https://discord.com/channels/1/2/" + U_RESULT + ") with 😍");
    }
}
