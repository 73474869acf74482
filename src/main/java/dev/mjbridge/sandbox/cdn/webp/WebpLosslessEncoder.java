package dev.mjbridge.sandbox.cdn.webp;

/**
 * A small WebP lossless (VP8L) encoder for opaque images: no transforms, no colour
 * cache, one set of five prefix codes built from the image's own statistics, and LZ77
 * copies from the left and from above ({@link BackwardReferences}). Output is a
 * complete {@code RIFF/WEBP/VP8L} file any WebP decoder reads.
 *
 * <p>Written for the sandbox CDN, whose previews Discord serves as {@code .webp}.
 */
public final class WebpLosslessEncoder {

    /** Largest width or height the 14-bit size fields can hold. */
    public static final int MAX_DIMENSION = 1 << 14;

    private static final int SIGNATURE = 0x2F;
    private static final int LITERALS = 256;
    private static final int LENGTH_PREFIXES = 24;
    private static final int DISTANCE_PREFIXES = 40;
    private static final int MAX_CODE_LENGTH = 15;
    private static final int MAX_CODE_LENGTH_CODE_LENGTH = 7;
    /** The order in which the code-length code's own lengths are sent. */
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private WebpLosslessEncoder() {
    }

    /** Encodes {@code rgb} ({@code 0xRRGGBB} per pixel, row-major; the top byte is ignored). */
    public static byte[] encode(int[] rgb, int width, int height) {
        return RiffContainer.wrap(bitstream(rgb, width, height));
    }

    /** The bare VP8L bitstream (the content of a {@code VP8L} chunk), for still and animated files alike. */
    static byte[] bitstream(int[] rgb, int width, int height) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("WebP size must be 1-" + MAX_DIMENSION + " each way, was "
                    + width + "x" + height);
        }
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + rgb.length);
        }
        int[] argb = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            argb[i] = 0xFF000000 | rgb[i];
        }
        BackwardReferences tokens = BackwardReferences.of(argb, width);

        BitWriter out = new BitWriter(rgb.length);
        out.write(SIGNATURE, 8);
        out.write(width - 1, 14);
        out.write(height - 1, 14);
        out.write(0, 1); // alpha_is_used: every pixel is opaque
        out.write(0, 3); // version
        out.write(0, 1); // no transforms
        out.write(0, 1); // no colour cache
        out.write(0, 1); // one set of prefix codes for the whole image (no meta prefix codes)

        Histograms histograms = Histograms.of(tokens);
        PrefixCode green = writePrefixCode(out, histograms.green);
        PrefixCode red = writePrefixCode(out, histograms.red);
        PrefixCode blue = writePrefixCode(out, histograms.blue);
        PrefixCode alpha = writePrefixCode(out, histograms.alpha);
        PrefixCode distance = writePrefixCode(out, histograms.distance);

        for (int i = 0; i < tokens.count; i++) {
            int length = tokens.lengths[i];
            int value = tokens.values[i];
            if (length == 0) {
                green.write(out, (value >> 8) & 0xFF);
                red.write(out, (value >> 16) & 0xFF);
                blue.write(out, value & 0xFF);
                alpha.write(out, value >>> 24);
            } else {
                green.write(out, LITERALS + PrefixValues.prefix(length));
                out.write(PrefixValues.extraBits(length), PrefixValues.extraBitCount(length));
                distance.write(out, PrefixValues.prefix(value));
                out.write(PrefixValues.extraBits(value), PrefixValues.extraBitCount(value));
            }
        }
        return out.toByteArray();
    }

    /**
     * Sends the code for one alphabet and returns it. One or two symbols below 256 use
     * the format's "simple" code (a single symbol then costs no bits at all); anything
     * else sends every symbol's code length through a code-length code.
     */
    private static PrefixCode writePrefixCode(BitWriter out, int[] counts) {
        int used = 0;
        int first = -1;
        int second = -1;
        for (int symbol = 0; symbol < counts.length; symbol++) {
            if (counts[symbol] > 0) {
                used++;
                if (first < 0) {
                    first = symbol;
                } else if (second < 0) {
                    second = symbol;
                }
            }
        }
        if (used == 0) {
            first = 0;
            used = 1;
        }
        int[] lengths = new int[counts.length];
        if (used <= 2 && first < LITERALS && second < LITERALS) {
            out.write(1, 1); // simple code
            out.write(used - 1, 1);
            if (first < 2) {
                out.write(0, 1);
                out.write(first, 1);
            } else {
                out.write(1, 1);
                out.write(first, 8);
            }
            if (used == 2) {
                out.write(second, 8);
                lengths[first] = 1;
                lengths[second] = 1;
            }
            return PrefixCode.fromLengths(lengths);
        }
        int[] padded = counts;
        if (used == 1) {
            // A normal code needs two symbols to be a complete code; add one that is never sent.
            padded = counts.clone();
            padded[first == 0 ? 1 : 0] = 1;
        }
        lengths = PrefixCode.huffmanLengths(padded, MAX_CODE_LENGTH);
        out.write(0, 1); // normal code
        writeCodeLengths(out, lengths);
        return PrefixCode.fromLengths(lengths);
    }

    /** Sends code lengths as plain code-length symbols 0-15 (no run-length symbols 16-18). */
    private static void writeCodeLengths(BitWriter out, int[] lengths) {
        int[] lengthCounts = new int[CODE_LENGTH_ORDER.length];
        for (int length : lengths) {
            lengthCounts[length]++;
        }
        int distinct = 0;
        for (int count : lengthCounts) {
            distinct += count > 0 ? 1 : 0;
        }
        if (distinct == 1) {
            // Same reason as above: keep the code-length code complete with a second, unused symbol.
            lengthCounts[lengths[0] == 0 ? 1 : 0] = 1;
        }
        int[] codeLengthLengths = PrefixCode.huffmanLengths(lengthCounts, MAX_CODE_LENGTH_CODE_LENGTH);
        int sent = CODE_LENGTH_ORDER.length;
        while (sent > 4 && codeLengthLengths[CODE_LENGTH_ORDER[sent - 1]] == 0) {
            sent--;
        }
        out.write(sent - 4, 4);
        for (int i = 0; i < sent; i++) {
            out.write(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        out.write(0, 1); // lengths follow for the whole alphabet (no max_symbol)
        PrefixCode codeLengthCode = PrefixCode.fromLengths(codeLengthLengths);
        for (int length : lengths) {
            codeLengthCode.write(out, length);
        }
    }

    /** Symbol counts for the five alphabets, to build the prefix codes from. */
    private static final class Histograms {
        final int[] green = new int[LITERALS + LENGTH_PREFIXES];
        final int[] red = new int[LITERALS];
        final int[] blue = new int[LITERALS];
        final int[] alpha = new int[LITERALS];
        final int[] distance = new int[DISTANCE_PREFIXES];

        static Histograms of(BackwardReferences tokens) {
            Histograms h = new Histograms();
            for (int i = 0; i < tokens.count; i++) {
                int value = tokens.values[i];
                if (tokens.lengths[i] == 0) {
                    h.green[(value >> 8) & 0xFF]++;
                    h.red[(value >> 16) & 0xFF]++;
                    h.blue[value & 0xFF]++;
                    h.alpha[value >>> 24]++;
                } else {
                    h.green[LITERALS + PrefixValues.prefix(tokens.lengths[i])]++;
                    h.distance[PrefixValues.prefix(value)]++;
                }
            }
            return h;
        }
    }
}
