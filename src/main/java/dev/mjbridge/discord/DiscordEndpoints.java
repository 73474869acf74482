package dev.mjbridge.discord;

import java.net.URI;

/**
 * Where Discord is. Only these base URLs differ between real Discord and the sandbox.
 *
 * @param server  REST base without the API version, e.g. {@code https://discord.com}
 * @param gateway gateway base, e.g. {@code wss://gateway.discord.gg}
 * @param cdn     when set, CDN URLs in Discord messages are rewritten to this host (empty = as sent)
 * @param upload  when set, upload URLs Discord hands out are rewritten to this host (empty = as sent)
 * @param inpaint base of Midjourney's vary-region app (an activity served under discordsays.com)
 */
public record DiscordEndpoints(String server, String gateway, String cdn, String upload, String inpaint) {

    public static final String MIDJOURNEY_INPAINT_APP = "https://936929561302675456.discordsays.com";

    public static final String API_VERSION = "v9";

    public DiscordEndpoints {
        server = trimSlash(server);
        gateway = trimSlash(gateway);
        cdn = cdn == null ? "" : trimSlash(cdn);
        upload = upload == null ? "" : trimSlash(upload);
        inpaint = inpaint == null || inpaint.isBlank() ? MIDJOURNEY_INPAINT_APP : trimSlash(inpaint);
    }

    public static DiscordEndpoints discord() {
        return new DiscordEndpoints("https://discord.com", "wss://gateway.discord.gg", "", "", MIDJOURNEY_INPAINT_APP);
    }

    /** Where vary region's mask and prompt are submitted. */
    public URI inpaintSubmit() {
        return URI.create(inpaint + "/inpaint/api/submit-job");
    }

    public URI api(String path) {
        return URI.create(server + "/api/" + API_VERSION + path);
    }

    /** The gateway URL to connect to: {@code base} (a resume URL or the configured gateway) with our query. */
    public static URI gatewayUri(String base, boolean zlibStream) {
        return URI.create(trimSlash(base) + "/?encoding=json&v=9" + (zlibStream ? "&compress=zlib-stream" : ""));
    }

    /** Rewrites the host part of a URL to {@code target} when one is configured. */
    public static String rewriteHost(String url, String target) {
        if (url == null || target == null || target.isEmpty()) {
            return url;
        }
        URI original = URI.create(url);
        String rest = original.getRawPath() + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
        return target + rest;
    }

    public String cdnUrl(String url) {
        return rewriteHost(url, cdn);
    }

    public String uploadUrl(String url) {
        return rewriteHost(url, upload);
    }

    private static String trimSlash(String value) {
        String trimmed = value == null ? "" : value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
