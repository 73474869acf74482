package dev.mjbridge.discord;

/** Where an account's bot listener stands, as the account list shows it. */
public enum BotListenerState {
    /** The account has no {@code botToken}: it hears Discord through its user session only. */
    NONE,
    /** Logging in or waiting for the bot's READY. */
    CONNECTING,
    /** Connected: the account's channel is heard through the bot as well. */
    READY,
    /** Lost its connection; JDA reconnects (and resumes) by itself. */
    RECONNECTING,
    /** Discord refused the bot (bad token, disallowed intents, ...): the account goes on with its user session alone. */
    FAILED,
    /** Stopped with its account. */
    STOPPED
}
