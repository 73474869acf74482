package dev.mjbridge.sandbox.cdn;

/**
 * Pixelates an image into squares of their average colour: the look of an unfinished
 * Midjourney preview, coarse at the start of a job and sharp at the end.
 */
public final class Mosaic {

    private Mosaic() {
    }

    /**
     * The square size for a preview at {@code progress} percent: a tenth of the shorter
     * side at 0 %, shrinking faster than linearly, down to single pixels (the finished
     * grid itself) in the last few percent.
     */
    public static int blockSize(int width, int height, int progress) {
        double remaining = (100 - Math.max(0, Math.min(100, progress))) / 100.0;
        int coarsest = Math.max(1, Math.min(width, height) / 10);
        return Math.max(1, (int) Math.round(coarsest * StrictMath.pow(remaining, 1.5)));
    }

    /** Replaces every {@code block}-sized square (smaller at the edges) by its average colour, in place. */
    public static void pixelate(Pixels pixels, int block) {
        if (block <= 1) {
            return;
        }
        int width = pixels.width();
        int[] rgb = pixels.rgb();
        for (int top = 0; top < pixels.height(); top += block) {
            int bottom = Math.min(pixels.height(), top + block);
            for (int left = 0; left < width; left += block) {
                int right = Math.min(width, left + block);
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = top; y < bottom; y++) {
                    for (int x = left; x < right; x++) {
                        int c = rgb[y * width + x];
                        r += Colors.red(c);
                        g += Colors.green(c);
                        b += Colors.blue(c);
                    }
                }
                long count = (long) (bottom - top) * (right - left);
                pixels.fillRect(left, top, right - left, bottom - top,
                        Colors.rgb((int) (r / count), (int) (g / count), (int) (b / count)));
            }
        }
    }
}
