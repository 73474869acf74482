package dev.mjbridge.sandbox.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Discord's {@code compress=zlib-stream} transport: one zlib context for the whole
 * connection, each message flushed with SYNC_FLUSH so that it ends in {@code 00 00 ff ff}.
 * The first frame therefore starts with the zlib header. Not thread-safe: the
 * connection serialises its sends.
 */
final class ZlibStream {

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
    private final byte[] buffer = new byte[8192];

    byte[] compress(String json) {
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 2 + 16);
        int written;
        do {
            written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, written);
        } while (written == buffer.length);
        return out.toByteArray();
    }

    void close() {
        deflater.end();
    }
}
