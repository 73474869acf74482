package dev.mjbridge.discord;

/**
 * An account's bot listener as the account list shows it ({@code listener: {state, reason}}).
 * The reason is written here in words, never from a token.
 */
public record BotListenerStatus(BotListenerState state, String reason) {

    private static final BotListenerStatus NONE =
            new BotListenerStatus(BotListenerState.NONE, "no botToken: events come from the user session only");

    public static BotListenerStatus none() {
        return NONE;
    }
}
