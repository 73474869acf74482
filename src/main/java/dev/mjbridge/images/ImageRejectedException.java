package dev.mjbridge.images;

/** Bytes that the splitter will not decode: not a PNG, JPEG or WebP image, a broken one, or one too large to decode safely. */
public class ImageRejectedException extends RuntimeException {

    public ImageRejectedException(String message) {
        super(message);
    }

    public ImageRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
