package dev.mjbridge.sandbox.cdn.video;

import java.io.ByteArrayOutputStream;

/**
 * Just enough of an H.264 decoder for the tests, written from the standard independently
 * of the encoder: removes emulation prevention, reads Exp-Golomb codes, the SPS's picture
 * size and the samples of an all-{@code I_PCM} slice.
 */
final class H264Reader {

    /** Sample planes of a decoded picture, in the coded (macroblock-aligned) size. */
    record Picture(int codedWidth, int codedHeight, byte[] luma, byte[] cb, byte[] cr) {
    }

    /** What the SPS says about the picture size. */
    record SequenceSize(int profile, int level, int widthInMacroblocks, int heightInMacroblocks,
                        int cropRight, int cropBottom, int log2MaxFrameNum, int pocType) {

        int width() {
            return widthInMacroblocks * 16 - 2 * cropRight;
        }

        int height() {
            return heightInMacroblocks * 16 - 2 * cropBottom;
        }
    }

    private final byte[] data;
    private int bit;

    private H264Reader(byte[] rbsp) {
        this.data = rbsp;
    }

    /** A reader over a NAL unit's payload (after the header byte), emulation prevention removed. */
    static H264Reader ofNalUnit(byte[] nal) {
        ByteArrayOutputStream rbsp = new ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (int i = 1; i < nal.length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            rbsp.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return new H264Reader(rbsp.toByteArray());
    }

    static int nalType(byte[] nal) {
        return nal[0] & 0x1F;
    }

    static SequenceSize readSps(byte[] nal) {
        H264Reader in = ofNalUnit(nal);
        int profile = in.u(8);
        in.u(8);
        int level = in.u(8);
        in.ue(); // seq_parameter_set_id
        if (profile == 100 || profile == 110 || profile == 122 || profile == 244) {
            throw new AssertionError("high profiles not expected");
        }
        int log2MaxFrameNum = in.ue() + 4;
        int pocType = in.ue();
        if (pocType == 0) {
            in.ue();
        } else if (pocType == 1) {
            throw new AssertionError("POC type 1 not expected");
        }
        in.ue(); // max_num_ref_frames
        in.u(1);
        int widthMbs = in.ue() + 1;
        int heightMbs = in.ue() + 1;
        if (in.u(1) != 1) {
            throw new AssertionError("interlaced streams not expected");
        }
        in.u(1);
        int cropRight = 0;
        int cropBottom = 0;
        if (in.u(1) == 1) {
            in.ue();
            cropRight = in.ue();
            in.ue();
            cropBottom = in.ue();
        }
        in.u(1); // VUI
        in.expectTrailingBits();
        return new SequenceSize(profile, level, widthMbs, heightMbs, cropRight, cropBottom, log2MaxFrameNum, pocType);
    }

    /** The samples of an IDR slice that codes every macroblock as I_PCM (as the encoder does). */
    static Picture readPcmSlice(byte[] nal, SequenceSize sps) {
        H264Reader in = ofNalUnit(nal);
        if (in.ue() != 0) {
            throw new AssertionError("first_mb_in_slice must be 0");
        }
        int sliceType = in.ue();
        if (sliceType % 5 != 2) {
            throw new AssertionError("not an I slice: " + sliceType);
        }
        in.ue(); // pps id
        in.u(sps.log2MaxFrameNum());
        in.ue(); // idr_pic_id
        in.u(1); // no_output_of_prior_pics_flag
        in.u(1); // long_term_reference_flag
        in.se(); // slice_qp_delta
        int deblocking = in.ue();
        if (deblocking != 1) {
            in.se();
            in.se();
        }
        int width = sps.widthInMacroblocks() * 16;
        int height = sps.heightInMacroblocks() * 16;
        byte[] luma = new byte[width * height];
        byte[] cb = new byte[width * height / 4];
        byte[] cr = new byte[width * height / 4];
        for (int mbY = 0; mbY < sps.heightInMacroblocks(); mbY++) {
            for (int mbX = 0; mbX < sps.widthInMacroblocks(); mbX++) {
                int type = in.ue();
                if (type != 25) {
                    throw new AssertionError("macroblock " + mbX + "," + mbY + " is type " + type + ", not I_PCM");
                }
                while (in.bit % 8 != 0) {
                    if (in.u(1) != 0) {
                        throw new AssertionError("pcm_alignment_zero_bit is 1");
                    }
                }
                in.readBlock(luma, width, mbX * 16, mbY * 16, 16);
                in.readBlock(cb, width / 2, mbX * 8, mbY * 8, 8);
                in.readBlock(cr, width / 2, mbX * 8, mbY * 8, 8);
            }
        }
        in.expectTrailingBits();
        return new Picture(width, height, luma, cb, cr);
    }

    private void readBlock(byte[] plane, int planeWidth, int left, int top, int size) {
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                plane[(top + row) * planeWidth + left + col] = (byte) u(8);
            }
        }
    }

    int u(int bits) {
        int value = 0;
        for (int i = 0; i < bits; i++) {
            if (bit >= data.length * 8) {
                throw new AssertionError("read past the end of the NAL unit");
            }
            value = value << 1 | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
            bit++;
        }
        return value;
    }

    int ue() {
        int zeros = 0;
        while (u(1) == 0) {
            zeros++;
        }
        return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : u(zeros)));
    }

    int se() {
        int code = ue();
        return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
    }

    /** rbsp_trailing_bits must end the payload exactly: a one, zeros to the byte end, nothing after. */
    void expectTrailingBits() {
        if (u(1) != 1) {
            throw new AssertionError("missing rbsp_stop_one_bit");
        }
        while (bit % 8 != 0) {
            if (u(1) != 0) {
                throw new AssertionError("non-zero alignment bit");
            }
        }
        if (bit != data.length * 8) {
            throw new AssertionError((data.length * 8 - bit) + " bits left after the trailing bits");
        }
    }
}
