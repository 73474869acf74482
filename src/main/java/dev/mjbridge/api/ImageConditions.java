package dev.mjbridge.api;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

import dev.mjbridge.images.ImageInfo;

/** The conditional request headers, as RFC 9110 orders them, for a stored image. */
final class ImageConditions {

    private ImageConditions() {
    }

    /**
     * Whether the client's copy is current: {@code If-None-Match} naming the tag (weakly compared, as
     * the RFC asks for this header) or {@code *}; only without it, {@code If-Modified-Since} not
     * older than the file.
     */
    static boolean notModified(HttpServletRequest request, ImageInfo info) {
        Enumeration<String> noneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null && noneMatch.hasMoreElements()) {
            while (noneMatch.hasMoreElements()) {
                for (String tag : noneMatch.nextElement().split(",")) {
                    String candidate = tag.strip();
                    if (candidate.startsWith("W/")) {
                        candidate = candidate.substring(2);
                    }
                    if (candidate.equals("*") || candidate.equals(info.etag())) {
                        return true;
                    }
                }
            }
            return false;
        }
        long since = dateHeader(request, HttpHeaders.IF_MODIFIED_SINCE);
        // HTTP dates have whole seconds.
        return since >= 0 && info.lastModified().toEpochMilli() / 1000 <= since / 1000;
    }

    /** A Range counts only when {@code If-Range}, if sent, names the current tag exactly. */
    static boolean rangeApplies(HttpServletRequest request, ImageInfo info) {
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        return ifRange == null || ifRange.strip().equals(info.etag());
    }

    private static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1; // not a date: as if not sent
        }
    }
}
