package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.Failures;
import dev.mjbridge.account.JobSender;
import dev.mjbridge.account.Nonces;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a task's request from its account once the account gave it a slot: a fresh
 * nonce is recorded on the task first, in memory (so the bot's answer can be matched even if
 * it outruns our REST call) and in the database (so a restart never sends it again), then the
 * Discord calls go out; a refusal fails the task with Discord's reason.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final TaskWriter writer;
    private final JobSender sender;
    private final AccountLeases leases;
    private final Nonces nonces = new Nonces();

    JobRunner(TaskWriter writer, JobSender sender) {
        this(writer, sender, AccountLeases.NONE);
    }

    JobRunner(TaskWriter writer, JobSender sender, AccountLeases leases) {
        this.writer = writer;
        this.sender = sender;
        this.leases = leases;
    }

    void run(Task task, Account account, JobRequest request) {
        // Work accepted while the account (re)connects waits for its session instead of failing.
        account.whenConnected(() -> send(task, account, request));
    }

    private void send(Task task, Account account, JobRequest request) {
        String nonce = nonces.next();
        Optional<TaskWriter.Applied> submitted = writer.applyAndStore(task.id(),
                new TaskUpdate.Submitted(nonce, account.id(), account.config().channelId(),
                        leases.stampFor(account.id()).orElse(null)));
        if (submitted.isEmpty()) {
            return; // cancelled while it waited
        }
        // Sent only once the nonce is in the database: a process killed after sending must find the
        // task sent when it restarts (and follow it), not queued (and send the job a second time).
        // In a cluster the store refuses the write (false) when the account's lease moved on since
        // the stamp was taken: the job is then not sent from here.
        // The write is behind, on the store's thread, so nothing waits here.
        submitted.get().stored().whenComplete((written, error) -> {
            if (error != null) {
                writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge could not store the task before sending it"));
            } else if (Boolean.TRUE.equals(written)) {
                transmit(task, account, request, nonce);
            }
        });
    }

    private void transmit(Task task, Account account, JobRequest request, String nonce) {
        BotType botType = Task.NIJI_JOURNEY.equals(task.botType()) ? BotType.NIJI_JOURNEY : BotType.MID_JOURNEY;
        // An account with a minimum interval sends one job after another, spaced by a timer.
        account.pacing().paced(() -> sender.send(account, request, nonce, botType)).whenComplete((sentPrompt, error) -> {
            if (error != null) {
                String reason = reasonOf(error);
                log.info("task {} on account {}: Discord refused it: {}", task.id(), account.id(), reason);
                writer.apply(task.id(), new TaskUpdate.Failed(reason));
            }
        });
    }

    /**
     * Presses the running job's {@code Cancel Job} button. Sent as its own interaction with a
     * nonce the task does not record: the task keeps following its job, whose {@code (Stopped)}
     * edit ends it. Completes exceptionally with Discord's reason when the press is refused.
     */
    CompletableFuture<Void> pressCancel(Task task, Account account, TaskInternal.CancelJob cancel) {
        BotType botType = Task.NIJI_JOURNEY.equals(task.botType()) ? BotType.NIJI_JOURNEY : BotType.MID_JOURNEY;
        JobRequest.Button press = new JobRequest.Button(cancel.messageId(), cancel.flags(), cancel.customId(), null);
        return sender.send(account, press, nonces.next(), botType).thenApply(ignored -> null);
    }

    /** Switches the account's speed setting on every bot it serves (see {@link JobSender#switchEveryBot}). */
    void switchMode(Account account, SpeedMode mode) {
        sender.switchEveryBot(account, mode);
    }

    static String reasonOf(Throwable error) {
        return Failures.reasonOf(error);
    }
}
