package dev.mjbridge.images;

import java.net.URI;
import java.time.Duration;

/**
 * A link to a stored file that works for a limited time (an S3 presigned GET), for redirecting
 * clients to the store instead of streaming the file through this service. {@link #toString()}
 * leaves out the query, which holds the signature.
 *
 * @param url      where the file can be fetched without credentials until the link expires
 * @param validFor how long the link works from now
 */
public record TemporaryLink(URI url, Duration validFor) {

    /** A cached redirect must not outlive its link: clocks differ, and a cache may answer late. */
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    /**
     * How long a client or cache may reuse the link, in whole seconds: the validity less a margin
     * (a tenth of it, at most five minutes), so that a reused link has not expired yet.
     */
    public long cacheSeconds() {
        Duration margin = validFor.dividedBy(10);
        margin = margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin;
        return Math.max(0, validFor.minus(margin).toSeconds());
    }

    @Override
    public String toString() {
        return "TemporaryLink[" + Links.withoutQuery(url.toString()) + ", valid for " + validFor + "]";
    }
}
