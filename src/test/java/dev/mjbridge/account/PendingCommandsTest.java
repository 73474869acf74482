package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MjEvent;
import dev.mjbridge.midjourney.Moderation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's own commands are known by nonce, then by the interaction id the nonce taught; their
 * answers and later edits stop there, and nothing else is taken from the tasks.
 */
class PendingCommandsTest {

    private static final String NONCE = "1329000000000000777";
    private static final String INTERACTION = "1200000000000000955";

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final PendingCommands pending = new PendingCommands(clock);

    @Test
    void aDeferredAnswerIsFoundByTheInteractionIdItsThinkingMessageTaught() {
        CompletableFuture<MjEvent> answer = pending.expect(NONCE, PendingCommandsTest::info, e -> { });

        assertThat(pending.claim(new MjEvent.InteractionSucceeded(keys(NONCE, INTERACTION), INTERACTION, NONCE))).isTrue();
        assertThat(pending.claim(new MjEvent.ReplyDeferred(keys(NONCE, INTERACTION), "info"))).isTrue();
        assertThat(answer).isNotDone();
        MjEvent.InfoResult info = new MjEvent.InfoResult(keys(null, INTERACTION), "Your info", "**Job Mode**: Fast",
                Map.of());
        assertThat(pending.claim(info)).isTrue();

        assertThat(answer).isCompletedWithValue(info);
    }

    @Test
    void eventsOfTasksAreNotClaimed() {
        pending.expect(NONCE, PendingCommandsTest::info, e -> { });

        assertThat(pending.claim(new MjEvent.JobStarted(keys("1329000000000000778", "1200000000000000956"),
                JobKind.IMAGINE, 0, "**a cat** - <@1> (Waiting to start)"))).isFalse();
        assertThat(pending.claim(new MjEvent.JobQueued(keys(null, null), "Job queued", "..."))).isFalse();
    }

    @Test
    void aRefusalFailsTheCommandWithMidjourneysReason() {
        CompletableFuture<MjEvent> answer = pending.expect(NONCE, PendingCommandsTest::info, e -> { });

        assertThat(pending.claim(new MjEvent.JobFailed(keys(NONCE, INTERACTION), "Subscription required", "...",
                null, Moderation.SUBSCRIPTION_REQUIRED, "[Subscription required] ..."))).isTrue();

        assertThat(answer).failsWithin(Duration.ZERO).withThrowableThat()
                .withMessageContaining("[Subscription required] ...");
    }

    @Test
    void laterEditsOfAnAnsweredCommandGoToItsEditHandlerUntilItIsForgotten() {
        List<MjEvent> edits = new ArrayList<>();
        CompletableFuture<MjEvent> answer = pending.expect(NONCE, PendingCommandsTest::info, edits::add);
        MjEvent.InfoResult first = new MjEvent.InfoResult(keys(NONCE, INTERACTION), "", "", Map.of());
        MjEvent.InfoResult redrawn = new MjEvent.InfoResult(keys(null, INTERACTION), "", "x", Map.of());
        pending.claim(first);
        pending.claim(redrawn);

        assertThat(answer).isCompletedWithValue(first);
        assertThat(edits).containsExactly(redrawn);

        clock.advance(PendingCommands.KEPT.plus(Duration.ofSeconds(1)));
        pending.expectNothing("1329000000000000999"); // registering forgets what expired
        assertThat(pending.claim(redrawn)).as("forgotten after " + PendingCommands.KEPT).isFalse();
        assertThat(pending.size()).isOne();
    }

    private static PendingCommands.Outcome info(MjEvent event) {
        if (event instanceof MjEvent.InfoResult) {
            return new PendingCommands.Outcome.Answer(event);
        }
        if (event instanceof MjEvent.JobFailed failed) {
            return new PendingCommands.Outcome.Failure(failed.failReason());
        }
        return null;
    }

    private static Correlation keys(String nonce, String interactionId) {
        return new Correlation(nonce, interactionId, "1200000000000000600", null, null, null, null,
                "1200000000000000002", "1200000000000000001", BotType.MID_JOURNEY);
    }
}
