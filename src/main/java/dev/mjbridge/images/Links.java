package dev.mjbridge.images;

import java.net.URI;

/** How links appear in logs and errors: without their query, which for Discord's CDN is a signature. */
public final class Links {

    private Links() {
    }

    /** {@code scheme://host[:port]/path}, or a placeholder for something that is not a URI. */
    public static String withoutQuery(String url) {
        if (url == null) {
            return "null";
        }
        try {
            URI uri = URI.create(url);
            String authority = uri.getRawAuthority() == null ? "" : "//" + uri.getRawAuthority();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme() + ":";
            return scheme + authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            int query = url.indexOf('?');
            return "<malformed link> " + (query < 0 ? url : url.substring(0, query));
        }
    }
}
