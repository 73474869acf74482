package dev.mjbridge.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Reading hook URLs, and printing them without what may be a secret. */
final class HookUrls {

    /** Path segments this long are probably tokens (Discord and Slack webhooks carry one in the path). */
    private static final int SECRET_SEGMENT_LENGTH = 24;

    private HookUrls() {
    }

    /** The URI when the text parses as an absolute URL with a host; empty otherwise. */
    static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Host name without IPv6 brackets or a trailing dot, lower case. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /**
     * For logs: scheme, host, port and path; never user info, query or fragment, and long
     * path segments masked, because hook URLs often carry their credentials there.
     */
    static String forLog(String url) {
        Optional<URI> parsed = parse(url);
        if (parsed.isEmpty()) {
            return "<invalid hook URL>";
        }
        URI uri = parsed.get();
        StringBuilder text = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        if (path != null) {
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty()) {
                    continue;
                }
                text.append('/').append(segment.length() >= SECRET_SEGMENT_LENGTH ? "***" : segment);
            }
            if (path.endsWith("/")) {
                text.append('/');
            }
        }
        return text.toString();
    }
}
