package dev.mjbridge.sandbox.cdn;

/**
 * The four colours of one picture, all derived from a single hue so each picture of a
 * grid has a recognisable colour cast of its own.
 */
public record Palette(int light, int dark, int accent, int deep) {

    public static Palette fromHue(double hue) {
        return new Palette(
                Colors.hsv(hue, 0.35, 0.95),
                Colors.hsv(hue + 0.04, 0.75, 0.6),
                Colors.hsv(hue + 0.5, 0.8, 0.95),
                Colors.hsv(hue - 0.06, 0.8, 0.25));
    }
}
