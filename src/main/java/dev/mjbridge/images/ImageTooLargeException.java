package dev.mjbridge.images;

import java.io.IOException;

/** The content offered to the store is larger than {@code mj.images.max-bytes-per-image}. */
public final class ImageTooLargeException extends IOException {

    ImageTooLargeException(ImageKey key, long limit) {
        super(key + ": larger than the limit of " + limit + " bytes (mj.images.max-bytes-per-image)");
    }
}
