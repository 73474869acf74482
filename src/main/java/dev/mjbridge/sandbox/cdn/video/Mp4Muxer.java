package dev.mjbridge.sandbox.cdn.video;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Packs an H.264 stream into an MP4 file (ISO/IEC 14496-12 and -15): one video track,
 * every sample a key frame, all samples in one chunk. The {@code moov} box comes before
 * {@code mdat} ("fast start"), so players can begin before the whole file has arrived.
 */
public final class Mp4Muxer {

    /** Ticks per second of the track's clock; a multiple of the usual frame rates. */
    static final int TRACK_TIMESCALE = 12_000;
    static final int MOVIE_TIMESCALE = 1_000;
    /** Every NAL unit in a sample is preceded by its length in this many bytes. */
    static final int NAL_LENGTH_SIZE = 4;

    private Mp4Muxer() {
    }

    /**
     * An MP4 file of the given frames ({@code frames}: one NAL unit each, without start code),
     * played at {@code framesPerSecond}.
     */
    public static byte[] mux(byte[] sps, byte[] pps, List<byte[]> frames, int width, int height, int framesPerSecond) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a video needs at least one frame");
        }
        if (TRACK_TIMESCALE % framesPerSecond != 0) {
            throw new IllegalArgumentException("unsupported frame rate " + framesPerSecond);
        }
        int sampleDelta = TRACK_TIMESCALE / framesPerSecond;
        long trackDuration = (long) sampleDelta * frames.size();
        long movieDuration = trackDuration * MOVIE_TIMESCALE / TRACK_TIMESCALE;
        int[] sampleSizes = new int[frames.size()];
        for (int i = 0; i < sampleSizes.length; i++) {
            sampleSizes[i] = NAL_LENGTH_SIZE + frames.get(i).length;
        }

        byte[] ftyp = BoxWriter.box("ftyp").fourCc("isom").u32(0x200)
                .fourCc("isom").fourCc("iso2").fourCc("avc1").fourCc("mp41").build();
        // The chunk offset depends on the size of moov, which does not depend on the offset's value.
        byte[] moovDraft = moov(sps, pps, width, height, sampleDelta, trackDuration, movieDuration, sampleSizes, 0);
        long dataOffset = ftyp.length + moovDraft.length + 8L;
        byte[] moov = moov(sps, pps, width, height, sampleDelta, trackDuration, movieDuration, sampleSizes, dataOffset);

        long mdatSize = 8L;
        for (int size : sampleSizes) {
            mdatSize += size;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream((int) (ftyp.length + moov.length + mdatSize));
        file.writeBytes(ftyp);
        file.writeBytes(moov);
        writeU32(file, mdatSize);
        file.writeBytes(new byte[] {'m', 'd', 'a', 't'});
        for (byte[] frame : frames) {
            writeU32(file, frame.length);
            file.writeBytes(frame);
        }
        return file.toByteArray();
    }

    private static byte[] moov(byte[] sps, byte[] pps, int width, int height, int sampleDelta, long trackDuration,
                               long movieDuration, int[] sampleSizes, long dataOffset) {
        byte[] mvhd = BoxWriter.fullBox("mvhd", 0, 0)
                .u32(0).u32(0) // creation and modification time: fixed, so the same clip gives the same bytes
                .u32(MOVIE_TIMESCALE).u32(movieDuration)
                .u32(0x00010000) // rate 1.0
                .u16(0x0100) // volume 1.0
                .zeros(10)
                .unityMatrix()
                .zeros(24) // pre_defined
                .u32(2) // next_track_ID
                .build();
        byte[] tkhd = BoxWriter.fullBox("tkhd", 0, 0x3) // enabled, in movie
                .u32(0).u32(0)
                .u32(1) // track_ID
                .u32(0)
                .u32(movieDuration)
                .zeros(8)
                .u16(0).u16(0) // layer, alternate_group
                .u16(0) // volume: a video track is silent
                .u16(0)
                .unityMatrix()
                .u32((long) width << 16).u32((long) height << 16)
                .build();
        byte[] mdhd = BoxWriter.fullBox("mdhd", 0, 0)
                .u32(0).u32(0)
                .u32(TRACK_TIMESCALE).u32(trackDuration)
                .u16(0x55C4) // language "und", three 5-bit letters
                .u16(0)
                .build();
        byte[] hdlr = BoxWriter.fullBox("hdlr", 0, 0)
                .u32(0).fourCc("vide").zeros(12)
                .bytes("VideoHandler\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .build();
        byte[] vmhd = BoxWriter.fullBox("vmhd", 0, 1).u16(0).u16(0).u16(0).u16(0).build();
        byte[] dinf = BoxWriter.box("dinf").bytes(BoxWriter.fullBox("dref", 0, 0).u32(1)
                .bytes(BoxWriter.fullBox("url ", 0, 1).build()) // flag 1: the data is in this file
                .build()).build();
        byte[] stbl = BoxWriter.box("stbl")
                .bytes(stsd(sps, pps, width, height))
                .bytes(BoxWriter.fullBox("stts", 0, 0).u32(1).u32(sampleSizes.length).u32(sampleDelta).build())
                .bytes(stss(sampleSizes.length))
                .bytes(BoxWriter.fullBox("stsc", 0, 0).u32(1).u32(1).u32(sampleSizes.length).u32(1).build())
                .bytes(stsz(sampleSizes))
                .bytes(BoxWriter.fullBox("stco", 0, 0).u32(1).u32(dataOffset).build())
                .build();
        byte[] minf = BoxWriter.box("minf").bytes(vmhd).bytes(dinf).bytes(stbl).build();
        byte[] mdia = BoxWriter.box("mdia").bytes(mdhd).bytes(hdlr).bytes(minf).build();
        byte[] trak = BoxWriter.box("trak").bytes(tkhd).bytes(mdia).build();
        return BoxWriter.box("moov").bytes(mvhd).bytes(trak).build();
    }

    /** The sample description: an {@code avc1} visual entry carrying the decoder configuration ({@code avcC}). */
    private static byte[] stsd(byte[] sps, byte[] pps, int width, int height) {
        byte[] avcC = BoxWriter.box("avcC")
                .u8(1) // configurationVersion
                .u8(sps[1] & 0xFF).u8(sps[2] & 0xFF).u8(sps[3] & 0xFF) // profile, constraints, level
                .u8(0xFC | (NAL_LENGTH_SIZE - 1))
                .u8(0xE0 | 1).u16(sps.length).bytes(sps)
                .u8(1).u16(pps.length).bytes(pps)
                .build();
        byte[] compressorName = new byte[32];
        byte[] avc1 = BoxWriter.box("avc1")
                .zeros(6).u16(1) // reserved, data_reference_index
                .u16(0).u16(0).zeros(12) // pre_defined, reserved, pre_defined
                .u16(width).u16(height)
                .u32(0x00480000).u32(0x00480000) // 72 dpi
                .u32(0)
                .u16(1) // frame_count per sample
                .bytes(compressorName)
                .u16(0x0018) // depth: colour, no alpha
                .u16(0xFFFF) // pre_defined = -1
                .bytes(avcC)
                .build();
        return BoxWriter.fullBox("stsd", 0, 0).u32(1).bytes(avc1).build();
    }

    private static byte[] stss(int samples) {
        BoxWriter stss = BoxWriter.fullBox("stss", 0, 0).u32(samples);
        for (int i = 1; i <= samples; i++) {
            stss.u32(i);
        }
        return stss.build();
    }

    private static byte[] stsz(int[] sizes) {
        BoxWriter stsz = BoxWriter.fullBox("stsz", 0, 0).u32(0).u32(sizes.length);
        for (int size : sizes) {
            stsz.u32(size);
        }
        return stsz.build();
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }
}
