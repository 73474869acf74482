package dev.mjbridge.sandbox.cdn;

/** Small colour arithmetic on {@code 0xRRGGBB} ints. */
public final class Colors {

    private Colors() {
    }

    public static int rgb(int r, int g, int b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    public static int red(int color) {
        return (color >> 16) & 0xFF;
    }

    public static int green(int color) {
        return (color >> 8) & 0xFF;
    }

    public static int blue(int color) {
        return color & 0xFF;
    }

    /** {@code from} blended towards {@code to} by {@code amount} out of 255. */
    public static int mix(int from, int to, int amount) {
        int keep = 255 - amount;
        return rgb((red(from) * keep + red(to) * amount) / 255,
                (green(from) * keep + green(to) * amount) / 255,
                (blue(from) * keep + blue(to) * amount) / 255);
    }

    /** HSV to RGB with hue in turns (0-1, wrapping), saturation and value in 0-1. */
    public static int hsv(double hue, double saturation, double value) {
        double h = (hue - Math.floor(hue)) * 6;
        int sector = (int) h % 6;
        double f = h - Math.floor(h);
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        double r;
        double g;
        double b;
        switch (sector) {
            case 0 -> { r = value; g = t; b = p; }
            case 1 -> { r = q; g = value; b = p; }
            case 2 -> { r = p; g = value; b = t; }
            case 3 -> { r = p; g = q; b = value; }
            case 4 -> { r = t; g = p; b = value; }
            default -> { r = value; g = p; b = q; }
        }
        return rgb((int) Math.round(r * 255), (int) Math.round(g * 255), (int) Math.round(b * 255));
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
