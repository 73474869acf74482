package dev.mjbridge.discord;

/**
 * Discord answered with an error that retrying will not fix (a 4xx other than 429),
 * or retries ran out. The message is Discord's own, never a token.
 */
public final class DiscordApiException extends RuntimeException {

    private final int status;
    private final int discordCode;

    public DiscordApiException(int status, int discordCode, String message) {
        super(message);
        this.status = status;
        this.discordCode = discordCode;
    }

    /** HTTP status, or 0 when the request never got an answer. */
    public int status() {
        return status;
    }

    /** Discord's JSON error code (e.g. 50035 Invalid Form Body), 0 when absent. */
    public int discordCode() {
        return discordCode;
    }
}
