package dev.mjbridge.sandbox.cdn.webp;

import dev.mjbridge.sandbox.cdn.ExternalTool;
import dev.mjbridge.sandbox.cdn.ImageRecipe;
import dev.mjbridge.sandbox.cdn.ImageRenderer;
import dev.mjbridge.sandbox.cdn.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WebpLosslessEncoderTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 1", "3, 5", "512, 512", "1024, 576", "16384, 1"})
    void fileStructureMatchesTheContainerAndVp8lHeader(int width, int height) {
        byte[] file = WebpLosslessEncoder.encode(noise(width, height, 1), width, height);
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ascii(file, 0)).isEqualTo("RIFF");
        assertThat(in.getInt(4)).as("RIFF size covers everything after it").isEqualTo(file.length - 8);
        assertThat(ascii(file, 8)).isEqualTo("WEBP");
        assertThat(ascii(file, 12)).isEqualTo("VP8L");
        int chunkSize = in.getInt(16);
        assertThat(file.length).as("chunk padded to an even size").isEqualTo(20 + chunkSize + (chunkSize & 1));
        assertThat(file.length % 2).isZero();
        assertThat(file[20]).as("VP8L signature").isEqualTo((byte) 0x2F);
        int header = in.getInt(21);
        assertThat((header & 0x3FFF) + 1).isEqualTo(width);
        assertThat(((header >>> 14) & 0x3FFF) + 1).isEqualTo(height);
        assertThat((header >>> 28) & 1).as("alpha_is_used").isZero();
        assertThat(header >>> 29).as("version").isZero();
    }

    @Test
    void flatAndRepetitiveImagesCompress() {
        int[] flat = new int[512 * 512];
        Arrays.fill(flat, 0x336699);
        assertThat(WebpLosslessEncoder.encode(flat, 512, 512).length).isLessThan(1_000);

        Pixels preview = new ImageRenderer().draw(ImageRecipe.preview("a cat", 1, 512, 512, 20));
        assertThat(WebpLosslessEncoder.encode(preview.rgb(), 512, 512).length).isLessThan(512 * 512 / 10);
    }

    @Test
    void rejectsSizesTheFormatCannotHold() {
        assertThatThrownBy(() -> WebpLosslessEncoder.encode(new int[16385], 16385, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebpLosslessEncoder.encode(new int[3], 2, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The real proof: libwebp's own decoder reads every kind of image back pixel for
     * pixel. Skipped where {@code dwebp} (Debian package {@code webp}) is not installed.
     */
    @Test
    void dwebpDecodesToTheSamePixels(@TempDir Path dir) throws Exception {
        Optional<ExternalTool> dwebp = ExternalTool.find("dwebp");
        assumeTrue(dwebp.isPresent(), "dwebp not installed (apt-get install webp)");

        ImageRenderer renderer = new ImageRenderer();
        Map<String, Pixels> images = new LinkedHashMap<>();
        images.put("grid", renderer.draw(ImageRecipe.grid("a fox in the snow", 42, 512, 512)));
        images.put("preview", renderer.draw(ImageRecipe.preview("a fox in the snow", 42, 640, 448, 35)));
        images.put("upscale-odd-size", renderer.draw(ImageRecipe.single("tea", 9, 3, 301, 199)));
        images.put("noise", pixels(noise(257, 129, 7), 257, 129));
        images.put("one-colour", pixels(filled(64, 48, 0x10C0F0), 64, 48));
        images.put("two-colours", pixels(twoColours(33, 17), 33, 17));
        images.put("one-pixel", pixels(new int[]{0xABCDEF}, 1, 1));
        images.put("one-column", pixels(noise(1, 300, 3), 1, 300));
        images.put("long-runs", pixels(longRuns(5000, 3), 5000, 3));

        for (Map.Entry<String, Pixels> image : images.entrySet()) {
            Pixels pixels = image.getValue();
            Path webp = dir.resolve(image.getKey() + ".webp");
            Path png = dir.resolve(image.getKey() + ".png");
            Files.write(webp, WebpLosslessEncoder.encode(pixels.rgb(), pixels.width(), pixels.height()));
            ExternalTool.Run run = dwebp.get().run(webp.toString(), "-o", png.toString());
            assertThat(run.exitCode()).as(image.getKey() + ": " + run.stderr()).isZero();

            BufferedImage decoded = ImageIO.read(png.toFile());
            assertThat(decoded.getWidth()).isEqualTo(pixels.width());
            assertThat(decoded.getHeight()).isEqualTo(pixels.height());
            int[] rgb = decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
            int[] expected = Arrays.stream(pixels.rgb()).map(c -> 0xFF000000 | c).toArray();
            assertThat(rgb).as(image.getKey()).isEqualTo(expected);
        }
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }

    private static Pixels pixels(int[] rgb, int width, int height) {
        Pixels pixels = new Pixels(width, height);
        System.arraycopy(rgb, 0, pixels.rgb(), 0, rgb.length);
        return pixels;
    }

    private static int[] noise(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextInt(0x1000000);
        }
        return rgb;
    }

    private static int[] filled(int width, int height, int colour) {
        int[] rgb = new int[width * height];
        Arrays.fill(rgb, colour);
        return rgb;
    }

    private static int[] twoColours(int width, int height) {
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (i / 3) % 2 == 0 ? 0x000000 : 0x01FF02;
        }
        return rgb;
    }

    /** Rows longer than the longest copy the format allows, with a few changes along them. */
    private static int[] longRuns(int width, int height) {
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i % 4500 < 10 ? 0xFF0000 : 0x00FF00 + (i / width);
        }
        return rgb;
    }
}
