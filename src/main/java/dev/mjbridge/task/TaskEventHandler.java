package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountEventSink;
import dev.mjbridge.account.ModerationRecovery;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.midjourney.Button;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.CustomId;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MjEvent;
import dev.mjbridge.midjourney.Moderation;
import dev.mjbridge.midjourney.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Moves tasks on from what their accounts hear: each parsed event is matched to its
 * task and turned into a {@link TaskUpdate}. Modals the bot opens are answered here
 * (the client's pending input, or remix auto-submit), and seeds are handed over.
 */
final class TaskEventHandler implements AccountEventSink {

    private static final Logger log = LoggerFactory.getLogger(TaskEventHandler.class);
    private static final int RECONCILE_MESSAGES = 50;
    private static final String CAPTCHA_PAUSE =
            "paused: Midjourney asks for a captcha; solve it in Discord, then re-enable the account";

    private final TaskCorrelator correlator;
    private final TaskWriter writer;
    private final InFlightIndex index;
    private final JobRunner runner;
    private final SeedRequests seeds;
    private final DiscordEndpoints endpoints;
    private final MessageParser parser;
    private final JobResults results;
    private final ResultImages images;
    private final ModerationRecovery moderation;

    TaskEventHandler(TaskCorrelator correlator, TaskWriter writer, InFlightIndex index, JobRunner runner,
                     SeedRequests seeds, DiscordEndpoints endpoints, MessageParser parser, MidjourneyCdn cdn,
                     ResultImages images, ModerationRecovery moderation) {
        this.moderation = moderation;
        this.images = images;
        this.parser = parser;
        this.results = new JobResults(endpoints, cdn);
        this.correlator = correlator;
        this.writer = writer;
        this.index = index;
        this.runner = runner;
        this.seeds = seeds;
        this.endpoints = endpoints;
    }

    /**
     * After a lost session, what happened meanwhile is only in the channel: read its
     * recent messages, oldest first, and treat them as if they had just arrived.
     * Transitions ignore anything stale, so replaying known messages is harmless.
     */
    @Override
    public void onSessionReplaced(Account account) {
        account.rest().recentMessages(account.config().channelId(), RECONCILE_MESSAGES).whenComplete((messages, error) -> {
            if (error != null) {
                log.warn("account {}: could not read channel history to reconcile: {}", account.id(),
                        JobRunner.reasonOf(error));
                return;
            }
            for (int i = messages.size() - 1; i >= 0; i--) {
                parser.parse("MESSAGE_CREATE", messages.get(i)).ifPresent(event -> onEvent(account, event));
            }
            log.info("account {}: reconciled in-flight tasks from {} channel messages", account.id(), messages.size());
        });
    }

    /** A fresh session after a restart: tasks found again on this account may have moved meanwhile. */
    @Override
    public void onConnected(Account account) {
        boolean followsSentWork = index.snapshot().stream()
                .anyMatch(t -> t.internal().runtime() != null && account.id().equals(t.accountId())
                        && account.slots().isRunning(t.id()));
        if (followsSentWork) {
            onSessionReplaced(account);
        }
    }

    @Override
    public void onEvent(Account account, MjEvent event) {
        if (moderation.onEvent(account, event)) {
            return;
        }
        if (event instanceof MjEvent.SeedResult seed) {
            seeds.answered(seed.jobId(), seed.seed());
            return;
        }
        Optional<Task> found = correlator.find(account, event);
        if (found.isEmpty()) {
            log.debug("account {}: no task for {}", account.id(), event.getClass().getSimpleName());
            return;
        }
        Task task = found.get();
        if (event instanceof MjEvent.ModalOpened modal) {
            onModal(account, task, modal);
            return;
        }
        if (event instanceof MjEvent.JobStarted) {
            noticeRemixOff(account, task);
        }
        if (event instanceof MjEvent.JobFailed failed && failed.moderation().blamesAccount()) {
            // The account first: a client that sees the task fail and then looks at the account
            // must find it already out of rotation, not READY for a moment longer.
            onAccountProblem(account, failed);
            moderation.onRefusal(account, failed);
        }
        toUpdate(task, event).ifPresentOrElse(update -> apply(task, update), () -> writer.touch(task.id()));
        JobResults.cancelButton(event).ifPresent(seen -> writer.apply(task.id(), seen));
    }

    /** Applies the update; a result just held starts the keeping of its picture. */
    private void apply(Task task, TaskUpdate update) {
        Optional<Task> changed = writer.apply(task.id(), update);
        if (update instanceof TaskUpdate.Held && changed.isPresent()) {
            images.keep(changed.get());
        }
    }

    /**
     * With remix on, Midjourney answers a variation, reroll or pan with a modal. Such a press
     * that started its job without one means remix was turned off since the account learned
     * it was on; without this the account would keep failing {@code accountFilter.remix: false}.
     */
    private static void noticeRemixOff(Account account, Task task) {
        if (task.customId() == null || task.properties().extraValue(TaskTransitions.MODAL_ID) != null) {
            return;
        }
        CustomId pressed = CustomId.parse(task.customId());
        if (pressed.opensModal(true) && !pressed.opensModal(false)) {
            account.learnRemix(false);
        }
    }

    /**
     * Some refusals are about the account, not the prompt: the account leaves selection
     * (or fast selection) with Midjourney's reason, and work it can no longer do fails
     * with that reason instead of hanging.
     */
    private void onAccountProblem(Account account, MjEvent.JobFailed failed) {
        String reason = failed.failReason();
        switch (failed.moderation()) {
            case CREDITS_EXHAUSTED -> {
                if (account.config().allows(SpeedMode.RELAX)) {
                    account.switchToRelax("fast hours used up; jobs now run in relax mode (" + reason + ")");
                    // Midjourney runs jobs in the user's own mode setting: only /relax makes later jobs relaxed.
                    runner.switchMode(account, SpeedMode.RELAX);
                } else {
                    // Jobs already running paid for their fast time when they started: let them finish.
                    account.disable("fast hours used up and relax mode is not allowed for it: " + reason, false);
                }
            }
            case QUEUE_FULL, SLOW_DOWN -> account.degrade("Midjourney throttles the account: " + reason);
            // Paused, not failed: jobs already running are unaffected, only new commands meet the captcha.
            case CAPTCHA -> account.disable(CAPTCHA_PAUSE + " (" + reason + ")", false);
            default -> {
                account.disable(reason, false);
                failAllOf(account, reason);
            }
        }
    }

    private void failAllOf(Account account, String reason) {
        index.snapshot().stream()
                .filter(t -> t.internal().runtime() != null && account.id().equals(t.accountId()))
                .map(Task::id)
                .toList()
                .forEach(taskId -> writer.apply(taskId, new TaskUpdate.Failed(reason)));
    }

    private Optional<TaskUpdate> toUpdate(Task task, MjEvent event) {
        if (event instanceof MjEvent.InteractionSucceeded ok) {
            return Optional.of(new TaskUpdate.Linked(ok.interactionId(), null, null));
        }
        if (event instanceof MjEvent.InteractionFailed failed) {
            return Optional.of(new TaskUpdate.Failed("Discord: the interaction failed"
                    + (failed.reason() == null || failed.reason().isBlank() ? "" : " (" + failed.reason() + ")")));
        }
        if (event instanceof MjEvent.JobStarted started) {
            return Optional.of(new TaskUpdate.Started(started.correlation().messageId(), started.correlation().prompt()));
        }
        if (event instanceof MjEvent.JobProgress progress) {
            if (progress.percent() < 0) {
                return Optional.of(new TaskUpdate.Linked(progress.correlation().interactionId(),
                        progress.correlation().messageId(), progress.correlation().jobHash()));
            }
            return Optional.of(results.progress(task, progress));
        }
        if (event instanceof MjEvent.JobFinished finished) {
            TaskUpdate.Finished result = results.finished(task, finished, buttons(finished.buttons()));
            return Optional.of(images.holds(task, result) ? new TaskUpdate.Held(result) : result);
        }
        if (event instanceof MjEvent.JobStopped) {
            return Optional.of(new TaskUpdate.Failed(JobResults.stoppedReason(task)));
        }
        if (event instanceof MjEvent.JobRated rated) {
            return Optional.of(new TaskUpdate.Finished(null, List.of(), rated.correlation().messageId(), null, null,
                    null, null));
        }
        if (event instanceof MjEvent.ReplyDeferred || event instanceof MjEvent.BotReply) {
            return linkDeferredReply(task, event.correlation());
        }
        if (event instanceof MjEvent.DescribeResult describe) {
            return Optional.of(new TaskUpdate.Finished(endpoints.cdnUrl(describe.imageUrl()), buttons(describe.buttons()),
                    describe.correlation().messageId(), null, null, 0, numbered(describe.prompts())));
        }
        if (event instanceof MjEvent.ShortenResult shorten) {
            return Optional.of(new TaskUpdate.Finished(null, buttons(shorten.buttons()), shorten.correlation().messageId(),
                    null, null, 0, numbered(shorten.prompts())));
        }
        if (event instanceof MjEvent.JobFailed failed) {
            return Optional.of(failed(failed));
        }
        return Optional.empty();
    }

    /**
     * A deferred answer starts as a "thinking" message carrying our nonce and the interaction;
     * its real content comes later in an edit that carries only the interaction id. Learning
     * that id from the first message lets the edit find the task even when Discord's
     * INTERACTION_SUCCESS was lost. Only a reply that names our own nonce may teach it.
     */
    private static Optional<TaskUpdate> linkDeferredReply(Task task, Correlation reply) {
        String nonce = reply.nonce();
        String interactionId = reply.interactionId();
        if (nonce == null || interactionId == null || !nonce.equals(task.properties().nonce())) {
            return Optional.empty();
        }
        return Optional.of(new TaskUpdate.Linked(interactionId, null, null));
    }

    private void onModal(Account account, Task task, MjEvent.ModalOpened modal) {
        if (modal.captcha()) {
            // Paused before the task shows the failure, as for any refusal about the account.
            account.disable(CAPTCHA_PAUSE, false);
            writer.apply(task.id(), new TaskUpdate.Failed("[Action required to continue] Midjourney asks the owner of account "
                    + account.id() + " to solve a captcha in Discord"));
            return;
        }
        CustomId customId = modal.parsedCustomId();
        boolean remix = customId.kind() == CustomId.Kind.REMIX_MODAL || customId.kind() == CustomId.Kind.IMAGINE_MODAL
                || customId.kind() == CustomId.Kind.PAN_MODAL;
        if (remix) {
            account.learnRemix(true);
        }
        TaskRuntime runtime = task.internal().runtime();
        JobRequest.ModalAnswer answer = runtime == null ? null : runtime.pendingAnswer();
        String prefilled = modal.inputs().stream().map(TextInput::value).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(task.prompt());
        if (answer == null && remix && account.config().remixAutoSubmit()) {
            answer = new JobRequest.ModalAnswer(prefilled, null);
        }
        if (answer == null) {
            // The client answers through /mj/submit/modal.
            writer.apply(task.id(), new TaskUpdate.ModalOpened(modal.interactionId(), modal.customId()));
            return;
        }
        JobRequest request = modal.iframe()
                ? new JobRequest.InpaintSubmit(modal.customId(), answer.maskBase64(), answer.prompt())
                : new JobRequest.ModalSubmit(modal.interactionId(), modal.customId(),
                        answer.prompt() == null || answer.prompt().isBlank() ? prefilled : answer.prompt());
        // Opening the modal uses up the pending answer on the task in the same version.
        Task opened = writer.apply(task.id(), new TaskUpdate.ModalOpened(modal.interactionId(), modal.customId()))
                .orElse(task);
        runner.run(opened, account, request);
    }

    /**
     * A prompt the AI moderator flagged keeps its Appeal button, so a client can appeal through
     * {@code /mj/submit/action}; no other refusal offers a button to clients.
     */
    private static TaskUpdate.Failed failed(MjEvent.JobFailed failed) {
        if (failed.moderation() != Moderation.PROMPT_FLAGGED) {
            return new TaskUpdate.Failed(failed.failReason());
        }
        List<TaskButton> appeal = buttons(failed.button(CustomId.Kind.APPEAL).stream().toList());
        return new TaskUpdate.Failed(failed.failReason(), appeal, failed.correlation().messageId(), failed.flags());
    }

    private static List<TaskButton> buttons(List<Button> buttons) {
        return buttons.stream()
                .filter(b -> b.customId() != null && !b.customId().isBlank())
                .map(b -> new TaskButton(b.customId(), b.emoji(), b.label(), b.type(), b.style()))
                .toList();
    }

    /** Describe/shorten prompts as Midjourney lists them, one per line with its number. */
    private static String numbered(List<String> prompts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < prompts.size(); i++) {
            text.append(i + 1).append("️⃣ ").append(prompts.get(i));
            if (i < prompts.size() - 1) {
                text.append("\n\n");
            }
        }
        return text.toString();
    }
}
