package dev.mjbridge.sandbox.cdn.webp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Wraps a VP8L bitstream in the WebP file format: {@code RIFF <size> WEBP VP8L <size> <data> [pad]}. */
final class RiffContainer {

    private RiffContainer() {
    }

    static byte[] wrap(byte[] vp8l) {
        int padding = vp8l.length & 1; // chunks are padded to an even size; the chunk size excludes the pad
        int riffSize = 4 + 8 + vp8l.length + padding;
        ByteBuffer file = ByteBuffer.allocate(8 + riffSize).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        file.putInt(riffSize);
        file.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        file.put("VP8L".getBytes(StandardCharsets.US_ASCII));
        file.putInt(vp8l.length);
        file.put(vp8l);
        return file.array();
    }
}
