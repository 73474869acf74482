package dev.mjbridge.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An object of the {@link S3ImageStore}, described by a HeadObject. Bytes are fetched only when
 * asked for, with a ranged GetObject, so a {@code HEAD}, a {@code 304} or a {@code 206} costs no
 * more than it sends. Every GetObject carries {@code If-Match} with the version tag that was
 * described: an object replaced meanwhile fails the read instead of mixing with the description.
 */
final class S3StoredImage implements StoredImage {

    private static final int CHUNK = 64 * 1024;
    private static final int PRECONDITION_FAILED = 412;

    /** Where the described version lives; {@code version} is S3's own ETag of it. */
    record Source(S3Client client, String bucket, String objectKey, String version) {
    }

    private final ImageInfo info;
    private final Source source;
    private final List<InputStream> opened = new ArrayList<>();

    S3StoredImage(ImageInfo info, Source source) {
        this.info = info;
        this.source = source;
    }

    @Override
    public ImageInfo info() {
        return info;
    }

    @Override
    public void copyTo(OutputStream out, long offset, long length) throws IOException {
        StoredImage.checkRange(info, offset, length);
        if (length == 0) {
            return;
        }
        try (ResponseInputStream<GetObjectResponse> in = get("bytes=" + offset + "-" + (offset + length - 1))) {
            byte[] chunk = new byte[(int) Math.min(CHUNK, length)];
            long left = length;
            while (left > 0) {
                int read = in.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (read < 0) {
                    throw new IOException(info.key() + ": the object ended early");
                }
                try {
                    out.write(chunk, 0, read);
                } catch (IOException e) {
                    // The client went away: drop the connection rather than read the rest for nothing.
                    in.abort();
                    throw e;
                }
                left -= read;
            }
        }
    }

    @Override
    public InputStream stream() throws IOException {
        InputStream in = get(null);
        opened.add(in);
        return in;
    }

    private ResponseInputStream<GetObjectResponse> get(String range) throws IOException {
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(source.bucket())
                .key(source.objectKey())
                .ifMatch(source.version())
                .range(range)
                .build();
        try {
            return source.client().getObject(request);
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                throw new IOException(info.key() + ": the object was replaced since it was opened", e);
            }
            throw failure(e);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    private IOException failure(SdkException e) {
        return new IOException("S3 GetObject of bucket '" + source.bucket() + "' key '" + source.objectKey()
                + "' failed: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        for (InputStream in : opened) {
            in.close();
        }
        opened.clear();
    }
}
