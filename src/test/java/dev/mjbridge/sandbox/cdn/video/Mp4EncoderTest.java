package dev.mjbridge.sandbox.cdn.video;

import dev.mjbridge.sandbox.cdn.ClipAnimator;
import dev.mjbridge.sandbox.cdn.Colors;
import dev.mjbridge.sandbox.cdn.ExternalTool;
import dev.mjbridge.sandbox.cdn.Frames;
import dev.mjbridge.sandbox.cdn.ImageRecipe;
import dev.mjbridge.sandbox.cdn.ImageRenderer;
import dev.mjbridge.sandbox.cdn.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Mp4EncoderTest {

    private static final String PROMPT = "a lighthouse on a cliff at dusk";

    @Test
    void boxesDescribeOneVideoTrackOfEveryFrame() {
        Frames frames = ClipAnimator.clip(PROMPT, 5, 1, 2, 320, 320, true);
        byte[] file = Mp4Encoder.encode(frames);

        List<Mp4Boxes.Box> top = Mp4Boxes.parse(file, 0, file.length);
        assertThat(top).extracting(Mp4Boxes.Box::type).containsExactly("ftyp", "moov", "mdat");
        Mp4Boxes.Box ftyp = top.get(0);
        assertThat(ftyp.fourCc(0)).isEqualTo("isom");
        List<String> brands = new ArrayList<>();
        for (int at = 8; at < ftyp.size() - 8; at += 4) {
            brands.add(ftyp.fourCc(at));
        }
        assertThat(brands).contains("isom", "avc1");

        Mp4Boxes.Box mvhd = Mp4Boxes.path(file, "moov", "mvhd");
        assertThat(mvhd.number(12, 4)).as("movie timescale").isEqualTo(1000);
        assertThat(mvhd.number(16, 4)).as("movie duration, ms").isEqualTo(2000);
        Mp4Boxes.Box tkhd = Mp4Boxes.path(file, "moov", "trak", "tkhd");
        assertThat(tkhd.number(0, 4) & 0xFFFFFF).as("track enabled and in the movie").isEqualTo(3);
        assertThat(tkhd.number(76, 4) >> 16).as("track width").isEqualTo(320);
        assertThat(tkhd.number(80, 4) >> 16).as("track height").isEqualTo(320);
        Mp4Boxes.Box mdhd = Mp4Boxes.path(file, "moov", "trak", "mdia", "mdhd");
        assertThat((double) mdhd.number(16, 4) / mdhd.number(12, 4)).as("track seconds").isEqualTo(2.0);
        assertThat(Mp4Boxes.path(file, "moov", "trak", "mdia", "hdlr").fourCc(8)).isEqualTo("vide");
        assertThat(Mp4Boxes.path(file, "moov", "trak", "mdia", "minf", "vmhd")).isNotNull();
        assertThat(Mp4Boxes.path(file, "moov", "trak", "mdia", "minf", "dinf", "dref").number(4, 4)).isEqualTo(1);

        Mp4Boxes.Box stsd = Mp4Boxes.path(file, "moov", "trak", "mdia", "minf", "stbl", "stsd");
        Mp4Boxes.Box avc1 = stsd.child("avc1", 8);
        assertThat(avc1.number(24, 2)).as("sample entry width").isEqualTo(320);
        assertThat(avc1.number(26, 2)).as("sample entry height").isEqualTo(320);
        Mp4Boxes.Box avcC = avc1.child("avcC", 78);
        assertThat(avcC.number(0, 1)).as("configurationVersion").isEqualTo(1);
        assertThat(avcC.number(1, 1)).as("profile: Baseline").isEqualTo(66);
        assertThat(avcC.number(4, 1) & 3).as("NAL length size - 1").isEqualTo(3);
        assertThat(avcC.number(5, 1) & 0x1F).as("one SPS").isEqualTo(1);
        int spsLength = (int) avcC.number(6, 2);
        byte[] sps = Arrays.copyOfRange(file, avcC.contentStart() + 8, avcC.contentStart() + 8 + spsLength);
        assertThat(H264Reader.nalType(sps)).isEqualTo(7);
        int ppsAt = avcC.contentStart() + 8 + spsLength;
        assertThat(file[ppsAt]).as("one PPS").isEqualTo((byte) 1);
        byte[] pps = Arrays.copyOfRange(file, ppsAt + 3, ppsAt + 3 + (int) Mp4Boxes.number(file, ppsAt + 1, 2));
        assertThat(H264Reader.nalType(pps)).isEqualTo(8);
        assertThat(ppsAt + 3 + pps.length).as("avcC ends after the PPS").isEqualTo(avcC.end());

        Mp4Boxes.Box stbl = Mp4Boxes.path(file, "moov", "trak", "mdia", "minf", "stbl");
        Mp4Boxes.Box stts = stbl.child("stts", 0);
        assertThat(stts.number(4, 4)).isEqualTo(1);
        assertThat(stts.number(8, 4)).as("samples").isEqualTo(24);
        assertThat((double) mdhd.number(12, 4) / stts.number(12, 4)).as("frames per second").isEqualTo(12.0);
        Mp4Boxes.Box stss = stbl.child("stss", 0);
        assertThat(stss.number(4, 4)).as("every frame is a sync sample").isEqualTo(24);
        Mp4Boxes.Box stsc = stbl.child("stsc", 0);
        assertThat(stsc.number(4, 4)).isEqualTo(1);
        assertThat(stsc.number(12, 4)).as("all samples in one chunk").isEqualTo(24);
        Mp4Boxes.Box stsz = stbl.child("stsz", 0);
        assertThat(stsz.number(8, 4)).isEqualTo(24);
        Mp4Boxes.Box stco = stbl.child("stco", 0);
        assertThat(stco.number(4, 4)).isEqualTo(1);

        Mp4Boxes.Box mdat = top.get(2);
        int at = (int) stco.number(8, 4);
        assertThat(at).as("the chunk starts at mdat's content").isEqualTo(mdat.contentStart());
        H264Reader.SequenceSize size = H264Reader.readSps(sps);
        for (int sample = 0; sample < 24; sample++) {
            int sampleSize = (int) stsz.number(12 + 4 * sample, 4);
            int nalLength = (int) Mp4Boxes.number(file, at, 4);
            assertThat(4 + nalLength).as("sample %d is one length-prefixed NAL unit", sample).isEqualTo(sampleSize);
            byte[] nal = Arrays.copyOfRange(file, at + 4, at + sampleSize);
            assertThat(H264Reader.nalType(nal)).as("IDR slice").isEqualTo(5);
            assertThat(nal[0] & 0x60).as("nal_ref_idc").isNotZero();
            assertSamplesOf(H264Reader.readPcmSlice(nal, size), frames.frames().get(sample));
            at += sampleSize;
        }
        assertThat(at).as("mdat holds exactly the samples").isEqualTo(mdat.end()).isEqualTo(file.length);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"320, 320, 20, 20, 0, 0", "300, 200, 19, 13, 2, 4", "2, 2, 1, 1, 7, 7", "34, 18, 3, 2, 7, 7"})
    void spsCodesWholeMacroblocksAndCropsToTheSize(int width, int height, int widthMbs, int heightMbs,
                                                  int cropRight, int cropBottom) {
        H264PcmEncoder encoder = new H264PcmEncoder(width, height);
        H264Reader.SequenceSize sps = H264Reader.readSps(encoder.sequenceParameterSet());

        assertThat(sps.profile()).isEqualTo(66);
        assertThat(sps.widthInMacroblocks()).isEqualTo(widthMbs);
        assertThat(sps.heightInMacroblocks()).isEqualTo(heightMbs);
        assertThat(sps.cropRight()).isEqualTo(cropRight);
        assertThat(sps.cropBottom()).isEqualTo(cropBottom);
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);

        Pixels picture = ClipAnimator.frame(PROMPT, 1, 1, 0, width, height, false, 0.3);
        assertSamplesOf(H264Reader.readPcmSlice(encoder.frame(picture, 0), sps), picture);
    }

    @Test
    void sameClipGivesIdenticalBytes() {
        ImageRecipe recipe = ImageRecipe.videoClip(PROMPT, 9, 1, 160, 96, false);
        byte[] first = new ImageRenderer().render(recipe, "clip.mp4");
        byte[] second = new ImageRenderer().render(ImageRecipe.videoClip(PROMPT, 9, 1, 160, 96, false), "clip.mp4");

        assertThat(second).isEqualTo(first);
        assertThat(new ImageRenderer().render(ImageRecipe.videoClip(PROMPT, 9, 2, 160, 96, false), "clip.mp4"))
                .isNotEqualTo(first);
    }

    @Test
    void rejectsSizesH264CannotCropTo() {
        assertThatThrownBy(() -> new H264PcmEncoder(321, 320)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H264PcmEncoder(320, 1)).isInstanceOf(IllegalArgumentException.class);
        H264PcmEncoder encoder = new H264PcmEncoder(64, 64);
        assertThatThrownBy(() -> encoder.frame(new Pixels(32, 64), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The independent proof: FFmpeg reads the file as H.264 Constrained Baseline of the right
     * size, rate and frame count, decodes every frame without a complaint, and the decoded
     * samples are the pictures encoded. Skipped where ffmpeg/ffprobe are not installed.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"320, 320", "300, 200"})
    void ffmpegDecodesEveryFrameToThePicturesEncoded(int width, int height, @TempDir Path dir) throws Exception {
        Optional<ExternalTool> ffprobe = ExternalTool.find("ffprobe");
        Optional<ExternalTool> ffmpeg = ExternalTool.find("ffmpeg");
        assumeTrue(ffprobe.isPresent() && ffmpeg.isPresent(), "ffmpeg not installed (apt-get install ffmpeg)");
        Frames frames = ClipAnimator.clip(PROMPT, 11, 1, 3, width, height, true);
        Path file = dir.resolve("clip.mp4");
        Files.write(file, Mp4Encoder.encode(frames));

        ExternalTool.Run probe = ffprobe.get().run("-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,profile,width,height,nb_read_frames,r_frame_rate,pix_fmt",
                "-of", "default=noprint_wrappers=1", file.toString());
        assertThat(probe.exitCode()).as(probe.stderr()).isZero();
        assertThat(probe.stderr()).isEmpty();
        assertThat(probe.stdoutText().lines()).contains("codec_name=h264", "profile=Constrained Baseline",
                "width=" + width, "height=" + height, "pix_fmt=yuv420p", "r_frame_rate=12/1", "nb_read_frames=24");

        ExternalTool.Run decode = ffmpeg.get().run("-v", "error", "-i", file.toString(),
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-");
        assertThat(decode.exitCode()).as(decode.stderr()).isZero();
        assertThat(decode.stderr()).as("decoder complaints").isEmpty();
        int lumaBytes = width * height;
        int frameBytes = lumaBytes * 3 / 2;
        assertThat(decode.stdout()).hasSize(24 * frameBytes);
        for (int i = 0; i < 24; i++) {
            int at = i * frameBytes;
            H264Reader.Picture decoded = new H264Reader.Picture(width, height,
                    Arrays.copyOfRange(decode.stdout(), at, at + lumaBytes),
                    Arrays.copyOfRange(decode.stdout(), at + lumaBytes, at + lumaBytes * 5 / 4),
                    Arrays.copyOfRange(decode.stdout(), at + lumaBytes * 5 / 4, at + frameBytes));
            assertSamplesOf(decoded, frames.frames().get(i));
        }
    }

    /**
     * The samples are the picture's, by the textbook BT.601 studio-range formulas computed here
     * independently: luma per pixel, chroma as the average of each 2x2 block (4:2:0).
     */
    private static void assertSamplesOf(H264Reader.Picture picture, Pixels source) {
        int coded = picture.codedWidth();
        double worstLuma = 0;
        for (int y = 0; y < source.height(); y++) {
            for (int x = 0; x < source.width(); x++) {
                int c = source.get(x, y);
                double luma = 16 + 0.257 * Colors.red(c) + 0.504 * Colors.green(c) + 0.098 * Colors.blue(c);
                worstLuma = Math.max(worstLuma, Math.abs((picture.luma()[y * coded + x] & 0xFF) - luma));
            }
        }
        double worstChroma = 0;
        for (int y = 0; y < source.height() / 2; y++) {
            for (int x = 0; x < source.width() / 2; x++) {
                double cb = 0;
                double cr = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int c = source.get(2 * x + dx, 2 * y + dy);
                        cb += (128 - 0.148 * Colors.red(c) - 0.291 * Colors.green(c) + 0.439 * Colors.blue(c)) / 4;
                        cr += (128 + 0.439 * Colors.red(c) - 0.368 * Colors.green(c) - 0.071 * Colors.blue(c)) / 4;
                    }
                }
                int at = y * (coded / 2) + x;
                worstChroma = Math.max(worstChroma, Math.abs((picture.cb()[at] & 0xFF) - cb));
                worstChroma = Math.max(worstChroma, Math.abs((picture.cr()[at] & 0xFF) - cr));
            }
        }
        assertThat(worstLuma).as("largest luma error").isLessThanOrEqualTo(1.0);
        assertThat(worstChroma).as("largest chroma error").isLessThanOrEqualTo(1.5);
    }
}
