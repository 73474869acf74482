package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MjEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which task an event is about when Discord repeats, delays or reorders events, or when
 * reconciliation replays channel history: the event may be news of a task that already
 * finished, and siblings (children of one grid) share their parent's prompt and message.
 */
class TaskCorrelatorTest {

    private static final String PROMPT = "a lighthouse at dusk --ar 3:2";
    private static final String GRID = "1300000000000000500";

    private final InFlightIndex index = new InFlightIndex();
    private final TaskTransitions transitions = new TaskTransitions();
    private final TaskCorrelator correlator = new TaskCorrelator(index);
    private final Account account = account("acc-1");

    @Test
    void aRepeatedGridOfAFinishedImagineDoesNotFinishTheRerollWithItsPrompt() {
        Task imagine = running("1", JobKind.IMAGINE, null, 0);
        finish(imagine, GRID, "hash-imagine");
        Task reroll = running("2", JobKind.REROLL, GRID, 0);

        // The imagine's grid again (a duplicate, or history read after op 9): no nonce, no interaction.
        MjEvent repeated = finished(JobKind.IMAGINE, "", 0, GRID, null, "hash-imagine");

        assertThat(correlator.find(account, repeated)).as("news of the finished imagine, not of " + reroll.id()).isEmpty();
    }

    @Test
    void aLateProgressOfAFinishedTaskIsNotTakenForItsSiblings() {
        Task imagine = running("1", JobKind.IMAGINE, null, 0);
        index.update(imagine.id(), t -> transitions.apply(t, new TaskUpdate.Progress(40, null, "progress-1", "hash-imagine")));
        finish(imagine, GRID, "hash-imagine");
        running("2", JobKind.REROLL, GRID, 0);

        MjEvent late = new MjEvent.JobProgress(correlation(null, "progress-1", null, "hash-imagine"), 60, "fast", null,
                "**" + PROMPT + "** - <@1> (60%) (fast)");

        assertThat(correlator.find(account, late)).isEmpty();
    }

    @Test
    void aRepeatedResultOfAFinishedChildIsNotGivenToItsSibling() {
        Task first = running("2", JobKind.VARIATION, GRID, 1);
        running("3", JobKind.VARIATION, GRID, 2);
        finish(first, "result-2", "hash-2");

        MjEvent repeated = finished(JobKind.VARIATION, "Variations (Strong)", 0, "result-2", GRID, "hash-2");

        assertThat(correlator.find(account, repeated)).isEmpty();
    }

    @Test
    void aVariationResultFoundByItsParentGoesToTheVariationNotToAnOlderUpscale() {
        running("2", JobKind.UPSCALE, GRID, 2);
        running("3", JobKind.VARIATION, GRID, 3);

        MjEvent variations = finished(JobKind.VARIATION, "Variations (Strong)", 0, "result-x", GRID, "hash-x");

        assertThat(correlator.find(account, variations)).map(Task::id).contains("3");
    }

    @Test
    void anImageNFoundByItsParentGoesToTheUpscaleNotToAVariationOfTheSameImage() {
        running("2", JobKind.VARIATION, GRID, 2);
        running("3", JobKind.UPSCALE, GRID, 2);

        MjEvent image2 = finished(JobKind.UPSCALE, "Image #2", 2, "result-x", GRID, "hash-x");

        assertThat(correlator.find(account, image2)).map(Task::id).contains("3");
    }

    @Test
    void anUnlabelledGridFoundByItsPromptIsNeverAnUpscalesResult() {
        running("2", JobKind.UPSCALE, GRID, 1);

        MjEvent grid = finished(JobKind.IMAGINE, "", 0, "result-x", null, "hash-x");

        assertThat(correlator.find(account, grid)).isEmpty();
    }

    @Test
    void aGridWhoseKeysWereMissedIsStillFoundByItsPrompt() {
        running("1", JobKind.IMAGINE, null, 0);

        MjEvent grid = finished(JobKind.IMAGINE, "", 0, "result-1", null, "hash-1");

        assertThat(correlator.find(account, grid)).map(Task::id).contains("1");
    }

    @Test
    void theNonceWinsOverAnyOtherKey() {
        running("1", JobKind.IMAGINE, null, 0);
        Task other = running("2", JobKind.IMAGINE, null, 0);
        finish(other, "result-2", "hash-2");

        MjEvent started = new MjEvent.JobStarted(new Correlation("nonce-1", null, "result-2", null, null, PROMPT, null,
                "c", "g", BotType.MID_JOURNEY), null, 0, "**" + PROMPT + "** - <@1> (Waiting to start)");

        assertThat(correlator.find(account, started)).map(Task::id).contains("1");
    }

    // ---- helpers ------------------------------------------------------------------------

    /** An in-flight task of the account, sent with nonce-{id}; children name their parent's message. */
    private Task running(String id, JobKind action, String parentMessageId, int imageIndex) {
        Task task = Task.create(id, action, Long.parseLong(id))
                .withStatus(TaskStatus.SUBMITTED)
                .withPrompt(PROMPT, PROMPT)
                .withProperties(TaskProperties.EMPTY.withNonce("nonce-" + id).withDiscordInstanceId(account.id()))
                .withInternal(TaskInternal.EMPTY.withRuntime(new TaskRuntime(null, null, parentMessageId, imageIndex, null)));
        index.put(task);
        return task;
    }

    private void finish(Task task, String messageId, String hash) {
        Optional<Task> done = index.update(task.id(), t -> transitions.apply(t,
                new TaskUpdate.Finished("https://cdn/" + hash + ".png", List.of(), messageId, hash, PROMPT, 0, null)));
        assertThat(done).map(Task::status).contains(TaskStatus.SUCCESS);
    }

    private static MjEvent finished(JobKind kind, String label, int imageIndex, String messageId, String replyTo,
                                    String hash) {
        String content = "**" + PROMPT + "** - " + (label.isEmpty() ? "" : label + " by ") + "<@1> (fast)";
        return new MjEvent.JobFinished(correlation(null, messageId, replyTo, hash), kind, label, imageIndex, messageId,
                hash, "https://cdn/" + hash + ".png", null, hash + ".png", 0, 0, List.of(), 0, "fast", content);
    }

    private static Correlation correlation(String nonce, String messageId, String replyTo, String hash) {
        return new Correlation(nonce, null, messageId, replyTo, hash, PROMPT, null, "c", "g", BotType.MID_JOURNEY);
    }

    private static Account account(String id) {
        AccountConfig config = new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
        DiscordEndpoints endpoints = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "", "");
        // Never started: the correlator only asks the account for its id and user.
        return new Account(config, null, listener -> new UserGatewaySession(id, config.credentials(), endpoints,
                JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false);
    }
}
