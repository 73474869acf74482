package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.cdn.video.Mp4Encoder;
import dev.mjbridge.sandbox.cdn.webp.AnimatedWebpEncoder;
import dev.mjbridge.sandbox.cdn.webp.WebpLosslessEncoder;

import java.util.Locale;

/** The file formats the CDN serves, chosen by file name extension as Discord's CDN does. */
public enum ImageFormat {
    PNG("image/png"),
    WEBP("image/webp"),
    JPEG("image/jpeg"),
    MP4("video/mp4");

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    /** By extension: {@code .webp}, {@code .jpeg}/{@code .jpg}, {@code .mp4}; everything else gets PNG. */
    public static ImageFormat forFilename(String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".webp")) {
            return WEBP;
        }
        if (name.endsWith(".jpeg") || name.endsWith(".jpg")) {
            return JPEG;
        }
        if (name.endsWith(".mp4")) {
            return MP4;
        }
        return PNG;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether the format is a video (Discord describes those with a duration). */
    public boolean isVideo() {
        return this == MP4;
    }

    /** A still picture; as MP4 it becomes a one-frame video. */
    public byte[] encode(Pixels pixels) {
        return switch (this) {
            case PNG -> PngEncoder.encode(pixels);
            case WEBP -> WebpLosslessEncoder.encode(pixels.rgb(), pixels.width(), pixels.height());
            case JPEG -> JpegEncoder.encode(pixels);
            case MP4 -> Mp4Encoder.encode(Frames.still(pixels));
        };
    }

    /**
     * A moving picture: WebP animates it and MP4 plays it; the still formats show its first
     * frame. One frame stays a still WebP.
     */
    public byte[] encode(Frames frames) {
        return switch (this) {
            case WEBP -> frames.count() == 1 ? encode(frames.first()) : AnimatedWebpEncoder.encode(frames);
            case MP4 -> Mp4Encoder.encode(frames);
            case PNG, JPEG -> encode(frames.first());
        };
    }
}
