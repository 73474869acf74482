package dev.mjbridge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The checks the settings records run in their constructors. Each takes the key, the bound value
 * and the default: a value that was not given ({@code null}) gets the default, which is written only
 * in the record that calls this; a value given but unusable throws {@link InvalidSettingException}.
 */
public final class SettingChecks {

    public static final Set<String> HTTP = Set.of("http", "https");
    public static final Set<String> WEBSOCKET = Set.of("ws", "wss");

    private SettingChecks() {
    }

    /** A duration longer than zero. */
    public static Duration positive(String key, Duration value, Duration absent) {
        if (value == null) {
            return absent;
        }
        if (value.isZero() || value.isNegative()) {
            throw new InvalidSettingException(key, "must be longer than zero, got " + value);
        }
        return value;
    }

    /** A duration longer than zero, or none. */
    public static Duration positiveOrNone(String key, Duration value) {
        return positive(key, value, null);
    }

    /** A whole number of at least {@code min}. */
    public static int atLeast(String key, Integer value, int min, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < min) {
            throw new InvalidSettingException(key, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** A whole number of at least {@code min}. */
    public static long atLeast(String key, Long value, long min, long absent) {
        if (value == null) {
            return absent;
        }
        if (value < min) {
            throw new InvalidSettingException(key, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /**
     * An absolute URL with one of {@code schemes} and a host; empty (not given) means {@code absent}.
     * The value is repeated in the message: use {@link #secretUrl} for URLs that may carry a token.
     */
    public static String url(String key, String value, Set<String> schemes, String absent) {
        return checkedUrl(key, value, schemes, absent, true);
    }

    /** As {@link #url}, but the message does not repeat the value (it may carry a receiver's token). */
    public static String secretUrl(String key, String value, Set<String> schemes, String absent) {
        return checkedUrl(key, value, schemes, absent, false);
    }

    private static String checkedUrl(String key, String value, Set<String> schemes, String absent, boolean show) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String url = value.strip();
        String got = show ? ", got '" + url + "'" : "";
        String reason = "must be an absolute " + String.join(" or ", schemes.stream().sorted().toList()) + " URL";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, reason + got + " (" + (show ? e.getReason() : "not a URL") + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !schemes.contains(scheme) || uri.getHost() == null) {
            throw new InvalidSettingException(key, reason + got);
        }
        return url;
    }
}
