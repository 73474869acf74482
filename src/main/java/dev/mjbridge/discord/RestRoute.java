package dev.mjbridge.discord;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST route as Discord's rate limits see it: the method, the path with its ids folded
 * ({@code /channels/{id}/messages/{id}}), and the route's major parameter (channel, guild,
 * or webhook id with its token), which splits one bucket into one per channel/guild/webhook.
 * {@code POST /interactions} has no major parameter: it is a route of its own.
 *
 * @param template method, host and folded path: the same for every channel
 * @param major    {@code channel:<id>}, {@code guild:<id>}, {@code webhook:<id>/<token>}, or empty
 */
public record RestRoute(String template, String major) {

    private static final Pattern VERSION_PREFIX = Pattern.compile("^/api(/v\\d+)?");
    private static final Pattern MAJOR = Pattern.compile("^/(channels|guilds)/(\\d+)|^/webhooks/(\\d+)(/[^/]+)?");
    private static final Pattern SNOWFLAKE = Pattern.compile("/\\d{5,}");
    /** Reaction emojis are path segments too; Discord's bucket does not depend on which one. */
    private static final Pattern REACTION = Pattern.compile("/reactions/[^/]+");

    public static RestRoute of(String method, URI uri) {
        String path = VERSION_PREFIX.matcher(uri.getRawPath() == null ? "" : uri.getRawPath()).replaceFirst("");
        String major = "";
        String rest = path;
        Matcher m = MAJOR.matcher(path);
        if (m.find()) {
            if (m.group(1) != null) {
                major = (m.group(1).equals("channels") ? "channel:" : "guild:") + m.group(2);
                rest = "/" + m.group(1) + "/{id}" + path.substring(m.end());
            } else {
                major = "webhook:" + m.group(3) + (m.group(4) == null ? "" : m.group(4));
                rest = "/webhooks/{id}" + (m.group(4) == null ? "" : "/{token}") + path.substring(m.end());
            }
        }
        rest = REACTION.matcher(rest).replaceAll("/reactions/{emoji}");
        rest = SNOWFLAKE.matcher(rest).replaceAll("/{id}");
        return new RestRoute(method + " " + uri.getHost() + rest, major);
    }

    /** The key of this route's bucket until Discord names the bucket. */
    String key() {
        return major.isEmpty() ? template : template + " " + major;
    }

    /** Log-safe: a webhook's token never leaves this record. */
    @Override
    public String toString() {
        return template + (major.startsWith("webhook:") ? " webhook" : major.isEmpty() ? "" : " " + major);
    }
}
