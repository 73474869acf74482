package dev.mjbridge.sandbox.cdn;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.Hashtable;

/**
 * An opaque RGB image as a plain {@code int[]} of {@code 0xRRGGBB} values, row by row.
 * The renderer computes pixels itself instead of going through Java2D so the result is
 * the same on every machine (no antialiasing or font differences) and cheap to produce.
 */
public final class Pixels {

    private final int width;
    private final int height;
    private final int[] rgb;

    public Pixels(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image must be at least 1x1, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = new int[Math.multiplyExact(width, height)];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array ({@code 0xRRGGBB}, row-major); callers may write to it. */
    public int[] rgb() {
        return rgb;
    }

    public int get(int x, int y) {
        return rgb[y * width + x];
    }

    public void set(int x, int y, int color) {
        rgb[y * width + x] = color & 0xFFFFFF;
    }

    /** Sets a pixel if it lies inside the image, so shapes may overhang the edges. */
    public void setClipped(int x, int y, int color) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            rgb[y * width + x] = color & 0xFFFFFF;
        }
    }

    public void fillRect(int x, int y, int w, int h, int color) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        if (x0 >= x1) {
            return;
        }
        for (int row = y0; row < y1; row++) {
            Arrays.fill(rgb, row * width + x0, row * width + x1, color & 0xFFFFFF);
        }
    }

    /** Mixes {@code color} over a rectangle with the given opacity (0-255), for text backings. */
    public void shadeRect(int x, int y, int w, int h, int color, int opacity) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        for (int row = y0; row < y1; row++) {
            for (int col = x0; col < x1; col++) {
                int i = row * width + col;
                rgb[i] = Colors.mix(rgb[i], color, opacity);
            }
        }
    }

    /** Copies {@code source} into this image with its top-left corner at (x, y). */
    public void paste(Pixels source, int x, int y) {
        for (int row = 0; row < source.height; row++) {
            System.arraycopy(source.rgb, row * source.width, rgb, (y + row) * width + x, source.width);
        }
    }

    /** A view for ImageIO that shares this image's array rather than copying it. */
    public BufferedImage toBufferedImage() {
        DirectColorModel model = new DirectColorModel(24, 0xFF0000, 0x00FF00, 0x0000FF);
        SinglePixelPackedSampleModel sampleModel = new SinglePixelPackedSampleModel(
                java.awt.image.DataBuffer.TYPE_INT, width, height, model.getMasks());
        WritableRaster raster = Raster.createWritableRaster(sampleModel, new DataBufferInt(rgb, rgb.length), null);
        return new BufferedImage(model, raster, false, new Hashtable<>());
    }
}
