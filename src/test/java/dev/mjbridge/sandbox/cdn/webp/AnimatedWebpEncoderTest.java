package dev.mjbridge.sandbox.cdn.webp;

import dev.mjbridge.sandbox.cdn.ClipAnimator;
import dev.mjbridge.sandbox.cdn.ExternalTool;
import dev.mjbridge.sandbox.cdn.Frames;
import dev.mjbridge.sandbox.cdn.ImageFormat;
import dev.mjbridge.sandbox.cdn.ImageRecipe;
import dev.mjbridge.sandbox.cdn.ImageRenderer;
import dev.mjbridge.sandbox.cdn.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AnimatedWebpEncoderTest {

    private static final String PROMPT = "a lighthouse on a cliff at dusk";

    /** One RIFF chunk as read back from a file. */
    private record Chunk(String fourCc, byte[] data) {

        int u24(int offset) {
            return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16;
        }
    }

    @Test
    void fileIsVp8xThenAnimThenOneAnmfPerFrame() {
        Frames frames = ClipAnimator.grid(PROMPT, 4, 1, 312, 208, true);
        byte[] file = AnimatedWebpEncoder.encode(frames);

        List<Chunk> chunks = chunks(file);
        assertThat(chunks).extracting(Chunk::fourCc).first().isEqualTo("VP8X");
        assertThat(chunks.get(1).fourCc()).isEqualTo("ANIM");
        assertThat(chunks.subList(2, chunks.size())).extracting(Chunk::fourCc).containsOnly("ANMF").hasSize(24);

        Chunk vp8x = chunks.get(0);
        assertThat(vp8x.data()).hasSize(10);
        assertThat(vp8x.data()[0] & 0xFF).as("flags: animation only").isEqualTo(0x02);
        assertThat(vp8x.u24(4) + 1).as("canvas width").isEqualTo(312);
        assertThat(vp8x.u24(7) + 1).as("canvas height").isEqualTo(208);
        Chunk anim = chunks.get(1);
        assertThat(anim.data()).hasSize(6);
        assertThat(anim.data()[4] | anim.data()[5]).as("loop count: forever").isZero();

        int totalMillis = 0;
        for (int i = 0; i < 24; i++) {
            Chunk anmf = chunks.get(2 + i);
            assertThat(anmf.u24(0)).as("x").isZero();
            assertThat(anmf.u24(3)).as("y").isZero();
            assertThat(anmf.u24(6) + 1).isEqualTo(312);
            assertThat(anmf.u24(9) + 1).isEqualTo(208);
            int millis = anmf.u24(12);
            assertThat(millis).isBetween(83, 84);
            totalMillis += millis;
            assertThat(anmf.data()[15] & 0x03).as("no blending, no disposal").isEqualTo(0x02);
            List<Chunk> frameChunks = chunks(anmf.data(), 16);
            assertThat(frameChunks).extracting(Chunk::fourCc).containsExactly("VP8L");
            byte[] vp8l = frameChunks.get(0).data();
            assertThat(vp8l[0]).as("VP8L signature").isEqualTo((byte) 0x2F);
            int header = ByteBuffer.wrap(vp8l, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            assertThat((header & 0x3FFF) + 1).isEqualTo(312);
            assertThat(((header >>> 14) & 0x3FFF) + 1).isEqualTo(208);
        }
        assertThat(totalMillis).as("two seconds in all").isEqualTo(2000);
    }

    @Test
    void oneFrameStaysAPlainLosslessStill() {
        Pixels picture = new ImageRenderer().draw(ImageRecipe.grid(PROMPT, 4, 64, 48));

        byte[] still = ImageFormat.WEBP.encode(Frames.still(picture));

        assertThat(still).isEqualTo(WebpLosslessEncoder.encode(picture.rgb(), 64, 48));
        assertThat(chunks(still)).extracting(Chunk::fourCc).containsExactly("VP8L");
        assertThat(chunks(new ImageRenderer().render(ImageRecipe.preview(PROMPT, 4, 64, 64, 30), "p_grid_0.webp")))
                .extracting(Chunk::fourCc).containsExactly("VP8L");
    }

    @Test
    void sameAnimationGivesIdenticalBytes() {
        byte[] first = new ImageRenderer().render(ImageRecipe.animation(PROMPT, 6, 160, 160, false), "a.webp");
        byte[] second = new ImageRenderer().render(ImageRecipe.animation(PROMPT, 6, 160, 160, false), "a.webp");
        byte[] highMotion = new ImageRenderer().render(ImageRecipe.animation(PROMPT, 6, 160, 160, true), "a.webp");

        assertThat(second).isEqualTo(first);
        assertThat(highMotion).isNotEqualTo(first);
    }

    @Test
    void frameDurationsAddUpExactly() {
        Frames frames = ClipAnimator.clip(PROMPT, 1, 1, 0, 8, 8, false);
        int total = 0;
        for (int i = 0; i < frames.count(); i++) {
            total += AnimatedWebpEncoder.frameMillis(frames, i);
        }
        assertThat(total).isEqualTo(frames.durationMillis()).isEqualTo(2000);
    }

    /**
     * libwebp's own tools as judges: webpinfo finds no error, webpmux sees an animation of 24
     * frames on the right canvas, and every frame it extracts decodes (dwebp) to exactly the
     * frame encoded. Skipped where the Debian package {@code webp} is not installed.
     */
    @Test
    void libwebpReadsEveryFrameBackExactly(@TempDir Path dir) throws Exception {
        Optional<ExternalTool> webpinfo = ExternalTool.find("webpinfo");
        Optional<ExternalTool> webpmux = ExternalTool.find("webpmux");
        Optional<ExternalTool> dwebp = ExternalTool.find("dwebp");
        assumeTrue(webpinfo.isPresent() && webpmux.isPresent() && dwebp.isPresent(),
                "libwebp tools not installed (apt-get install webp)");
        Frames frames = ClipAnimator.grid(PROMPT, 8, 1, 200, 150, true);
        Path file = dir.resolve("animation.webp");
        Files.write(file, AnimatedWebpEncoder.encode(frames));

        ExternalTool.Run info = webpinfo.get().run(file.toString());
        assertThat(info.exitCode()).as(info.stdoutText()).isZero();
        assertThat(info.stdoutText()).contains("No error detected.").doesNotContainIgnoringCase("warning");
        ExternalTool.Run mux = webpmux.get().run("-info", file.toString());
        assertThat(mux.exitCode()).as(mux.stderr()).isZero();
        assertThat(mux.stdoutText()).contains("Canvas size: 200 x 150", "Features present: animation",
                "Number of frames: 24");

        for (int i = 0; i < 24; i++) {
            Path frame = dir.resolve("frame" + i + ".webp");
            Path png = dir.resolve("frame" + i + ".png");
            ExternalTool.Run get = webpmux.get().run("-get", "frame", String.valueOf(i + 1), file.toString(),
                    "-o", frame.toString());
            assertThat(get.exitCode()).as(get.stderr()).isZero();
            ExternalTool.Run decode = dwebp.get().run(frame.toString(), "-o", png.toString());
            assertThat(decode.exitCode()).as(decode.stderr()).isZero();
            BufferedImage decoded = ImageIO.read(png.toFile());
            int[] rgb = decoded.getRGB(0, 0, 200, 150, null, 0, 200);
            int[] expected = Arrays.stream(frames.frames().get(i).rgb()).map(c -> 0xFF000000 | c).toArray();
            assertThat(rgb).as("frame %d", i).isEqualTo(expected);
        }
    }

    private static List<Chunk> chunks(byte[] file) {
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(file.length - 8);
        assertThat(new String(file, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        return chunks(file, 12);
    }

    /** The chunks from {@code from} to the end, checking each size and pad. */
    private static List<Chunk> chunks(byte[] bytes, int from) {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = from;
        while (at < bytes.length) {
            String fourCc = new String(bytes, at, 4, StandardCharsets.US_ASCII);
            int size = in.getInt(at + 4);
            assertThat(at + 8 + size).as(fourCc + " fits").isLessThanOrEqualTo(bytes.length);
            chunks.add(new Chunk(fourCc, Arrays.copyOfRange(bytes, at + 8, at + 8 + size)));
            at += 8 + size + (size & 1);
        }
        assertThat(at).as("chunks end exactly at the end").isEqualTo(bytes.length);
        return chunks;
    }
}
