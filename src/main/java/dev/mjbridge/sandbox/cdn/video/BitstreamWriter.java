package dev.mjbridge.sandbox.cdn.video;

import java.io.ByteArrayOutputStream;

/**
 * Writes H.264 syntax elements most significant bit first: fixed-width fields {@code u(n)}
 * and the Exp-Golomb codes {@code ue(v)} and {@code se(v)} of the standard's section 9.1.
 */
final class BitstreamWriter {

    private final ByteArrayOutputStream bytes;
    private int current;
    private int bitCount;

    BitstreamWriter(int expectedBytes) {
        bytes = new ByteArrayOutputStream(Math.max(16, expectedBytes));
    }

    /** {@code u(n)}: the low {@code bits} bits of {@code value}, high bit first (0-32 bits). */
    void bits(long value, int bits) {
        for (int i = bits - 1; i >= 0; i--) {
            bit((int) (value >>> i) & 1);
        }
    }

    void bit(int value) {
        current = (current << 1) | (value & 1);
        bitCount++;
        if (bitCount == 8) {
            bytes.write(current);
            current = 0;
            bitCount = 0;
        }
    }

    void flag(boolean value) {
        bit(value ? 1 : 0);
    }

    /** {@code ue(v)}: {@code n} zeros, then {@code value + 1} in {@code n + 1} bits. */
    void ue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("ue(v) cannot code " + value);
        }
        long coded = value + 1L;
        int length = 64 - Long.numberOfLeadingZeros(coded);
        bits(0, length - 1);
        bits(coded, length);
    }

    /** {@code se(v)}: positive values to odd codes, negative ones to even codes. */
    void se(int value) {
        ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    boolean aligned() {
        return bitCount == 0;
    }

    /** Whole bytes, which the caller may only add when {@link #aligned()}. */
    void bytes(byte[] data, int offset, int length) {
        if (!aligned()) {
            throw new IllegalStateException("byte data must start on a byte boundary");
        }
        bytes.write(data, offset, length);
    }

    /** {@code rbsp_trailing_bits()}: a one bit, then zeros up to the byte boundary. */
    void trailingBits() {
        bit(1);
        while (!aligned()) {
            bit(0);
        }
    }

    /** Zero bits up to the next byte boundary (e.g. {@code pcm_alignment_zero_bit}). */
    void alignWithZeros() {
        while (!aligned()) {
            bit(0);
        }
    }

    byte[] toByteArray() {
        if (!aligned()) {
            throw new IllegalStateException("the bitstream ends in the middle of a byte");
        }
        return bytes.toByteArray();
    }
}
