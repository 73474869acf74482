package dev.mjbridge.sandbox.cdn.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H264SyntaxTest {

    @Test
    void expGolombCodesMatchTheStandardsTable() {
        BitstreamWriter out = new BitstreamWriter(8);
        out.ue(0); // 1
        out.ue(1); // 010
        out.ue(2); // 011
        out.ue(3); // 00100
        out.se(1); // 010
        out.se(-1); // 011
        out.bits(0, 6);
        assertThat(out.toByteArray()).containsExactly(0b1010_0110, 0b0100_0100, 0b1100_0000);
    }

    @Test
    void expGolombRoundTripsThroughAnIndependentReader() {
        BitstreamWriter out = new BitstreamWriter(64);
        int[] values = {0, 1, 2, 7, 8, 25, 255, 256, 65_535, 1 << 20};
        for (int value : values) {
            out.ue(value);
            out.se(-value);
            out.se(value);
        }
        out.trailingBits();
        byte[] nal = new byte[out.toByteArray().length + 1];
        System.arraycopy(out.toByteArray(), 0, nal, 1, nal.length - 1);
        H264Reader in = H264Reader.ofNalUnit(nal);
        for (int value : values) {
            assertThat(in.ue()).isEqualTo(value);
            assertThat(in.se()).isEqualTo(-value);
            assertThat(in.se()).isEqualTo(value);
        }
        in.expectTrailingBits();
    }

    @Test
    void emulationPreventionKeepsStartCodesOutOfThePayload() {
        byte[] nal = NalUnit.of(3, NalUnit.TYPE_IDR_SLICE, new byte[] {0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 7});

        assertThat(nal).containsExactly(0x65, 0, 0, 3, 0, 0, 3, 0, 1, 0, 0, 3, 2, 0, 0, 3, 3, 0, 0, 4, 7);
        for (int i = 1; i + 2 < nal.length; i++) {
            boolean startCodeLike = nal[i] == 0 && nal[i + 1] == 0 && (nal[i + 2] & 0xFF) <= 2;
            assertThat(startCodeLike).as("offset %d", i).isFalse();
        }
    }

    @Test
    void byteDataMustBeAligned() {
        BitstreamWriter out = new BitstreamWriter(8);
        out.bit(1);
        assertThatThrownBy(() -> out.bytes(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(out::toByteArray).isInstanceOf(IllegalStateException.class);
        out.alignWithZeros();
        assertThat(out.toByteArray()).containsExactly(0x80);
    }
}
