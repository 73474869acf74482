package dev.mjbridge.images;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The picture formats Midjourney hands out: PNG (grids before V7), WebP (V7 grids) and JPEG
 * (video stills). Recognised by their first bytes, never by a file name or a content type,
 * which a CDN may get wrong.
 */
enum PictureFormat {
    PNG, JPEG, WEBP;

    /** The format whose signature {@code bytes} start with, or empty for anything else. */
    static Optional<PictureFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * A fresh reader for this format. The WebP reader is created from its provider directly rather
     * than found through ImageIO's registry: that registry scans the class path of whichever thread
     * first uses it, which inside a packaged application may not see the plugin.
     */
    ImageReader newReader() throws IOException {
        if (this == WEBP) {
            return new WebPImageReaderSpi().createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(this == PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO reader for " + this);
        }
        return readers.next();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
