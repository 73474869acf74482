package dev.mjbridge.images;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A stored file opened for reading: its description, and its bytes as they were when it was
 * described. A replacement stored under the same key meanwhile never mixes with them: the local
 * store reads the very file it opened, the S3 store asks only for the object version it described
 * and fails rather than send another one. The caller closes it.
 */
public sealed interface StoredImage extends Closeable permits LocalStoredImage, S3StoredImage {

    ImageInfo info();

    /**
     * Copies {@code length} bytes from {@code offset} to {@code out}, streamed (never loaded whole
     * into memory).
     *
     * @throws IllegalArgumentException when the range is not inside the file
     * @throws IOException              when the bytes cannot be read, or the file changed since it was opened
     */
    void copyTo(OutputStream out, long offset, long length) throws IOException;

    /** The whole content as a stream (for callers that pass it on rather than serve it); closed with this. */
    InputStream stream() throws IOException;

    /** Refuses a range that is not inside the described file. */
    static void checkRange(ImageInfo info, long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > info.size()) {
            throw new IllegalArgumentException("bytes " + offset + "+" + length + " are outside 0.." + info.size());
        }
    }
}
