package dev.mjbridge.images;

/**
 * Why a picture could not be downloaded. Messages name the link's path only: the query of a
 * Discord link is its signature.
 */
public class ImageDownloadException extends RuntimeException {

    /** The closed set of reasons, so callers can tell a lost link from a passing outage. */
    public enum Reason {
        /** The body passed the size cap (or its announced length did). */
        TOO_LARGE,
        /** Discord answered "This content is no longer available." and no fresh link could be had. */
        LINK_EXPIRED,
        /** An answer that retrying will not change (a 4xx), or 5xx answers until the attempts ran out. */
        HTTP_STATUS,
        /** Network errors until the attempts ran out. */
        NETWORK,
        /** The link is not a URL the client can request. */
        INVALID_LINK,
        /** The caller's link refresher failed. */
        REFRESH_FAILED
    }

    private final Reason reason;

    public ImageDownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ImageDownloadException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
