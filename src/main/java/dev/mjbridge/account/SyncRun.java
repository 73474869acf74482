package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.CommandName;
import dev.mjbridge.midjourney.InfoText;
import dev.mjbridge.midjourney.MjEvent;
import dev.mjbridge.midjourney.SettingsPanel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One sync of one account: {@code /info} on each bot it serves (Midjourney first), the fast-time
 * check, then {@code /settings} on each bot with the presses that keep them as configured. Every
 * command has its own nonce and waits at most {@code timeout} for its answer; a command that fails
 * or gets none is told in the result and the others still run, so a sync always ends.
 */
final class SyncRun {

    private final Account account;
    private final JobSender sender;
    private final FastTimeGuard guard;
    private final SettingsKeeper keeper;
    private final Duration timeout;
    private final Nonces nonces = new Nonces();
    private final List<String> errors = new ArrayList<>();

    SyncRun(Account account, JobSender sender, FastTimeGuard guard, SettingsKeeper keeper, Duration timeout) {
        this.account = account;
        this.sender = sender;
        this.guard = guard;
        this.keeper = keeper;
        this.timeout = timeout;
    }

    /** Completes with null when every command was answered, else with the reasons it failed. */
    CompletableFuture<String> run() {
        List<BotType> bots = bots();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (BotType bot : bots) {
            chain = chain.thenCompose(ignored -> info(bot));
        }
        chain = chain.thenRun(() -> guard.check(account, true));
        for (BotType bot : bots) {
            chain = chain.thenCompose(ignored -> settings(bot, bot == bots.get(0)));
        }
        return chain.handle((ignored, error) -> {
            synchronized (errors) {
                if (error != null) {
                    errors.add(Failures.reasonOf(error));
                }
                String reason = errors.isEmpty() ? null : String.join("; ", errors);
                account.sync().finished(reason);
                return reason;
            }
        });
    }

    private List<BotType> bots() {
        List<BotType> bots = new ArrayList<>();
        for (BotType bot : List.of(BotType.MID_JOURNEY, BotType.NIJI_JOURNEY)) {
            if (account.config().serves(bot)) {
                bots.add(bot);
            }
        }
        return bots;
    }

    private CompletableFuture<Void> info(BotType bot) {
        return ask(bot, CommandName.INFO, SyncRun::readInfo, event -> { }).handle((event, error) -> {
            if (error != null) {
                failed(bot, CommandName.INFO, error);
            } else {
                var info = InfoText.read((MjEvent.InfoResult) event);
                account.sync().update(bot, known -> known.withInfo(info));
                // Niji shows the same subscription: the fast time is Midjourney's, else Niji's.
                if (info.fastTimeRemainingSeconds() != null
                        && (bot == BotType.MID_JOURNEY || !account.config().serves(BotType.MID_JOURNEY))) {
                    account.sync().fastTime().synced(info.fastTimeRemainingSeconds());
                }
            }
            return null;
        });
    }

    private CompletableFuture<Void> settings(BotType bot, boolean remixOwner) {
        Consumer<MjEvent> redrawn = event -> settingsShown(bot, panelOf(event), remixOwner);
        return ask(bot, CommandName.SETTINGS, SyncRun::readSettings, redrawn).handle((event, error) -> {
            if (error != null) {
                failed(bot, CommandName.SETTINGS, error);
                return CompletableFuture.<Void>completedFuture(null);
            }
            SettingsPanel panel = panelOf(event);
            settingsShown(bot, panel, remixOwner);
            return keeper.keep(account, bot, panel, remixOwner, errors);
        }).thenCompose(Function.identity());
    }

    private void settingsShown(BotType bot, SettingsPanel panel, boolean remixOwner) {
        account.sync().update(bot, known -> known.withSettings(panel));
        if (remixOwner && panel.remix() != null) {
            account.learnRemix(panel.remix());
        }
    }

    private static SettingsPanel panelOf(MjEvent event) {
        return SettingsPanel.read((MjEvent.BotReply) event).orElseThrow();
    }

    /** Sends the command and waits, at most {@code timeout}, for its answer. */
    private CompletableFuture<MjEvent> ask(BotType bot, CommandName command,
                                           Function<MjEvent, PendingCommands.Outcome> read, Consumer<MjEvent> edit) {
        String nonce = nonces.next();
        // Registered before sending: the answer may outrun the REST call. It stays registered after a
        // timeout, so a late answer is still kept from the tasks.
        CompletableFuture<MjEvent> answer = account.sync().pending().expect(nonce, read, edit);
        sender.command(account, command, nonce, bot).whenComplete((ok, error) -> {
            if (error != null) {
                answer.completeExceptionally(error);
            }
        });
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void failed(BotType bot, CommandName command, Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = cause instanceof TimeoutException
                ? "no answer within " + timeout.toSeconds() + " s"
                : cause instanceof PendingCommands.CommandFailedException refused ? refused.getMessage()
                : Failures.reasonOf(cause);
        synchronized (errors) {
            errors.add("/" + command.wireName() + " on " + bot + ": " + reason);
        }
    }

    private static PendingCommands.Outcome readInfo(MjEvent event) {
        if (event instanceof MjEvent.InfoResult) {
            return new PendingCommands.Outcome.Answer(event);
        }
        return refusal(event, "/info");
    }

    private static PendingCommands.Outcome readSettings(MjEvent event) {
        if (event instanceof MjEvent.BotReply reply) {
            Optional<SettingsPanel> panel = SettingsPanel.read(reply);
            if (panel.isPresent()) {
                return new PendingCommands.Outcome.Answer(event);
            }
        }
        return refusal(event, "/settings");
    }

    /** A refusal or an answer of no known form; null for acknowledgements and the "thinking" message. */
    private static PendingCommands.Outcome refusal(MjEvent event, String command) {
        if (event instanceof MjEvent.JobFailed failed) {
            return new PendingCommands.Outcome.Failure(failed.failReason());
        }
        if (event instanceof MjEvent.InteractionFailed failed) {
            return new PendingCommands.Outcome.Failure("Discord: the interaction failed"
                    + (failed.reason() == null || failed.reason().isBlank() ? "" : " (" + failed.reason() + ")"));
        }
        if (event instanceof MjEvent.BotReply reply && !(reply.content().isBlank() && reply.description() == null)) {
            String text = reply.content().isBlank() ? reply.description() : reply.content();
            return new PendingCommands.Outcome.Failure("Midjourney answered " + command + " with: "
                    + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
        }
        return null;
    }
}
