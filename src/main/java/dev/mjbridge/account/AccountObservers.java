package dev.mjbridge.account;

import dev.mjbridge.midjourney.MidjourneyCommands;
import dev.mjbridge.midjourney.UnplacedMessages;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What watches the accounts' gateway traffic besides the task layer, shared by all accounts: the
 * count of bot messages the parser could not place, and the optional capture of Midjourney's
 * dispatches ({@code mj.discord.capture-dir}).
 *
 * @param unplaced the counter of unplaced bot messages
 * @param capture  the capture writer, {@code null} when capturing is off
 * @param commands which application ids are Midjourney's and Niji's
 */
public record AccountObservers(UnplacedMessages unplaced, CaptureWriter capture, MidjourneyCommands commands)
        implements AutoCloseable {

    public AccountObservers {
        Objects.requireNonNull(unplaced, "unplaced");
        commands = commands == null ? MidjourneyCommands.defaults() : commands;
    }

    /** Counting only, no capture. */
    public static AccountObservers countingOnly() {
        return new AccountObservers(new UnplacedMessages(), null, MidjourneyCommands.defaults());
    }

    /** The capture never writes this account's tokens, also for an account added while running. */
    void protectSecretsOf(AccountConfig account) {
        if (capture != null) {
            capture.protect(account.userToken());
            capture.protect(account.botToken());
        }
    }

    /** Hands a dispatch to the capture writer when capturing is on and the dispatch is Midjourney's. */
    void capture(String accountId, String accountChannelId, String type, JsonNode d) {
        if (capture != null && isMidjourneyTraffic(type, d, accountChannelId)) {
            capture.append(accountId, type, d);
        }
    }

    /**
     * Messages written or edited by the Midjourney or Niji bot, deletions in the account's channel
     * (the bot deletes its progress messages; the payload names no author), and the modals the bot opens.
     */
    boolean isMidjourneyTraffic(String type, JsonNode d, String accountChannelId) {
        if (type == null || d == null || !d.isObject()) {
            return false;
        }
        return switch (type) {
            case "MESSAGE_CREATE", "MESSAGE_UPDATE" -> isBot(text(d.path("author").path("id")))
                    || isBot(text(d.path("application_id")));
            case "MESSAGE_DELETE" -> accountChannelId != null && accountChannelId.equals(text(d.path("channel_id")));
            case "INTERACTION_MODAL_CREATE", "INTERACTION_IFRAME_MODAL_CREATE" -> true;
            default -> false;
        };
    }

    private boolean isBot(String id) {
        return commands.botTypeOf(id).isPresent();
    }

    private static String text(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : null;
    }

    @Override
    public void close() {
        if (capture != null) {
            capture.close();
        }
    }
}
