package dev.mjbridge.images;

import dev.mjbridge.discord.Backoff;

import java.time.Duration;

/**
 * How {@link ImageDownloader} fetches pictures.
 *
 * @param maxConcurrent  downloads in flight at once; more wait their turn (without holding a thread)
 * @param maxBytes       a body larger than this is aborted as soon as it passes the cap
 * @param maxAttempts    tries per link on network errors and 5xx answers, the first included
 * @param backoff        the wait before each retry
 * @param requestTimeout how long to wait for an answer's headers
 */
public record ImageDownloadSettings(int maxConcurrent, long maxBytes, int maxAttempts, Backoff backoff,
                                    Duration requestTimeout) {

    public static final int DEFAULT_MAX_CONCURRENT = 4;
    /** The store's own cap ({@code mj.images.max-bytes-per-image}): nothing larger could be kept anyway. */
    public static final long DEFAULT_MAX_BYTES = ImageProperties.DEFAULT_MAX_BYTES.toBytes();
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    public ImageDownloadSettings {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (backoff == null || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("a backoff and a positive request timeout are needed");
        }
    }

    public static ImageDownloadSettings defaults() {
        return new ImageDownloadSettings(DEFAULT_MAX_CONCURRENT, DEFAULT_MAX_BYTES, DEFAULT_MAX_ATTEMPTS,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), Duration.ofSeconds(60));
    }

    public ImageDownloadSettings withMaxConcurrent(int value) {
        return new ImageDownloadSettings(value, maxBytes, maxAttempts, backoff, requestTimeout);
    }

    public ImageDownloadSettings withMaxBytes(long value) {
        return new ImageDownloadSettings(maxConcurrent, value, maxAttempts, backoff, requestTimeout);
    }

    public ImageDownloadSettings withMaxAttempts(int value) {
        return new ImageDownloadSettings(maxConcurrent, maxBytes, value, backoff, requestTimeout);
    }

    public ImageDownloadSettings withBackoff(Backoff value) {
        return new ImageDownloadSettings(maxConcurrent, maxBytes, maxAttempts, value, requestTimeout);
    }
}
