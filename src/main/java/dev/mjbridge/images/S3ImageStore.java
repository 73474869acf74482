package dev.mjbridge.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Pictures as objects of an S3 bucket (AWS, or any S3-compatible server: MinIO, R2...), under
 * {@code {prefix}{taskId}/{file}}.
 * <p>
 * <b>Never half an object.</b> A PutObject is atomic, but needs its length up front; the content is
 * therefore first written to a temporary file, counted against the size cap and hashed on the way.
 * Content over the cap is refused before anything is sent, so the bucket never holds part of it
 * (and an earlier object under the key stays as it was).
 * <p>
 * <b>ETag.</b> The SHA-256 of the content, as for the local store, so a picture keeps its tag when
 * it moves between stores. It is computed while the content is buffered and kept in the object's
 * metadata ({@code x-amz-meta-sha256}); an object put there by other means is tagged with S3's own
 * ETag, which is just as strong for a single-part upload.
 * <p>
 * Every failure of the SDK (the server is down, access is refused) is an {@link IOException} naming
 * the operation, bucket and key, never the credentials.
 */
public final class S3ImageStore implements ImageStore, AutoCloseable {

    static final String SHA256_METADATA = "sha256";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int CHUNK = 64 * 1024;
    /** The start-up check, retries included: a server that does not answer must not hold start-up for long. */
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(15);

    private final S3Connections connections;
    private final S3ImageProperties settings;
    private final long maxBytes;

    private S3ImageStore(S3Connections connections, S3ImageProperties settings, long maxBytes) {
        if (settings.bucket() == null) {
            throw new IllegalArgumentException("the S3 store needs a bucket");
        }
        this.connections = connections;
        this.settings = settings;
        this.maxBytes = maxBytes;
    }

    /** A store on the bucket {@code settings} name, taking files of at most {@code maxBytes}. Nothing is sent yet. */
    public static S3ImageStore connect(S3ImageProperties settings, long maxBytes) {
        return new S3ImageStore(S3Connections.open(settings), settings, maxBytes);
    }

    public String bucket() {
        return settings.bucket();
    }

    /** The object key of {@code key}: {@code {prefix}{taskId}/{file}}. */
    public String objectKeyOf(ImageKey key) {
        return settings.prefix() + key.taskId() + "/" + key.file();
    }

    /**
     * Asks the server whether the bucket is there and may be used with these credentials.
     *
     * @throws IOException saying why not (unreachable, no such bucket, access denied)
     */
    public void checkBucket() throws IOException {
        call("HeadBucket", "", () -> connections.client().headBucket(request -> request
                .bucket(bucket())
                .overrideConfiguration(call -> call.apiCallTimeout(CHECK_LIMIT))));
    }

    @Override
    public ImageInfo put(ImageKey key, InputStream content) throws IOException {
        String objectKey = objectKeyOf(key);
        Path buffer = Files.createTempFile("mj-image-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(buffer)) {
                byte[] chunk = new byte[CHUNK];
                for (int read; (read = content.read(chunk)) >= 0; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw new ImageTooLargeException(key, maxBytes);
                    }
                    sha256.update(chunk, 0, read);
                    out.write(chunk, 0, read);
                }
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            long length = size;
            call("PutObject", objectKey, () -> connections.client().putObject(request -> request
                            .bucket(bucket())
                            .key(objectKey)
                            .contentType(key.contentType())
                            .contentLength(length)
                            .metadata(Map.of(SHA256_METADATA, hash)),
                    RequestBody.fromFile(buffer)));
            // Described as the server keeps it (its time, its version tag), so that what put
            // answers is what open will.
            HeadObjectResponse head = head(objectKey)
                    .orElseThrow(() -> new IOException(where("HeadObject", objectKey) + ": gone right after it was put"));
            return infoOf(key, head);
        } finally {
            Files.deleteIfExists(buffer);
        }
    }

    @Override
    public Optional<StoredImage> open(ImageKey key) throws IOException {
        String objectKey = objectKeyOf(key);
        Optional<HeadObjectResponse> head = head(objectKey);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        ImageInfo info = infoOf(key, head.get());
        return Optional.of(new S3StoredImage(info, new S3StoredImage.Source(
                connections.client(), bucket(), objectKey, head.get().eTag())));
    }

    /** @throws UncheckedIOException when the server cannot say (unreachable, access refused) */
    @Override
    public boolean exists(ImageKey key) {
        try {
            return head(objectKeyOf(key)).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** S3 answers a delete of a missing object like any other, so whether there was one is asked first. */
    @Override
    public boolean delete(ImageKey key) throws IOException {
        String objectKey = objectKeyOf(key);
        if (head(objectKey).isEmpty()) {
            return false;
        }
        call("DeleteObject", objectKey, () -> connections.client()
                .deleteObject(request -> request.bucket(bucket()).key(objectKey)));
        return true;
    }

    @Override
    public Optional<String> publicUrl(ImageKey key) {
        return Optional.ofNullable(settings.publicBaseUrl()).map(base -> base + "/" + objectKeyOf(key));
    }

    /** With {@code mj.images.s3.presign}: a presigned GET of the object, valid for {@code presign-ttl}. */
    @Override
    public Optional<TemporaryLink> temporaryLink(ImageKey key) throws IOException {
        if (!settings.presign()) {
            return Optional.empty();
        }
        String objectKey = objectKeyOf(key);
        if (head(objectKey).isEmpty()) {
            return Optional.empty();
        }
        Duration ttl = settings.presignTtl();
        GetObjectPresignRequest presign = GetObjectPresignRequest.builder()
                .signatureDuration(ttl)
                .getObjectRequest(request -> request.bucket(bucket()).key(objectKey))
                .build();
        try {
            return Optional.of(new TemporaryLink(call("presign", objectKey,
                    () -> connections.presigner().presignGetObject(presign)).url().toURI(), ttl));
        } catch (URISyntaxException e) {
            throw new IOException(where("presign", objectKey) + ": the SDK made a link that is no URI", e);
        }
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "S3ImageStore[" + settings + "]";
    }

    private Optional<HeadObjectResponse> head(String objectKey) throws IOException {
        try {
            return Optional.of(connections.client().headObject(request -> request.bucket(bucket()).key(objectKey)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // A HEAD answer has no body, so a missing object often comes back as a bare 404.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("HeadObject", objectKey, e);
        } catch (SdkException e) {
            throw failure("HeadObject", objectKey, e);
        }
    }

    private static ImageInfo infoOf(ImageKey key, HeadObjectResponse head) {
        String hash = head.metadata().get(SHA256_METADATA);
        String etag = hash != null && SHA256_HEX.matcher(hash).matches() ? "\"" + hash + "\"" : quoted(head.eTag());
        return new ImageInfo(key, head.contentLength(), key.contentType(), head.lastModified(), etag);
    }

    private static String quoted(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }

    private <T> T call(String operation, String objectKey, Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failure(operation, objectKey, e);
        }
    }

    private IOException failure(String operation, String objectKey, SdkException e) {
        return new IOException(where(operation, objectKey) + " failed: " + e.getMessage(), e);
    }

    private String where(String operation, String objectKey) {
        return "S3 " + operation + " of bucket '" + bucket() + "'" + (objectKey.isEmpty() ? "" : " key '" + objectKey + "'")
                + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
