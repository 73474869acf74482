package dev.mjbridge.discord;

/**
 * An account's bot listener as the account list shows it ({@code listener: {state, reason}}).
 * The reason is written in words and never names a credential (not even the word token, so that
 * a scan of the account list for tokens stays meaningful).
 */
public record BotListenerStatus(BotListenerState state, String reason) {

    private static final BotListenerStatus NONE =
            new BotListenerStatus(BotListenerState.NONE, "no bot listener configured: events come from the user session only");

    public static BotListenerStatus none() {
        return NONE;
    }
}
