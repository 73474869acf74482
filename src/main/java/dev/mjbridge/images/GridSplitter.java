package dev.mjbridge.images;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cuts a finished 2x2 grid into its four pictures, so a client gets all four without four
 * upscales. The cut is Midjourney's: the left pictures are {@code width / 2} wide and the top
 * ones {@code height / 2} high, so for odd sizes the extra column and row go to the right and
 * bottom pictures. Pixels are copied unchanged, alpha included when the grid has it.
 */
public final class GridSplitter {

    /** Midjourney's largest grids are a few megapixels; 40 MP (160 MB decoded) leaves room without risking the heap. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final long maxPixels;

    public GridSplitter() {
        this(DEFAULT_MAX_PIXELS);
    }

    public GridSplitter(long maxPixels) {
        if (maxPixels < 4) {
            throw new IllegalArgumentException("the pixel cap must allow at least a 2x2 grid, was " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /**
     * The four pictures of {@code grid} (PNG, JPEG or WebP bytes) in grid order, each as PNG.
     *
     * @throws ImageRejectedException for bytes that are no such image, are broken, are smaller than
     *                                2x2 or have more pixels than the cap (checked before decoding)
     */
    public List<GridPicture> split(byte[] grid) {
        BufferedImage image = decode(grid);
        int leftWidth = image.getWidth() / 2;
        int topHeight = image.getHeight() / 2;
        // PNG-encoding the four pictures is most of the time a cut takes and each is independent:
        // they are encoded side by side (the common pool plus the calling thread), in grid order.
        return IntStream.range(0, 4).parallel().mapToObj(position -> {
            boolean right = position % 2 == 1;
            boolean bottom = position >= 2;
            int x = right ? leftWidth : 0;
            int y = bottom ? topHeight : 0;
            int width = right ? image.getWidth() - leftWidth : leftWidth;
            int height = bottom ? image.getHeight() - topHeight : topHeight;
            return new GridPicture(position, width, height, png(copy(image, x, y, width, height)));
        }).toList();
    }

    private BufferedImage decode(byte[] bytes) {
        PictureFormat format = PictureFormat.sniff(bytes)
                .orElseThrow(() -> new ImageRejectedException("not a PNG, JPEG or WebP image"));
        ImageReader reader;
        try {
            reader = format.newReader();
        } catch (IOException e) {
            throw new IllegalStateException("no " + format + " reader", e);
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            // The header tells the size: refuse before the decoder allocates anything for the pixels.
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > maxPixels) {
                throw new ImageRejectedException(format + " image of " + width + "x" + height
                        + " pixels is over the cap of " + maxPixels + " pixels");
            }
            if (width < 2 || height < 2) {
                throw new ImageRejectedException("a grid needs at least 2x2 pixels, this " + format + " image has "
                        + width + "x" + height);
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            throw new ImageRejectedException("unreadable " + format + " image: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** A standalone copy of a region, as 8-bit sRGB with alpha only if the grid has alpha. */
    private static BufferedImage copy(BufferedImage source, int x, int y, int width, int height) {
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int line = 0; line < height; line++) {
            source.getRGB(x, y + line, width, 1, row, 0, width);
            target.setRGB(0, line, width, 1, row, 0, width);
        }
        return target;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
