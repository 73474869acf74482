package dev.mjbridge.account;

import dev.mjbridge.midjourney.BlockDuration;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.Button;
import dev.mjbridge.midjourney.CustomId;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.MjEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Gets an account out of Midjourney's moderation without an operator where that is safe
 * (docs/accounts.md, Moderation recovery):
 * <ul>
 *   <li>"Pending mod message": with {@code autoAcknowledge}, the account presses Acknowledge and reads
 *       the moderator's answer; a block with a duration keeps it disabled until then, none makes it
 *       READY at once.</li>
 *   <li>"Blocked" naming a duration: disabled until then, re-enabled by a timer.</li>
 *   <li>"Tos not accepted": with {@code autoAcceptTos}, the account presses Accept and is READY once
 *       Midjourney confirms.</li>
 * </ul>
 * The account has already been disabled with Midjourney's reason when this is asked; everything
 * here only ever brings it back sooner. Timers live in memory: after a restart a timed block is
 * not remembered, and the account starts as its accounts file says.
 */
public final class ModerationRecovery {

    private static final Logger log = LoggerFactory.getLogger(ModerationRecovery.class);
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    /** Past this the bot's answer to a press is not awaited any more; the account stays as it is. */
    private static final Duration ANSWER_WAIT = Duration.ofMinutes(2);
    private static final Duration SESSION_WAIT = Duration.ofSeconds(45);

    /** A press of ours waiting for the bot's answer. */
    private record Press(String accountId, CustomId.Kind kind) {
    }

    private final InteractionPayloads payloads;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, Press> pressesByNonce = new ConcurrentHashMap<>();
    /** One press at a time per account and kind: three refused jobs must not press three times. */
    private final Map<String, String> nonceByAccountAndKind = new ConcurrentHashMap<>();

    /** Runs before an account whose block ended takes work again: what it has left may have changed meanwhile. */
    private final Function<Account, CompletableFuture<?>> syncFirst;

    /** Without a sync before the end of a block (tests of the presses alone). */
    public ModerationRecovery(InteractionPayloads payloads, ScheduledExecutorService scheduler, Clock clock) {
        this(payloads, scheduler, clock, account -> CompletableFuture.completedFuture(null));
    }

    /**
     * @param scheduler the shared timer; nothing here blocks on it
     * @param syncFirst the account's /info and /settings sync, run when its block ends and before it is
     *                  enabled; it completes (never exceptionally) whatever Midjourney answers
     */
    public ModerationRecovery(InteractionPayloads payloads, ScheduledExecutorService scheduler, Clock clock,
                              Function<Account, CompletableFuture<?>> syncFirst) {
        this.payloads = payloads;
        this.scheduler = scheduler;
        this.clock = clock;
        this.syncFirst = syncFirst;
    }

    /** A refusal that blames the account; the account is disabled with Midjourney's reason already. */
    public void onRefusal(Account account, MjEvent.JobFailed failed) {
        switch (failed.moderation()) {
            case PENDING_MOD_MESSAGE -> {
                if (account.config().moderation().autoAcknowledge()) {
                    failed.button(CustomId.Kind.ACKNOWLEDGE).ifPresent(button -> press(account, failed, button));
                }
            }
            case TOS_NOT_ACCEPTED -> {
                if (account.config().moderation().autoAcceptTos()) {
                    failed.button(CustomId.Kind.ACCEPT_TOS).ifPresent(button -> press(account, failed, button));
                }
            }
            case BLOCKED -> BlockDuration.in(failed.description())
                    .ifPresent(duration -> blockFor(account, failed.failReason(), duration));
            default -> {
            }
        }
    }

    /**
     * The bot's answers to our own presses, known by their nonce.
     *
     * @return whether the event was such an answer (then it is about no task)
     */
    public boolean onEvent(Account account, MjEvent event) {
        String nonce = event.correlation().nonce();
        Press press = nonce == null ? null : pressesByNonce.get(nonce);
        if (press == null || !press.accountId().equals(account.id())) {
            return false;
        }
        if (event instanceof MjEvent.InteractionSucceeded || event instanceof MjEvent.ReplyDeferred) {
            return true;
        }
        forget(nonce, press);
        if (event instanceof MjEvent.InteractionFailed failed) {
            log.warn("account {}: Discord refused pressing {} ({}); it stays disabled", account.id(), press.kind(),
                    failed.reason());
        } else if (event instanceof MjEvent.BotReply reply) {
            answered(account, press, String.join(" ", nonNull(reply.title()), nonNull(reply.description()),
                    reply.content()).strip());
        } else if (event instanceof MjEvent.JobFailed failed) {
            // Midjourney answered the press with another refusal: that one stands.
            log.warn("account {}: pressing {} was answered with {}; it stays disabled", account.id(), press.kind(),
                    failed.failReason());
        }
        return true;
    }

    private void answered(Account account, Press press, String text) {
        if (press.kind() == CustomId.Kind.ACCEPT_TOS) {
            account.enable("Terms of Service accepted automatically (autoAcceptTos)");
            return;
        }
        Optional<Duration> block = BlockDuration.in(text);
        if (block.isPresent()) {
            blockFor(account, "Midjourney's moderator: " + text, block.get());
        } else {
            account.enable("moderator's message acknowledged automatically (autoAcknowledge): " + text);
        }
    }

    private void blockFor(Account account, String reason, Duration duration) {
        Instant until = clock.instant().plus(duration);
        account.disableUntil(reason + " [disabled until " + until + "]", until);
        long delay = Math.max(0, Duration.between(clock.instant(), until).toMillis());
        scheduler.schedule(() -> endBlock(account, until), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Only the block this timer was set for ends: an operator or a later block may have changed things
     * since (also while the sync runs). The account syncs /info and /settings first, so it comes back
     * knowing its plan and fast time, then takes work again whatever the sync said.
     */
    private void endBlock(Account account, Instant until) {
        if (stillBlockedUntil(account, until)) {
            syncFirst.apply(account).whenComplete((ignored, error) -> {
                if (stillBlockedUntil(account, until)) {
                    account.enable("Midjourney's block ended");
                }
            });
        }
    }

    private static boolean stillBlockedUntil(Account account, Instant until) {
        return account.disabledUntil().filter(ms -> ms == until.toEpochMilli()).isPresent();
    }

    private void press(Account account, MjEvent.JobFailed failed, Button button) {
        String key = account.id() + " " + button.parsedCustomId().kind();
        String nonce = nonce();
        if (nonceByAccountAndKind.putIfAbsent(key, nonce) != null) {
            return;
        }
        String messageId = failed.correlation().messageId();
        if (messageId == null) {
            nonceByAccountAndKind.remove(key, nonce);
            return;
        }
        Press press = new Press(account.id(), button.parsedCustomId().kind());
        pressesByNonce.put(nonce, press);
        scheduler.schedule(() -> forget(nonce, press), ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        BotType bot = failed.correlation().botType() == null ? BotType.MID_JOURNEY : failed.correlation().botType();
        log.info("account {}: pressing {} on Midjourney's \"{}\"", account.id(), button.label(), failed.title());
        account.interactionContext(nonce, bot, SESSION_WAIT)
                .thenCompose(context -> account.rest().postInteraction(
                        payloads.button(context, messageId, failed.flags(), button.customId())))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        forget(nonce, press);
                        log.warn("account {}: could not press {}: {}; it stays disabled", account.id(),
                                button.label(), error.toString());
                    }
                });
    }

    private void forget(String nonce, Press press) {
        pressesByNonce.remove(nonce, press);
        nonceByAccountAndKind.remove(press.accountId() + " " + press.kind(), nonce);
    }

    /** A nonce in Discord's snowflake shape; random low bits keep it apart from the task engine's. */
    private static String nonce() {
        long time = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(time | ThreadLocalRandom.current().nextLong(1L << 21, 1L << 22));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
