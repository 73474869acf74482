package dev.mjbridge.account;

import dev.mjbridge.discord.DiscordApiException;

import java.util.concurrent.CompletionException;

/** How a failed call to Discord is told to operators and clients: Discord's own reason, never a stack trace. */
public final class Failures {

    private Failures() {
    }

    public static String reasonOf(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DiscordApiException discord) {
            return "Discord: " + discord.getMessage();
        }
        return "Could not reach Discord: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }
}
