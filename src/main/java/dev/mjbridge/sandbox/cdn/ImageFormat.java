package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.cdn.webp.WebpLosslessEncoder;

import java.util.Locale;

/** The file formats the CDN serves, chosen by file name extension as Discord's CDN does. */
public enum ImageFormat {
    PNG("image/png"),
    WEBP("image/webp");

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    /** {@code .webp} names get WebP; everything else (the bot only uses {@code .png}) gets PNG. */
    public static ImageFormat forFilename(String filename) {
        return filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".webp") ? WEBP : PNG;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] encode(Pixels pixels) {
        return switch (this) {
            case PNG -> PngEncoder.encode(pixels);
            case WEBP -> WebpLosslessEncoder.encode(pixels.rgb(), pixels.width(), pixels.height());
        };
    }
}
