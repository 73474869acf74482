package dev.mjbridge.sandbox.cdn.webp;

/**
 * The pixel stream as literals and LZ77 copies. Only two copy sources are tried: the
 * pixel to the left (runs of one colour) and the pixel above (rows repeating the row
 * before). That already shrinks the flat areas and mosaic blocks of sandbox images a
 * lot, and it needs no hash chains.
 */
final class BackwardReferences {

    /** Longest copy the format allows. */
    static final int MAX_LENGTH = 4096;
    /** Distance code for the pixel directly above: the first entry of the format's 2D distance map, (0, 1). */
    static final int DISTANCE_CODE_ABOVE = 1;
    /** Distance code for the pixel to the left: the second entry of the distance map, (1, 0). */
    static final int DISTANCE_CODE_LEFT = 2;
    /** Shorter matches cost about as much as the literals they would replace. */
    private static final int MIN_LENGTH = 2;

    /** For token i: 0 for a literal, else the copy length. */
    final int[] lengths;
    /** For token i: the ARGB pixel of a literal, else the copy's distance code. */
    final int[] values;
    final int count;

    private BackwardReferences(int[] lengths, int[] values, int count) {
        this.lengths = lengths;
        this.values = values;
        this.count = count;
    }

    static BackwardReferences of(int[] argb, int width) {
        int total = argb.length;
        int[] lengths = new int[total];
        int[] values = new int[total];
        int count = 0;
        int position = 0;
        while (position < total) {
            int fromLeft = position >= 1 ? matchLength(argb, position, 1) : 0;
            int fromAbove = position >= width ? matchLength(argb, position, width) : 0;
            int length = Math.max(fromLeft, fromAbove);
            if (length >= MIN_LENGTH) {
                lengths[count] = length;
                values[count] = fromAbove >= fromLeft ? DISTANCE_CODE_ABOVE : DISTANCE_CODE_LEFT;
                position += length;
            } else {
                values[count] = argb[position];
                position++;
            }
            count++;
        }
        return new BackwardReferences(lengths, values, count);
    }

    /** How many pixels from {@code position} on equal the ones {@code distance} pixels earlier. */
    private static int matchLength(int[] argb, int position, int distance) {
        int limit = Math.min(argb.length - position, MAX_LENGTH);
        int length = 0;
        while (length < limit && argb[position + length] == argb[position + length - distance]) {
            length++;
        }
        return length;
    }
}
