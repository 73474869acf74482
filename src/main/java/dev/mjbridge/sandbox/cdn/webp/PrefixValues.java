package dev.mjbridge.sandbox.cdn.webp;

/**
 * How VP8L sends LZ77 lengths and distance codes: a prefix symbol plus extra bits.
 * Values 1-4 are their own prefix (0-3); above that the prefix encodes the position of
 * the highest bit of {@code value - 1} and the bit below it, and the remaining bits
 * follow as extra bits.
 */
final class PrefixValues {

    private PrefixValues() {
    }

    static int prefix(int value) {
        int v = value - 1;
        if (v < 4) {
            return v;
        }
        int highestBit = 31 - Integer.numberOfLeadingZeros(v);
        return 2 * highestBit + ((v >>> (highestBit - 1)) & 1);
    }

    static int extraBitCount(int value) {
        int v = value - 1;
        return v < 4 ? 0 : 30 - Integer.numberOfLeadingZeros(v);
    }

    static int extraBits(int value) {
        int v = value - 1;
        return v < 4 ? 0 : v & ((1 << extraBitCount(value)) - 1);
    }
}
