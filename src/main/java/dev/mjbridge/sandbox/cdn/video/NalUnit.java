package dev.mjbridge.sandbox.cdn.video;

import java.io.ByteArrayOutputStream;

/** Builds H.264 NAL units: the one-byte header and the payload with emulation prevention applied. */
final class NalUnit {

    static final int TYPE_IDR_SLICE = 5;
    static final int TYPE_SPS = 7;
    static final int TYPE_PPS = 8;

    private NalUnit() {
    }

    /**
     * {@code forbidden_zero_bit}, {@code nal_ref_idc} and {@code nal_unit_type}, then the raw
     * payload with an {@code 0x03} inserted wherever two zero bytes are followed by a byte of
     * 0-3, so no start code can appear inside the unit.
     */
    static byte[] of(int referenceIdc, int type, byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rbsp.length + rbsp.length / 64 + 8);
        out.write((referenceIdc & 3) << 5 | (type & 0x1F));
        int zeros = 0;
        for (byte value : rbsp) {
            int b = value & 0xFF;
            if (zeros >= 2 && b <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }
}
