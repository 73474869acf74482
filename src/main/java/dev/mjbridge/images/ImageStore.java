package dev.mjbridge.images;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Keeps the pictures of finished tasks, one file per {@link ImageKey}. A file is either wholly
 * there or not at all: readers never see one half written.
 */
public interface ImageStore {

    /**
     * Stores everything {@code content} yields under {@code key}, replacing what was there. Nothing
     * is left behind when it fails (the stream breaks, or the file is larger than the store takes).
     *
     * @return the stored file's description
     * @throws ImageTooLargeException when the content exceeds the store's limit
     */
    ImageInfo put(ImageKey key, InputStream content) throws IOException;

    /** The stored file, opened for reading (the caller closes it); empty when there is none. */
    Optional<StoredImage> open(ImageKey key) throws IOException;

    boolean exists(ImageKey key);

    /** @return whether there was a file to delete */
    boolean delete(ImageKey key) throws IOException;

    /**
     * The address clients can fetch the file at directly, bypassing this service (a bucket's public
     * base URL); empty when they go through {@code GET /mj/image/{taskId}/{file}}.
     */
    default Optional<String> publicUrl(ImageKey key) {
        return Optional.empty();
    }

    /**
     * A short-lived link to the stored file that {@code GET /mj/image/{taskId}/{file}} redirects
     * clients to instead of streaming the file itself (a presigned S3 link); empty when the store
     * is not set to hand out such links, or has no file under the key.
     */
    default Optional<TemporaryLink> temporaryLink(ImageKey key) throws IOException {
        return Optional.empty();
    }
}
