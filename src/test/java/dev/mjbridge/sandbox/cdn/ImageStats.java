package dev.mjbridge.sandbox.cdn;

import java.awt.image.BufferedImage;

/** Measurements on rendered images for the tests. */
final class ImageStats {

    private ImageStats() {
    }

    /** Average colour of a region as {r, g, b}. */
    static double[] average(Pixels pixels, GridComposer.Region region) {
        double r = 0;
        double g = 0;
        double b = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                int c = pixels.get(x, y);
                r += Colors.red(c);
                g += Colors.green(c);
                b += Colors.blue(c);
            }
        }
        double n = (double) region.width() * region.height();
        return new double[]{r / n, g / n, b / n};
    }

    static double[] average(Pixels pixels) {
        return average(pixels, new GridComposer.Region(0, 0, pixels.width(), pixels.height()));
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    /** Mean absolute channel difference (0-255) between two equally sized regions laid over each other. */
    static double meanDifference(Pixels pixels, GridComposer.Region a, GridComposer.Region b) {
        int width = Math.min(a.width(), b.width());
        int height = Math.min(a.height(), b.height());
        long sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = pixels.get(a.x() + x, a.y() + y);
                int q = pixels.get(b.x() + x, b.y() + y);
                sum += Math.abs(Colors.red(p) - Colors.red(q)) + Math.abs(Colors.green(p) - Colors.green(q))
                        + Math.abs(Colors.blue(p) - Colors.blue(q));
            }
        }
        return sum / (3.0 * width * height);
    }

    /** Mean absolute channel difference (0-255) between the same region of two images. */
    static double meanDifference(Pixels first, Pixels second, GridComposer.Region region) {
        long sum = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                int p = first.get(x, y);
                int q = second.get(x, y);
                sum += Math.abs(Colors.red(p) - Colors.red(q)) + Math.abs(Colors.green(p) - Colors.green(q))
                        + Math.abs(Colors.blue(p) - Colors.blue(q));
            }
        }
        return sum / (3.0 * region.width() * region.height());
    }

    static int[] rgbOf(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
