package dev.mjbridge.sandbox.cdn.webp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixCodeTest {

    @Test
    void skewedCountsAreLimitedToTheMaximumLengthAndStayComplete() {
        int[] fibonacci = new int[40];
        fibonacci[0] = 1;
        fibonacci[1] = 1;
        for (int i = 2; i < fibonacci.length; i++) {
            fibonacci[i] = fibonacci[i - 1] + fibonacci[i - 2];
        }
        int[] lengths = PrefixCode.huffmanLengths(fibonacci, 15);
        assertThat(java.util.Arrays.stream(lengths).boxed().toList()).allSatisfy(length -> assertThat(length).isBetween(1, 15));
        assertThat(kraftSum(lengths)).isEqualTo(1.0);
    }

    @Test
    void randomHistogramsGiveCompleteCodesWithUnusedSymbolsLeftOut() {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            int[] counts = new int[280];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(1 + random.nextInt(100_000));
            }
            counts[0] = 1;
            counts[1] = 1;
            int[] lengths = PrefixCode.huffmanLengths(counts, 15);
            for (int i = 0; i < counts.length; i++) {
                assertThat(lengths[i] == 0).isEqualTo(counts[i] == 0);
                assertThat(lengths[i]).isLessThanOrEqualTo(15);
            }
            assertThat(kraftSum(lengths)).isEqualTo(1.0);
        }
    }

    @Test
    void codesAreCanonicalAndSentMostSignificantBitFirst() {
        // Lengths 2, 1, 3, 3 give canonical codes 10, 0, 110, 111.
        PrefixCode code = PrefixCode.fromLengths(new int[]{2, 1, 3, 3});
        BitWriter out = new BitWriter(4);
        code.write(out, 0);
        code.write(out, 2);
        code.write(out, 1);
        code.write(out, 3);
        // Stream order: 1 0 | 1 1 0 | 0 | 1 1 1, packed from the least significant bit up.
        assertThat(out.toByteArray()).containsExactly(0b1100_1101, 0b0000_0001);
    }

    @Test
    void prefixValuesRoundTripThroughTheDecodersFormula() {
        for (int value = 1; value <= 1 << 20; value++) {
            int prefix = PrefixValues.prefix(value);
            int extraBitCount = prefix < 4 ? 0 : (prefix - 2) >> 1;
            assertThat(PrefixValues.extraBitCount(value)).isEqualTo(extraBitCount);
            int decoded = prefix < 4 ? prefix + 1
                    : ((2 + (prefix & 1)) << extraBitCount) + PrefixValues.extraBits(value) + 1;
            if (decoded != value) {
                throw new AssertionError("value " + value + " came back as " + decoded);
            }
        }
        assertThat(PrefixValues.prefix(4096)).as("longest copy fits the 24 length prefixes").isEqualTo(23);
    }

    private static double kraftSum(int[] lengths) {
        double sum = 0;
        for (int length : lengths) {
            if (length > 0) {
                sum += Math.pow(2, -length);
            }
        }
        return sum;
    }
}
