package dev.mjbridge.discord;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a {@code compress=zlib-stream} gateway connection: one zlib context for the
 * whole connection; a message is complete when the bytes received end in
 * {@code 00 00 ff ff}. Frames may split a message, so bytes are buffered until then.
 *
 * <p>Every dispatch passes through here on the socket's thread before anyone can act on it,
 * so the common case (a whole message in one frame) inflates straight from the received
 * buffer into a buffer reused across messages, and hands out bytes for the JSON parser
 * rather than a String it would have to decode again. Not thread-safe: one socket, one caller.
 */
final class ZlibStreamDecoder implements AutoCloseable {

    /** The inflated text of one message: {@code length} UTF-8 bytes at the start of {@code bytes}. */
    record Message(byte[] bytes, int length) {
    }

    private static final int INITIAL_OUTPUT = 16 * 1024;

    private final Inflater inflater = new Inflater();
    /** Compressed bytes of a message whose end has not arrived yet. */
    private byte[] pending = new byte[0];
    private int pendingLength;
    /** Reused for every message; grows to the largest message seen. */
    private byte[] output = new byte[INITIAL_OUTPUT];

    /**
     * Adds one received frame; returns the whole message once its last bytes arrived. The
     * returned bytes are only valid until the next call (the buffer is reused).
     */
    Optional<Message> accept(ByteBuffer frame) throws DataFormatException {
        if (pendingLength == 0 && endsWithFlushMarker(frame)) {
            inflater.setInput(frame);
            return Optional.of(inflateAll());
        }
        append(frame);
        if (!endsWithFlushMarker(pending, pendingLength)) {
            return Optional.empty();
        }
        inflater.setInput(pending, 0, pendingLength);
        pendingLength = 0;
        return Optional.of(inflateAll());
    }

    /** Drains the inflater; stops only once it has room left over and wants more input. */
    private Message inflateAll() throws DataFormatException {
        int length = 0;
        while (true) {
            if (length == output.length) {
                output = Arrays.copyOf(output, output.length * 2);
            }
            int produced = inflater.inflate(output, length, output.length - length);
            length += produced;
            boolean roomLeft = length < output.length;
            if (roomLeft && (produced == 0 || inflater.needsInput() || inflater.finished()
                    || inflater.needsDictionary())) {
                return new Message(output, length);
            }
        }
    }

    private void append(ByteBuffer frame) {
        int needed = pendingLength + frame.remaining();
        if (needed > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
        }
        int count = frame.remaining();
        frame.get(pending, pendingLength, count);
        pendingLength += count;
    }

    private static boolean endsWithFlushMarker(ByteBuffer data) {
        int end = data.limit();
        return data.remaining() >= 4 && data.get(end - 4) == 0 && data.get(end - 3) == 0
                && data.get(end - 2) == (byte) 0xff && data.get(end - 1) == (byte) 0xff;
    }

    private static boolean endsWithFlushMarker(byte[] data, int n) {
        return n >= 4 && data[n - 4] == 0 && data[n - 3] == 0 && data[n - 2] == (byte) 0xff && data[n - 1] == (byte) 0xff;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
