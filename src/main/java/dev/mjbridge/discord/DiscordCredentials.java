package dev.mjbridge.discord;

/**
 * A user token and the browser identity it is used with. {@link #toString()} never
 * shows the token, so the record is safe in logs and exception messages.
 */
public record DiscordCredentials(String userToken, String userAgent) {

    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

    public DiscordCredentials {
        if (userToken == null || userToken.isBlank()) {
            throw new IllegalArgumentException("userToken is required");
        }
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
    }

    @Override
    public String toString() {
        return "DiscordCredentials[userToken=" + mask(userToken) + ", userAgent=" + userAgent + "]";
    }

    /** Shows only the length and last two characters: enough to tell tokens apart, not to use one. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "<none>";
        }
        return "****" + (secret.length() > 8 ? secret.substring(secret.length() - 2) : "") + "(" + secret.length() + ")";
    }
}
