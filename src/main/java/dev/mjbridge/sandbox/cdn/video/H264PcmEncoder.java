package dev.mjbridge.sandbox.cdn.video;

import dev.mjbridge.sandbox.cdn.Colors;
import dev.mjbridge.sandbox.cdn.Pixels;

/**
 * An H.264 (Constrained Baseline) encoder that stores every macroblock as {@code I_PCM}:
 * the samples themselves, uncompressed. That needs no prediction, transform or entropy
 * coding of residuals, yet it is a fully standard stream every decoder plays; the price
 * is size (384 bytes per 16x16 macroblock), which the sandbox keeps small by keeping
 * clips small. Every frame is an IDR picture of one slice.
 *
 * <p>Sizes that are not a multiple of 16 are coded as whole macroblocks and cropped back
 * through the SPS; width and height must be even (4:2:0 chroma is cropped in pairs).
 */
public final class H264PcmEncoder {

    static final int PROFILE_BASELINE = 66;
    /** constraint_set0 and constraint_set1: Constrained Baseline, which every decoder accepts. */
    static final int CONSTRAINT_FLAGS = 0b1100_0000;
    /**
     * Level 4.0. Uncompressed macroblocks exceed every level's minimum compression ratio
     * anyway; the level only tells decoders which frame size and rate to prepare for.
     */
    static final int LEVEL = 40;

    private static final int MB_TYPE_I_PCM = 25;
    private static final int SLICE_TYPE_I_ONLY = 7;
    private static final int MACROBLOCK = 16;

    private final int width;
    private final int height;
    private final int widthInMacroblocks;
    private final int heightInMacroblocks;

    public H264PcmEncoder(int width, int height) {
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("H.264 4:2:0 needs an even size of at least 2x2, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.widthInMacroblocks = (width + MACROBLOCK - 1) / MACROBLOCK;
        this.heightInMacroblocks = (height + MACROBLOCK - 1) / MACROBLOCK;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The sequence parameter set NAL unit (section 7.3.2.1). */
    public byte[] sequenceParameterSet() {
        BitstreamWriter out = new BitstreamWriter(32);
        out.bits(PROFILE_BASELINE, 8);
        out.bits(CONSTRAINT_FLAGS, 8);
        out.bits(LEVEL, 8);
        out.ue(0); // seq_parameter_set_id
        out.ue(0); // log2_max_frame_num_minus4: frame_num is always 0, every picture being IDR
        out.ue(2); // pic_order_cnt_type 2: output order is decoding order, nothing sent per slice
        out.ue(1); // max_num_ref_frames
        out.flag(false); // gaps_in_frame_num_value_allowed_flag
        out.ue(widthInMacroblocks - 1);
        out.ue(heightInMacroblocks - 1); // pic_height_in_map_units_minus1
        out.flag(true); // frame_mbs_only_flag: progressive frames
        out.flag(true); // direct_8x8_inference_flag
        int cropRight = widthInMacroblocks * MACROBLOCK - width;
        int cropBottom = heightInMacroblocks * MACROBLOCK - height;
        boolean cropped = cropRight > 0 || cropBottom > 0;
        out.flag(cropped);
        if (cropped) {
            // Crop offsets count chroma samples, i.e. pairs of luma samples in 4:2:0.
            out.ue(0);
            out.ue(cropRight / 2);
            out.ue(0);
            out.ue(cropBottom / 2);
        }
        out.flag(false); // vui_parameters_present_flag: timing comes from the container
        out.trailingBits();
        return NalUnit.of(3, NalUnit.TYPE_SPS, out.toByteArray());
    }

    /** The picture parameter set NAL unit (section 7.3.2.2). */
    public byte[] pictureParameterSet() {
        BitstreamWriter out = new BitstreamWriter(16);
        out.ue(0); // pic_parameter_set_id
        out.ue(0); // seq_parameter_set_id
        out.flag(false); // entropy_coding_mode_flag: CAVLC
        out.flag(false); // bottom_field_pic_order_in_frame_present_flag
        out.ue(0); // num_slice_groups_minus1
        out.ue(0); // num_ref_idx_l0_default_active_minus1
        out.ue(0); // num_ref_idx_l1_default_active_minus1
        out.flag(false); // weighted_pred_flag
        out.bits(0, 2); // weighted_bipred_idc
        out.se(0); // pic_init_qp_minus26
        out.se(0); // pic_init_qs_minus26
        out.se(0); // chroma_qp_index_offset
        out.flag(true); // deblocking_filter_control_present_flag: lets slices switch the filter off
        out.flag(false); // constrained_intra_pred_flag
        out.flag(false); // redundant_pic_cnt_present_flag
        out.trailingBits();
        return NalUnit.of(3, NalUnit.TYPE_PPS, out.toByteArray());
    }

    /**
     * One frame as an IDR slice NAL unit. {@code idrPictureId} must differ between
     * consecutive frames (the standard's rule for back-to-back IDR pictures).
     */
    public byte[] frame(Pixels picture, int idrPictureId) {
        if (picture.width() != width || picture.height() != height) {
            throw new IllegalArgumentException("frame is " + picture.width() + "x" + picture.height()
                    + ", the stream is " + width + "x" + height);
        }
        Planes planes = Planes.of(picture, widthInMacroblocks * MACROBLOCK, heightInMacroblocks * MACROBLOCK);
        int macroblocks = widthInMacroblocks * heightInMacroblocks;
        BitstreamWriter out = new BitstreamWriter(macroblocks * 385 + 16);
        out.ue(0); // first_mb_in_slice
        out.ue(SLICE_TYPE_I_ONLY);
        out.ue(0); // pic_parameter_set_id
        out.bits(0, 4); // frame_num, log2_max_frame_num = 4 bits
        out.ue(idrPictureId & 0xFFFF);
        out.flag(false); // dec_ref_pic_marking: no_output_of_prior_pics_flag
        out.flag(false); // long_term_reference_flag
        out.se(0); // slice_qp_delta
        out.ue(1); // disable_deblocking_filter_idc 1: off (PCM samples are exact already)
        byte[] block = new byte[MACROBLOCK * MACROBLOCK];
        byte[] chromaBlock = new byte[(MACROBLOCK / 2) * (MACROBLOCK / 2)];
        for (int mbY = 0; mbY < heightInMacroblocks; mbY++) {
            for (int mbX = 0; mbX < widthInMacroblocks; mbX++) {
                out.ue(MB_TYPE_I_PCM);
                out.alignWithZeros(); // pcm_alignment_zero_bit
                planes.luma.copyBlock(mbX * MACROBLOCK, mbY * MACROBLOCK, MACROBLOCK, block);
                out.bytes(block, 0, block.length);
                planes.cb.copyBlock(mbX * MACROBLOCK / 2, mbY * MACROBLOCK / 2, MACROBLOCK / 2, chromaBlock);
                out.bytes(chromaBlock, 0, chromaBlock.length);
                planes.cr.copyBlock(mbX * MACROBLOCK / 2, mbY * MACROBLOCK / 2, MACROBLOCK / 2, chromaBlock);
                out.bytes(chromaBlock, 0, chromaBlock.length);
            }
        }
        out.trailingBits();
        return NalUnit.of(3, NalUnit.TYPE_IDR_SLICE, out.toByteArray());
    }

    /** One sample plane, padded to whole macroblocks by repeating the last column and row. */
    private record Plane(int width, int height, byte[] samples) {

        void copyBlock(int left, int top, int size, byte[] into) {
            for (int row = 0; row < size; row++) {
                System.arraycopy(samples, (top + row) * width + left, into, row * size, size);
            }
        }
    }

    /**
     * The picture in Y'CbCr 4:2:0 with BT.601 studio-range coefficients (luma 16-235, chroma
     * 16-240), the colours decoders assume when the stream says nothing. Studio range also
     * keeps every sample above zero, which older decoders require of PCM samples.
     */
    private record Planes(Plane luma, Plane cb, Plane cr) {

        static Planes of(Pixels picture, int codedWidth, int codedHeight) {
            byte[] y = new byte[codedWidth * codedHeight];
            int chromaWidth = codedWidth / 2;
            int chromaHeight = codedHeight / 2;
            int[] cbSum = new int[chromaWidth * chromaHeight];
            int[] crSum = new int[chromaWidth * chromaHeight];
            for (int row = 0; row < codedHeight; row++) {
                int sourceRow = Math.min(row, picture.height() - 1);
                for (int col = 0; col < codedWidth; col++) {
                    int rgb = picture.get(Math.min(col, picture.width() - 1), sourceRow);
                    int r = Colors.red(rgb);
                    int g = Colors.green(rgb);
                    int b = Colors.blue(rgb);
                    y[row * codedWidth + col] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
                    int chroma = (row / 2) * chromaWidth + col / 2;
                    cbSum[chroma] += ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128;
                    crSum[chroma] += ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128;
                }
            }
            byte[] cb = new byte[cbSum.length];
            byte[] cr = new byte[crSum.length];
            for (int i = 0; i < cb.length; i++) {
                cb[i] = (byte) ((cbSum[i] + 2) / 4);
                cr[i] = (byte) ((crSum[i] + 2) / 4);
            }
            return new Planes(new Plane(codedWidth, codedHeight, y), new Plane(chromaWidth, chromaHeight, cb),
                    new Plane(chromaWidth, chromaHeight, cr));
        }
    }
}
