package dev.mjbridge.discord;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a {@code compress=zlib-stream} gateway connection: one zlib context for the
 * whole connection; a message is complete when the bytes received end in
 * {@code 00 00 ff ff}. Frames may split a message, so bytes are buffered until then.
 */
final class ZlibStreamDecoder implements AutoCloseable {

    private final Inflater inflater = new Inflater();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[16 * 1024];

    /** Adds received bytes; returns the JSON text once a whole message has arrived. */
    Optional<String> accept(byte[] bytes) throws DataFormatException {
        pending.writeBytes(bytes);
        byte[] data = pending.toByteArray();
        if (!endsWithFlushMarker(data)) {
            return Optional.empty();
        }
        pending.reset();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
        while (!inflater.needsInput()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || inflater.finished())) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    private static boolean endsWithFlushMarker(byte[] data) {
        int n = data.length;
        return n >= 4 && data[n - 4] == 0 && data[n - 3] == 0 && data[n - 2] == (byte) 0xff && data[n - 1] == (byte) 0xff;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
