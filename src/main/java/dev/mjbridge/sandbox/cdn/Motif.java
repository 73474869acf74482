package dev.mjbridge.sandbox.cdn;

import java.util.Random;

/**
 * What a picture shows, as a colour for every point. Coordinates are in units of the
 * picture's shorter side, so a motif looks the same drawn as a grid quadrant or at full
 * size (which is what makes an upscale match its quadrant).
 *
 * <p>Trigonometry goes through {@link StrictMath}: {@code Math.sin} may differ in the last
 * bit between platforms, and a pixel on a hill's edge would then flip colour, breaking
 * "same recipe, same bytes".
 */
public interface Motif {

    int colorAt(double x, double y);

    /** The four kinds of picture; the pictures of one grid each get a different kind. */
    enum Kind {
        SUNSET, STRIPES, RINGS, BUBBLES;

        /**
         * A motif of this kind with placement and sizes drawn from {@code random}.
         *
         * @param width  picture width in units of its shorter side (at least 1)
         * @param height picture height in the same units
         */
        public Motif create(Palette palette, Random random, double width, double height) {
            return switch (this) {
                case SUNSET -> Sunset.random(palette, random, width, height);
                case STRIPES -> Stripes.random(palette, random, width, height);
                case RINGS -> Rings.random(palette, random, width, height);
                case BUBBLES -> Bubbles.random(palette, random, width, height);
            };
        }
    }

    /** A sky gradient, a sun and a wavy line of hills. */
    record Sunset(Palette palette, double height, double sunX, double sunY, double sunRadius,
                  double hillLevel, double hillAmplitude, double hillFrequency, double hillPhase) implements Motif {

        static Sunset random(Palette palette, Random random, double width, double height) {
            return new Sunset(palette, height,
                    width * (0.25 + 0.5 * random.nextDouble()), height * (0.2 + 0.25 * random.nextDouble()),
                    0.12 + 0.1 * random.nextDouble(),
                    height * (0.6 + 0.1 * random.nextDouble()), 0.04 + 0.06 * random.nextDouble(),
                    0.8 + 1.5 * random.nextDouble(), random.nextDouble() * 2 * Math.PI);
        }

        @Override
        public int colorAt(double x, double y) {
            // The sine is only needed in the band the hills can reach.
            if (y > hillLevel + hillAmplitude || (y > hillLevel - hillAmplitude
                    && y > hillLevel + hillAmplitude * StrictMath.sin(hillFrequency * 2 * Math.PI * x + hillPhase))) {
                return palette.deep();
            }
            double dx = x - sunX;
            double dy = y - sunY;
            if (dx * dx + dy * dy < sunRadius * sunRadius) {
                return palette.accent();
            }
            return Colors.mix(palette.dark(), palette.light(), (int) (255 * Math.min(1, y / hillLevel)));
        }
    }

    /** Diagonal bands of two colours with a ring laid over them. */
    record Stripes(Palette palette, double directionX, double directionY, double bandWidth,
                   double ringX, double ringY, double ringRadius, double ringThickness) implements Motif {

        static Stripes random(Palette palette, Random random, double width, double height) {
            double angle = random.nextDouble() * Math.PI;
            return new Stripes(palette, StrictMath.cos(angle), StrictMath.sin(angle), 0.06 + 0.08 * random.nextDouble(),
                    width * (0.4 + 0.2 * random.nextDouble()), height * (0.4 + 0.2 * random.nextDouble()),
                    0.22 + 0.1 * random.nextDouble(), 0.04 + 0.03 * random.nextDouble());
        }

        @Override
        public int colorAt(double x, double y) {
            double dx = x - ringX;
            double dy = y - ringY;
            if (Math.abs(Math.sqrt(dx * dx + dy * dy) - ringRadius) < ringThickness) {
                return palette.accent();
            }
            long band = (long) Math.floor((x * directionX + y * directionY) / bandWidth);
            return (band & 1) == 0 ? palette.light() : palette.dark();
        }
    }

    /** Concentric rings in three colours around an off-centre point. */
    record Rings(Palette palette, double centreX, double centreY, double ringWidth) implements Motif {

        static Rings random(Palette palette, Random random, double width, double height) {
            return new Rings(palette, width * (0.2 + 0.6 * random.nextDouble()),
                    height * (0.2 + 0.6 * random.nextDouble()), 0.05 + 0.05 * random.nextDouble());
        }

        @Override
        public int colorAt(double x, double y) {
            double dx = x - centreX;
            double dy = y - centreY;
            int ring = (int) (Math.sqrt(dx * dx + dy * dy) / ringWidth);
            return switch (ring % 3) {
                case 0 -> palette.accent();
                case 1 -> palette.light();
                default -> palette.dark();
            };
        }
    }

    /** Scattered discs over a radial glow. */
    record Bubbles(Palette palette, double glowX, double glowY, double glowReach,
                   double[] xs, double[] ys, double[] radii) implements Motif {

        static Bubbles random(Palette palette, Random random, double width, double height) {
            int count = 5 + random.nextInt(4);
            double[] xs = new double[count];
            double[] ys = new double[count];
            double[] radii = new double[count];
            for (int i = 0; i < count; i++) {
                xs[i] = width * random.nextDouble();
                ys[i] = height * random.nextDouble();
                radii[i] = 0.06 + 0.14 * random.nextDouble();
            }
            return new Bubbles(palette, width * (0.3 + 0.4 * random.nextDouble()),
                    height * (0.3 + 0.4 * random.nextDouble()), Math.max(width, height), xs, ys, radii);
        }

        @Override
        public int colorAt(double x, double y) {
            // Later discs lie on top, so search from the last one down.
            for (int i = xs.length - 1; i >= 0; i--) {
                double dx = x - xs[i];
                double dy = y - ys[i];
                if (dx * dx + dy * dy < radii[i] * radii[i]) {
                    return i % 2 == 0 ? palette.accent() : palette.deep();
                }
            }
            double dx = x - glowX;
            double dy = y - glowY;
            double reach = Math.min(1, Math.sqrt(dx * dx + dy * dy) / glowReach);
            return Colors.mix(palette.light(), palette.dark(), (int) (255 * reach));
        }
    }
}
