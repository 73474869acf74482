package dev.mjbridge.task.images;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MjEvent;
import dev.mjbridge.task.Task;

/**
 * A freshly signed link to a result's picture: Discord signs attachment links anew whenever a
 * message is read, so an expired one is replaced by reading the result message again through the
 * account that ran the task.
 */
final class FreshLinks {

    private final AccountPool pool;
    private final MessageParser parser;
    private final DiscordEndpoints endpoints;

    FreshLinks(AccountPool pool, MessageParser parser, DiscordEndpoints endpoints) {
        this.pool = pool;
        this.parser = parser;
        this.endpoints = endpoints;
    }

    /** Empty when the account, the channel or the message is not known, or the message shows no result. */
    CompletableFuture<Optional<String>> of(Task task, String messageId) {
        String channelId = task.properties().discordChannelId();
        Optional<Account> account = task.accountId() == null ? Optional.empty() : pool.find(task.accountId());
        if (account.isEmpty() || channelId == null || messageId == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return account.get().rest().message(channelId, messageId)
                .thenApply(message -> parser.parse("MESSAGE_CREATE", message)
                        .filter(MjEvent.JobFinished.class::isInstance)
                        .map(event -> ((MjEvent.JobFinished) event).imageUrl())
                        .map(endpoints::cdnUrl));
    }
}
