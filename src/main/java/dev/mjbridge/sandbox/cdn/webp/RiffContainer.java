package dev.mjbridge.sandbox.cdn.webp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The WebP file format's RIFF container: {@code RIFF <size> WEBP} followed by chunks,
 * each {@code <fourcc> <size> <data> [pad]}, sizes little-endian.
 */
final class RiffContainer {

    private RiffContainer() {
    }

    /** A still lossless WebP: {@code RIFF <size> WEBP VP8L <size> <data> [pad]}. */
    static byte[] wrap(byte[] vp8l) {
        return file(chunk("VP8L", vp8l));
    }

    /** A WebP file holding the given chunks, in order. */
    static byte[] file(byte[]... chunks) {
        int riffSize = 4;
        for (byte[] chunk : chunks) {
            riffSize += chunk.length;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream(8 + riffSize);
        file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeU32(file, riffSize);
        file.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            file.writeBytes(chunk);
        }
        return file.toByteArray();
    }

    /** One chunk, padded to an even size; the size field excludes the pad. */
    static byte[] chunk(String fourCc, byte[] data) {
        int padding = data.length & 1;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(8 + data.length + padding);
        chunk.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        writeU32(chunk, data.length);
        chunk.writeBytes(data);
        if (padding == 1) {
            chunk.write(0);
        }
        return chunk.toByteArray();
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
