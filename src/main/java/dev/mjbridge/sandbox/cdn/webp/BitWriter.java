package dev.mjbridge.sandbox.cdn.webp;

import java.util.Arrays;

/**
 * Writes bit fields least significant bit first, within a byte and across bytes, which
 * is how the VP8L bitstream is packed (the same order as DEFLATE).
 */
final class BitWriter {

    private byte[] buffer;
    private int size;
    private long pending;
    private int pendingBits;

    BitWriter(int expectedBytes) {
        buffer = new byte[Math.max(64, expectedBytes)];
    }

    /** Appends the low {@code bits} bits of {@code value} (0-32 bits). */
    void write(int value, int bits) {
        if (bits == 0) {
            return;
        }
        pending |= (value & ((1L << bits) - 1)) << pendingBits;
        pendingBits += bits;
        while (pendingBits >= 8) {
            put((byte) pending);
            pending >>>= 8;
            pendingBits -= 8;
        }
    }

    /** The bytes written so far, the last one padded with zero bits. */
    byte[] toByteArray() {
        byte[] bytes = Arrays.copyOf(buffer, size + (pendingBits > 0 ? 1 : 0));
        if (pendingBits > 0) {
            bytes[size] = (byte) pending;
        }
        return bytes;
    }

    private void put(byte b) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[size++] = b;
    }
}
