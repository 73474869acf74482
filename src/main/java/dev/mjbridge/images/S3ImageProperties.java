package dev.mjbridge.images;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.config.SettingChecks;

/**
 * The {@code mj.images.s3.*} settings: the bucket of {@code mj.images.store: s3} (see docs/images.md).
 * Each default is written here only; a value given but unusable stops start-up with the key and the
 * reason. Whether a bucket is named at all is checked only when the S3 store is chosen
 * ({@link ImageStoreConfiguration}). {@link #toString()} never shows the secret key.
 *
 * @param bucket        the bucket's name; null = not set
 * @param prefix        put before every object key, ending with {@code /} when set; empty = none
 * @param region        the bucket's region (signing needs it even for MinIO or R2, which take
 *                      {@code us-east-1} or {@code auto})
 * @param endpoint      an S3-compatible server's http(s) address (MinIO, R2...); null = AWS's own
 * @param pathStyle     {@code https://host/bucket/key} instead of {@code https://bucket.host/key}, as
 *                      most self-hosted servers need
 * @param accessKey     with {@code secretKey}; both null = the SDK's default credentials chain
 *                      ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profile, instance role)
 * @param secretKey     never logged nor shown
 * @param publicBaseUrl where the bucket is publicly readable (a CDN, a public bucket's address):
 *                      stored links become {@code {publicBaseUrl}/{prefix}{taskId}/{file}}; no
 *                      trailing {@code /}; null = not set
 * @param presign       whether {@code GET /mj/image/...} redirects to a presigned link instead of
 *                      streaming the object through this service
 * @param presignTtl    how long a presigned link works (at most 7 days, SigV4's limit)
 */
@ConfigurationProperties("mj.images.s3")
public record S3ImageProperties(
        String bucket,
        String prefix,
        String region,
        String endpoint,
        boolean pathStyle,
        String accessKey,
        String secretKey,
        String publicBaseUrl,
        boolean presign,
        Duration presignTtl) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_PRESIGN_TTL = Duration.ofHours(1);
    /** SigV4 presigned links cannot be valid for longer. */
    public static final Duration MAX_PRESIGN_TTL = Duration.ofDays(7);

    /** S3's rule for new buckets, which MinIO and R2 follow too. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** Segments of S3's "safe" key characters, each ending with '/'. */
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.*'()-]+/)+");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public S3ImageProperties {
        bucket = blankToNull(bucket);
        if (bucket != null && !BUCKET.matcher(bucket).matches()) {
            throw new InvalidSettingException("mj.images.s3.bucket", "must be a bucket name (3 to 63 lower-case "
                    + "letters, digits, '.' and '-', starting and ending with a letter or digit), got '" + bucket + "'");
        }
        prefix = normalisedPrefix(prefix);
        region = blankToNull(region) == null ? DEFAULT_REGION : region.strip();
        if (!REGION.matcher(region).matches()) {
            throw new InvalidSettingException("mj.images.s3.region",
                    "must be a region name such as us-east-1 (or auto for R2), got '" + region + "'");
        }
        endpoint = SettingChecks.url("mj.images.s3.endpoint", endpoint, SettingChecks.HTTP, null);
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        if ((accessKey == null) != (secretKey == null)) {
            String missing = accessKey == null ? "mj.images.s3.access-key" : "mj.images.s3.secret-key";
            throw new InvalidSettingException(missing, "must be set together with "
                    + (accessKey == null ? "mj.images.s3.secret-key" : "mj.images.s3.access-key")
                    + " (or leave both out to use the SDK's default credentials: AWS_ACCESS_KEY_ID, a profile...)");
        }
        publicBaseUrl = SettingChecks.url("mj.images.s3.public-base-url", publicBaseUrl, SettingChecks.HTTP, null);
        if (publicBaseUrl != null) {
            publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        }
        presignTtl = SettingChecks.positive("mj.images.s3.presign-ttl", presignTtl, DEFAULT_PRESIGN_TTL);
        if (presignTtl.compareTo(MAX_PRESIGN_TTL) > 0) {
            throw new InvalidSettingException("mj.images.s3.presign-ttl",
                    "must be at most 7d (the longest a presigned link can work), got " + presignTtl);
        }
    }

    /** Every setting at its default (no bucket). */
    public static S3ImageProperties defaults() {
        return new S3ImageProperties(null, null, null, null, false, null, null, null, false, null);
    }

    /** Whether the keys are given here rather than taken from the SDK's default chain. */
    public boolean hasStaticCredentials() {
        return accessKey != null;
    }

    private static String normalisedPrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        String normalised = prefix.strip();
        normalised = normalised.endsWith("/") ? normalised : normalised + "/";
        if (!PREFIX.matcher(normalised).matches() || normalised.contains("/./") || normalised.startsWith("./")
                || normalised.contains("/../") || normalised.startsWith("../")) {
            throw new InvalidSettingException("mj.images.s3.prefix", "must be folder names of letters, digits and "
                    + "!_.*'()- separated by '/', without a leading '/', empty or dot segments, got '" + prefix + "'");
        }
        return normalised;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "S3ImageProperties[bucket=" + bucket + ", prefix=" + prefix + ", region=" + region
                + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? "null" : "(hidden)") + ", publicBaseUrl=" + publicBaseUrl
                + ", presign=" + presign + ", presignTtl=" + presignTtl + "]";
    }
}
