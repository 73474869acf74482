package dev.mjbridge.sandbox.cdn;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings a job's picture to life for the simulated video jobs: a camera drifts across
 * one painted picture of the job (the same painting the still images use). All four
 * clips start from the same view, as Midjourney's four videos start from one image, then each
 * pans off in a direction of its own while slowly zooming in; the labels stay in place
 * over the moving scene. High motion pans further and zooms more. Everything follows
 * from the prompt, seed and clip, so the same clip is always the same frames.
 */
public final class ClipAnimator {

    /** Frame rate of every clip; with {@link #FRAME_COUNT} a clip lasts two seconds. */
    public static final int FRAMES_PER_SECOND = 12;
    public static final int FRAME_COUNT = 24;
    public static final long DURATION_MILLIS = FRAME_COUNT * 1000L / FRAMES_PER_SECOND;

    private ClipAnimator() {
    }

    /** All frames of clip {@code clip} (0-3), moving picture {@code picture} (1-4) of the job, at the given size. */
    public static Frames clip(String prompt, long seed, int picture, int clip, int width, int height,
                              boolean highMotion) {
        Camera camera = Camera.of(prompt, seed, clip, width, height, highMotion);
        Pixels painting = camera.painting(prompt, seed, picture);
        List<Pixels> frames = new ArrayList<>(FRAME_COUNT);
        for (int i = 0; i < FRAME_COUNT; i++) {
            Pixels frame = camera.frame(painting, i / (double) (FRAME_COUNT - 1));
            PicturePainter.stampLabels(frame, prompt);
            frames.add(frame);
        }
        return new Frames(frames, FRAMES_PER_SECOND);
    }

    /** One frame of clip {@code clip}, {@code time} of the way through it (0 = first frame, 1 = last). */
    public static Pixels frame(String prompt, long seed, int picture, int clip, int width, int height,
                               boolean highMotion, double time) {
        Camera camera = Camera.of(prompt, seed, clip, width, height, highMotion);
        Pixels frame = camera.frame(camera.painting(prompt, seed, picture), Math.max(0, Math.min(1, time)));
        PicturePainter.stampLabels(frame, prompt);
        return frame;
    }

    /** The four clips playing side by side in Midjourney's 2x2 grid layout (clip n in grid place n + 1). */
    public static Frames grid(String prompt, long seed, int picture, int width, int height, boolean highMotion) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("a grid needs at least 2x2 pixels, was " + width + "x" + height);
        }
        List<Pixels> frames = new ArrayList<>(FRAME_COUNT);
        for (int i = 0; i < FRAME_COUNT; i++) {
            frames.add(new Pixels(width, height));
        }
        for (int clip = 0; clip < 4; clip++) {
            GridComposer.Region region = GridComposer.quadrant(clip + 1, width, height);
            Frames moving = clip(prompt, seed, picture, clip, region.width(), region.height(), highMotion);
            for (int i = 0; i < FRAME_COUNT; i++) {
                frames.get(i).paste(moving.frames().get(i), region.x(), region.y());
            }
        }
        return new Frames(frames, FRAMES_PER_SECOND);
    }

    /**
     * Where the camera looks: the picture is painted larger than the frame ({@code overscan}),
     * and the frame is a window onto it whose centre travels from the painting's centre
     * {@code (dx, dy)} times the room there is, while the window shrinks by up to {@code zoom}.
     */
    private record Camera(int width, int height, double overscan, double dx, double dy, double zoom) {

        static Camera of(String prompt, long seed, int clip, int width, int height, boolean highMotion) {
            if (clip < 0 || clip > 3) {
                throw new IllegalArgumentException("clip must be 0-3, was " + clip);
            }
            long key = PicturePainter.jobKey(prompt, seed);
            // Directions a quarter turn apart, so the four clips visibly differ from each other.
            double turns = Math.floorMod(key >>> 21, 1000) / 1000.0 + clip * 0.25 + 0.125;
            double angle = 2 * Math.PI * turns;
            double overscan = highMotion ? 1.6 : 1.2;
            double zoom = highMotion ? 1.25 : 1.06;
            return new Camera(width, height, overscan, StrictMath.cos(angle), StrictMath.sin(angle), zoom);
        }

        Pixels painting(String prompt, long seed, int picture) {
            int paintedWidth = (int) Math.ceil(width * overscan);
            int paintedHeight = (int) Math.ceil(height * overscan);
            return PicturePainter.scene(prompt == null ? "" : prompt, seed, picture, paintedWidth, paintedHeight);
        }

        Pixels frame(Pixels painting, double time) {
            double eased = time * time * (3 - 2 * time); // starts and stops gently
            double scale = 1 / (1 + (zoom - 1) * eased); // painting pixels per frame pixel
            // Room left on each side when the window is largest (scale 1): the pan never leaves the painting.
            double roomX = (painting.width() - width) / 2.0;
            double roomY = (painting.height() - height) / 2.0;
            double centreX = painting.width() / 2.0 + dx * roomX * 0.95 * eased;
            double centreY = painting.height() / 2.0 + dy * roomY * 0.95 * eased;
            Pixels frame = new Pixels(width, height);
            int[] out = frame.rgb();
            for (int y = 0; y < height; y++) {
                double sourceY = centreY + (y + 0.5 - height / 2.0) * scale - 0.5;
                for (int x = 0; x < width; x++) {
                    double sourceX = centreX + (x + 0.5 - width / 2.0) * scale - 0.5;
                    out[y * width + x] = bilinear(painting, sourceX, sourceY);
                }
            }
            return frame;
        }

        private static int bilinear(Pixels image, double x, double y) {
            int maxX = image.width() - 1;
            int maxY = image.height() - 1;
            double cx = Math.max(0, Math.min(maxX, x));
            double cy = Math.max(0, Math.min(maxY, y));
            int x0 = (int) cx;
            int y0 = (int) cy;
            int x1 = Math.min(maxX, x0 + 1);
            int y1 = Math.min(maxY, y0 + 1);
            int fx = (int) Math.round((cx - x0) * 256);
            int fy = (int) Math.round((cy - y0) * 256);
            int top = lerp(image.get(x0, y0), image.get(x1, y0), fx);
            int bottom = lerp(image.get(x0, y1), image.get(x1, y1), fx);
            return lerp(top, bottom, fy);
        }

        /** Per-channel {@code a + (b - a) * f / 256}, in integers so every machine gets the same result. */
        private static int lerp(int a, int b, int f) {
            int r = Colors.red(a) + ((Colors.red(b) - Colors.red(a)) * f >> 8);
            int g = Colors.green(a) + ((Colors.green(b) - Colors.green(a)) * f >> 8);
            int bl = Colors.blue(a) + ((Colors.blue(b) - Colors.blue(a)) * f >> 8);
            return (r << 16) | (g << 8) | bl;
        }
    }
}
