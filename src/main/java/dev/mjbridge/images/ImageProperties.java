package dev.mjbridge.images;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.config.SettingChecks;

/**
 * The {@code mj.images.*} settings: where the pictures of finished tasks are kept and which link
 * a task's {@code imageUrl} should carry (see docs/images.md). Each default is written here only;
 * a value given but unusable stops start-up with the key and the reason.
 *
 * @param store            where pictures are kept; the bucket of {@code s3} is set in
 *                         {@link S3ImageProperties} ({@code mj.images.s3.*})
 * @param url              which link clients get; default {@code stored} when a store is set, else
 *                         {@code discord}
 * @param dir              folder of the {@code local} store
 * @param publicBaseUrl    how clients reach this service (e.g. behind a proxy); null = not set
 * @param requireSecret    whether {@code GET /mj/image/...} needs {@code mj.api-secret} too; pictures
 *                         are public by default, so that they can be embedded anywhere
 * @param maxBytesPerImage the largest file the store accepts
 * @param maxAge           stored pictures older than this are pruned; null = kept forever
 * @param maxBytes         while the store holds more than this, the oldest tasks' pictures are
 *                         pruned; null = no limit
 * @param retentionInterval how often retention runs (see {@link ImageRetention})
 * @param healthProbeInterval while the store is reported down, how often a probe file is written
 *                         to see whether it has recovered (see {@link ImageStoreHealth})
 */
@ConfigurationProperties("mj.images")
public record ImageProperties(
        Store store,
        Url url,
        String dir,
        String publicBaseUrl,
        boolean requireSecret,
        DataSize maxBytesPerImage,
        Duration maxAge,
        DataSize maxBytes,
        Duration retentionInterval,
        Duration healthProbeInterval) {

    public static final String DEFAULT_DIR = "./data/images";
    /** Midjourney's largest PNG grids are around 10 MB; 32 MB leaves room and still bounds the heap. */
    public static final DataSize DEFAULT_MAX_BYTES = DataSize.ofMegabytes(32);
    /** Pruning is cheap and nothing is urgent about it: once a day keeps the store near its limits. */
    public static final Duration DEFAULT_RETENTION_INTERVAL = Duration.ofHours(24);
    /** Often enough that a health check sees a repaired store soon, rarely enough to cost nothing. */
    public static final Duration DEFAULT_HEALTH_PROBE_INTERVAL = Duration.ofSeconds(30);

    public ImageProperties {
        store = store == null ? Store.LOCAL : store;
        url = url == null ? (store == Store.NONE ? Url.DISCORD : Url.STORED) : url;
        if (url == Url.STORED && store == Store.NONE) {
            throw new InvalidSettingException("mj.images.url",
                    "cannot be 'stored' while mj.images.store is 'none' (nothing is stored)");
        }
        dir = dir == null || dir.isBlank() ? DEFAULT_DIR : dir.strip();
        publicBaseUrl = SettingChecks.url("mj.images.public-base-url", publicBaseUrl, SettingChecks.HTTP, null);
        maxBytesPerImage = maxBytesPerImage == null ? DEFAULT_MAX_BYTES : maxBytesPerImage;
        if (maxBytesPerImage.toBytes() < 1) {
            throw new InvalidSettingException("mj.images.max-bytes-per-image",
                    "must be at least 1B, got " + maxBytesPerImage);
        }
        maxAge = SettingChecks.positiveOrNone("mj.images.max-age", maxAge);
        if (maxBytes != null && maxBytes.toBytes() < 1) {
            throw new InvalidSettingException("mj.images.max-bytes", "must be at least 1B, got " + maxBytes);
        }
        retentionInterval = SettingChecks.positive("mj.images.retention-interval", retentionInterval,
                DEFAULT_RETENTION_INTERVAL);
        healthProbeInterval = SettingChecks.positive("mj.images.health-probe-interval", healthProbeInterval,
                DEFAULT_HEALTH_PROBE_INTERVAL);
    }

    /** Every setting at its default. */
    public static ImageProperties defaults() {
        return new ImageProperties(null, null, null, null, false, null, null, null, null, null);
    }

    /** Where pictures are kept. */
    public enum Store {
        /** Files under {@code dir}. */
        LOCAL,
        /** Objects of an S3 bucket ({@code mj.images.s3.*}). */
        S3,
        /** Nothing is kept; clients get the links Discord or Midjourney hand out. */
        NONE
    }

    /** Which link a finished task's {@code imageUrl} carries. */
    public enum Url {
        /** This service's {@code /mj/image/...} link to the stored copy. */
        STORED,
        /** Discord's attachment link (expires after about a day). */
        DISCORD,
        /** Midjourney's own CDN link. */
        MIDJOURNEY
    }
}
