package dev.mjbridge.sandbox.cdn;

import java.util.Random;

/**
 * Paints picture n (1-4) of a job: which motif and colours it gets follows from the
 * prompt, the seed and n alone, so the same picture can be drawn as a grid quadrant and
 * again, larger, as an upscale. Every picture is stamped "SANDBOX" so nobody mistakes
 * it for real Midjourney output.
 */
public final class PicturePainter {

    private static final Motif.Kind[] KINDS = Motif.Kind.values();
    private static final int LABEL_TEXT = 0xFFFFFF;
    private static final int LABEL_BACKING = 0x000000;
    private static final int LABEL_BACKING_OPACITY = 150;

    private PicturePainter() {
    }

    public static Pixels paint(String prompt, long seed, int picture, int width, int height) {
        Pixels pixels = scene(prompt, seed, picture, width, height);
        stampLabels(pixels, prompt);
        return pixels;
    }

    /** The picture without its labels, for painters that place the labels themselves (moving pictures). */
    static Pixels scene(String prompt, long seed, int picture, int width, int height) {
        if (picture < 1 || picture > 4) {
            throw new IllegalArgumentException("picture must be 1-4, was " + picture);
        }
        long jobKey = jobKey(prompt, seed);
        Random random = new Random(jobKey + picture * 0x632BE59BD9B4E019L);
        // Consecutive kinds and hues a quarter turn apart keep the four pictures of a grid
        // clearly different from one another whatever the job key is.
        Motif.Kind kind = KINDS[(int) ((Math.floorMod(jobKey >>> 7, KINDS.length) + picture - 1) % KINDS.length)];
        double hue = Math.floorMod(jobKey >>> 13, 1000) / 1000.0 + (picture - 1) * 0.25 + 0.08 * random.nextDouble();
        double unit = Math.min(width, height);
        Motif motif = kind.create(Palette.fromHue(hue), random, width / unit, height / unit);

        Pixels pixels = new Pixels(width, height);
        int[] rgb = pixels.rgb();
        for (int y = 0; y < height; y++) {
            double v = (y + 0.5) / unit;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                rgb[row + x] = motif.colorAt((x + 0.5) / unit, v);
            }
        }
        return pixels;
    }

    /** One number for the whole job; {@link String#hashCode()} is specified, so it is stable across JVMs. */
    static long jobKey(String prompt, long seed) {
        long key = seed * 0x9E3779B97F4A7C15L ^ (prompt == null ? 0 : prompt.hashCode());
        key ^= key >>> 31;
        return key * 0xBF58476D1CE4E5B9L;
    }

    /** The "SANDBOX" stamp at the bottom and the prompt's first words at the top left. */
    static void stampLabels(Pixels pixels, String prompt) {
        int shorter = Math.min(pixels.width(), pixels.height());
        int scale = Math.max(1, (int) Math.round(shorter / 110.0));
        stamp(pixels, "SANDBOX", (pixels.width() - PixelFont.width("SANDBOX", scale)) / 2,
                pixels.height() - PixelFont.height(scale) - 3 * scale, scale);

        String words = firstWords(prompt);
        if (!words.isEmpty()) {
            int small = Math.max(1, (int) Math.round(shorter / 220.0));
            stamp(pixels, words, 2 * small, 2 * small, small);
        }
    }

    private static void stamp(Pixels pixels, String text, int x, int y, int scale) {
        pixels.shadeRect(x - scale, y - scale, PixelFont.width(text, scale) + 2 * scale,
                PixelFont.height(scale) + 2 * scale, LABEL_BACKING, LABEL_BACKING_OPACITY);
        PixelFont.draw(pixels, text, x, y, scale, LABEL_TEXT);
    }

    /** The prompt's first few words, as far as the pixel font can draw them. */
    static String firstWords(String prompt) {
        if (prompt == null) {
            return "";
        }
        StringBuilder drawable = new StringBuilder();
        for (char c : prompt.toCharArray()) {
            if (c == '-' && drawable.length() > 0 && drawable.charAt(drawable.length() - 1) == '-') {
                // "--ar 16:9" and other parameters are not words of the description.
                drawable.setLength(drawable.length() - 1);
                break;
            }
            drawable.append(PixelFont.canDraw(c) ? c : ' ');
        }
        String[] words = drawable.toString().trim().split("\\s+");
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < words.length && i < 4; i++) {
            if (label.length() + words[i].length() + 1 > 24) {
                break;
            }
            if (label.length() > 0) {
                label.append(' ');
            }
            label.append(words[i]);
        }
        return label.toString();
    }
}
