package dev.mjbridge.sandbox.cdn.webp;

import java.util.PriorityQueue;

/**
 * A canonical prefix (Huffman) code over one alphabet, built from symbol counts.
 * Codes are kept bit-reversed: the format sends a code's most significant bit first,
 * while {@link BitWriter} packs least significant bit first.
 */
final class PrefixCode {

    private final int[] lengths;
    private final int[] reversedCodes;

    private PrefixCode(int[] lengths) {
        this.lengths = lengths;
        this.reversedCodes = canonicalCodes(lengths);
    }

    static PrefixCode fromLengths(int[] lengths) {
        return new PrefixCode(lengths.clone());
    }

    /**
     * Huffman code lengths for {@code counts}, none longer than {@code maxLength}. Symbols
     * with a zero count get length 0. When the plain Huffman tree is too deep, small
     * counts are raised to a floor that doubles until the tree fits: simple, and the
     * result is still a complete code, which decoders insist on.
     */
    static int[] huffmanLengths(int[] counts, int maxLength) {
        int floor = 1;
        while (true) {
            int[] lengths = huffmanLengthsWithFloor(counts, floor);
            int longest = 0;
            for (int length : lengths) {
                longest = Math.max(longest, length);
            }
            if (longest <= maxLength) {
                return lengths;
            }
            floor *= 2;
        }
    }

    int length(int symbol) {
        return lengths[symbol];
    }

    void write(BitWriter out, int symbol) {
        out.write(reversedCodes[symbol], lengths[symbol]);
    }

    private static int[] huffmanLengthsWithFloor(int[] counts, int floor) {
        int symbols = counts.length;
        long[] weight = new long[2 * symbols];
        int[] parent = new int[2 * symbols];
        // Ties broken by node id keep the result deterministic.
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) ->
                weight[a] != weight[b] ? Long.compare(weight[a], weight[b]) : Integer.compare(a, b));
        for (int symbol = 0; symbol < symbols; symbol++) {
            if (counts[symbol] > 0) {
                weight[symbol] = Math.max(counts[symbol], floor);
                queue.add(symbol);
            }
        }
        int[] lengths = new int[symbols];
        if (queue.size() == 1) {
            lengths[queue.peek()] = 1;
            return lengths;
        }
        int next = symbols;
        while (queue.size() > 1) {
            int a = queue.poll();
            int b = queue.poll();
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            queue.add(next++);
        }
        int root = next - 1;
        for (int symbol = 0; symbol < symbols; symbol++) {
            if (counts[symbol] > 0) {
                int depth = 0;
                for (int node = symbol; node != root; node = parent[node]) {
                    depth++;
                }
                lengths[symbol] = depth;
            }
        }
        return lengths;
    }

    private static int[] canonicalCodes(int[] lengths) {
        int maxLength = 0;
        for (int length : lengths) {
            maxLength = Math.max(maxLength, length);
        }
        int[] lengthCounts = new int[maxLength + 1];
        for (int length : lengths) {
            if (length > 0) {
                lengthCounts[length]++;
            }
        }
        int[] nextCode = new int[maxLength + 2];
        int code = 0;
        for (int length = 1; length <= maxLength; length++) {
            code = (code + lengthCounts[length - 1]) << 1;
            nextCode[length] = code;
        }
        int[] reversed = new int[lengths.length];
        for (int symbol = 0; symbol < lengths.length; symbol++) {
            int length = lengths[symbol];
            if (length > 0) {
                reversed[symbol] = Integer.reverse(nextCode[length]++) >>> (32 - length);
            }
        }
        return reversed;
    }
}
