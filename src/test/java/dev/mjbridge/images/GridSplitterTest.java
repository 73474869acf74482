package dev.mjbridge.images;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cut of synthetic grids: sizes and pixels of each picture, odd sizes, alpha, JPEG, and what is refused. */
class GridSplitterTest {

    private final GridSplitter splitter = new GridSplitter();

    @Test
    void anOddSizedGridGivesTheExtraColumnAndRowToTheRightAndBottomPictures() {
        BufferedImage grid = distinctPixels(7, 5, BufferedImage.TYPE_INT_RGB);

        List<GridPicture> pictures = splitter.split(encode(grid, "png"));

        assertThat(pictures).extracting(GridPicture::position).containsExactly(0, 1, 2, 3);
        assertThat(pictures).extracting(p -> p.width() + "x" + p.height()).containsExactly("3x2", "4x2", "3x3", "4x3");
        assertQuadrants(grid, pictures);
        assertThat(decode(pictures.get(0).png()).getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void alphaIsKept() {
        BufferedImage grid = distinctPixels(6, 9, BufferedImage.TYPE_INT_ARGB);

        List<GridPicture> pictures = splitter.split(encode(grid, "png"));

        assertThat(decode(pictures.get(3).png()).getColorModel().hasAlpha()).isTrue();
        assertQuadrants(grid, pictures);
    }

    @Test
    void aJpegGridIsCutFromItsDecodedPixels() {
        byte[] jpeg = encode(distinctPixels(33, 21, BufferedImage.TYPE_INT_RGB), "jpeg");

        List<GridPicture> pictures = splitter.split(jpeg);

        assertQuadrants(decode(jpeg), pictures);
    }

    @Test
    void nonImagesAndTooSmallImagesAreRefused() {
        assertThatThrownBy(() -> splitter.split("<html>This content is no longer available.</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("not a PNG, JPEG or WebP image");
        assertThatThrownBy(() -> splitter.split(new byte[0])).isInstanceOf(ImageRejectedException.class);
        byte[] png = encode(distinctPixels(8, 8, BufferedImage.TYPE_INT_RGB), "png");
        assertThatThrownBy(() -> splitter.split(java.util.Arrays.copyOf(png, 40)))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("unreadable PNG");
        assertThatThrownBy(() -> splitter.split(encode(distinctPixels(1, 8, BufferedImage.TYPE_INT_RGB), "png")))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("at least 2x2");
    }

    @Test
    void imagesOverThePixelCapAreRefusedBeforeTheirPixelsAreDecoded() {
        assertThatThrownBy(() -> new GridSplitter(100).split(encode(distinctPixels(11, 10, BufferedImage.TYPE_INT_RGB), "png")))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("11x10")
                .hasMessageContaining("cap of 100 pixels");
        assertThat(new GridSplitter(100).split(encode(distinctPixels(10, 10, BufferedImage.TYPE_INT_RGB), "png"))).hasSize(4);

        // A header claiming 100000x100000 pixels (40 GB decoded) over a tiny file: refused from the header alone.
        byte[] bomb = withPngSize(encode(distinctPixels(4, 4, BufferedImage.TYPE_INT_RGB), "png"), 100_000, 100_000);
        assertThatThrownBy(() -> splitter.split(bomb))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("100000x100000");
    }

    static void assertQuadrants(BufferedImage grid, List<GridPicture> pictures) {
        int leftWidth = grid.getWidth() / 2;
        int topHeight = grid.getHeight() / 2;
        for (GridPicture picture : pictures) {
            int n = picture.position();
            int x = n % 2 == 1 ? leftWidth : 0;
            int y = n >= 2 ? topHeight : 0;
            BufferedImage decoded = decode(picture.png());
            assertThat(decoded.getWidth()).as("width of %d", n).isEqualTo(picture.width()).isEqualTo(n % 2 == 1 ? grid.getWidth() - leftWidth : leftWidth);
            assertThat(decoded.getHeight()).as("height of %d", n).isEqualTo(picture.height()).isEqualTo(n >= 2 ? grid.getHeight() - topHeight : topHeight);
            assertSamePixels(decoded, grid.getSubimage(x, y, picture.width(), picture.height()), "picture " + n);
        }
    }

    static void assertSamePixels(BufferedImage actual, BufferedImage expected, String what) {
        assertThat(actual.getWidth()).as("width of %s", what).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as("height of %s", what).isEqualTo(expected.getHeight());
        boolean alpha = expected.getColorModel().hasAlpha();
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int want = alpha ? expected.getRGB(x, y) : expected.getRGB(x, y) | 0xFF000000;
                if (actual.getRGB(x, y) != want) {
                    throw new AssertionError(what + " differs at " + x + "," + y + ": "
                            + Integer.toHexString(actual.getRGB(x, y)) + " instead of " + Integer.toHexString(want));
                }
            }
        }
    }

    /** Every pixel a different colour (and alpha, for ARGB), so a shift by one pixel shows. */
    private static BufferedImage distinctPixels(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? 40 + (x * 13 + y * 29) % 216 : 255;
                image.setRGB(x, y, alpha << 24 | (x * 37 % 256) << 16 | (y * 53 % 256) << 8 | ((x + y) * 11 % 256));
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG with its IHDR size rewritten (and the chunk's CRC fixed, so readers accept the header). */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched);
        buffer.putInt(16, width).putInt(20, height); // 8 signature + 4 length + 4 "IHDR"
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 4 + 13);
        buffer.putInt(29, (int) crc.getValue());
        return patched;
    }
}
