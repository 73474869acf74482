package dev.mjbridge.sandbox.cdn;

/**
 * Everything needed to draw one image or video again, so the CDN stores recipes rather
 * than bytes and re-renders on demand (deterministic: same recipe, same bytes).
 *
 * @param kind       what to draw: a still (grid, single picture, progress preview) or part of a video job
 * @param quadrant   for {@link Kind#SINGLE}, which picture of the grid (1-4); for video recipes, the picture
 *                   (1-4) the video starts from (1 unless set with {@link #startingFrom}); unused otherwise
 * @param progress   for previews, how far the job is (0-100): previews get sharper as it grows
 * @param clip       for video recipes, which of the job's four clips (0-3)
 * @param step       for {@link Kind#VIDEO_STEP}, the render step the preview shows (Midjourney counts 0, 2, 3, ...)
 * @param highMotion for video recipes, whether the job was animated with high motion (the camera moves further)
 */
public record ImageRecipe(Kind kind, String prompt, long seed, int quadrant, int width, int height, int progress,
                          int clip, int step, boolean highMotion) {

    public enum Kind {
        GRID, SINGLE, PREVIEW,
        /** A progress still of one clip of a video job (served as JPEG). */
        VIDEO_STEP,
        /** The video job's finished picture: all four clips moving in a 2x2 grid (an animated WebP). */
        ANIMATION,
        /** One clip of a video job (an MP4). */
        VIDEO_CLIP;

        /** Whether this kind has more than one frame. */
        public boolean moves() {
            return this == ANIMATION || this == VIDEO_CLIP;
        }

        /** Whether this kind belongs to a video job. */
        public boolean isVideo() {
            return this == VIDEO_STEP || moves();
        }
    }

    /** Largest side of an MP4 clip: its frames are stored uncompressed, so size grows with the square of it. */
    public static final int MAX_CLIP_SIDE = 320;
    /** Largest side of the animated grid; larger sizes are scaled down keeping the aspect ratio. */
    public static final int MAX_ANIMATION_SIDE = 624;

    public ImageRecipe {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive, was " + width + "x" + height);
        }
        if ((kind == Kind.VIDEO_STEP || kind == Kind.VIDEO_CLIP) && (clip < 0 || clip > 3)) {
            throw new IllegalArgumentException("clip must be 0-3, was " + clip);
        }
        if (kind.isVideo() && (quadrant < 1 || quadrant > 4)) {
            throw new IllegalArgumentException("a video starts from picture 1-4, was " + quadrant);
        }
    }

    public static ImageRecipe grid(String prompt, long seed, int width, int height) {
        return new ImageRecipe(Kind.GRID, prompt, seed, 0, width, height, 100, 0, 0, false);
    }

    public static ImageRecipe single(String prompt, long seed, int quadrant, int width, int height) {
        return new ImageRecipe(Kind.SINGLE, prompt, seed, quadrant, width, height, 100, 0, 0, false);
    }

    public static ImageRecipe preview(String prompt, long seed, int width, int height, int progress) {
        return new ImageRecipe(Kind.PREVIEW, prompt, seed, 0, width, height, progress, 0, 0, false);
    }

    /**
     * A progress still of clip {@code clip} (0-3) at render step {@code step}: pixelated early, sharper
     * as the step grows. Shown by Midjourney as {@code <hash>_<clip>_step_<step>.jpeg}, 256x256 in the captures.
     */
    public static ImageRecipe videoStep(String prompt, long seed, int clip, int step, int width, int height) {
        return videoStep(prompt, seed, clip, step, width, height, false);
    }

    /** As {@link #videoStep(String, long, int, int, int, int)}, moving as far as the finished clip will. */
    public static ImageRecipe videoStep(String prompt, long seed, int clip, int step, int width, int height,
                                        boolean highMotion) {
        return new ImageRecipe(Kind.VIDEO_STEP, prompt, seed, 1, width, height, 100, clip, Math.max(0, step),
                highMotion);
    }

    /**
     * The video job's finished picture: the four clips playing in a 2x2 grid. Sizes above
     * {@link #MAX_ANIMATION_SIDE} are scaled down (the recipe's width and height are what is served).
     */
    public static ImageRecipe animation(String prompt, long seed, int width, int height, boolean highMotion) {
        Size size = Size.fit(width, height, MAX_ANIMATION_SIDE);
        return new ImageRecipe(Kind.ANIMATION, prompt, seed, 1, size.width(), size.height(), 100, 0, 0, highMotion);
    }

    /**
     * Clip {@code clip} (0-3) of a video job as an MP4. Sizes above {@link #MAX_CLIP_SIDE} are scaled
     * down and odd sizes rounded to even (H.264's 4:2:0 chroma needs even sizes); the recipe's width and
     * height are what is served.
     */
    public static ImageRecipe videoClip(String prompt, long seed, int clip, int width, int height, boolean highMotion) {
        Size size = Size.fit(width, height, MAX_CLIP_SIDE).even();
        return new ImageRecipe(Kind.VIDEO_CLIP, prompt, seed, 1, size.width(), size.height(), 100, clip, 0, highMotion);
    }

    /**
     * This video recipe starting from picture {@code picture} (1-4) of the job instead of the
     * first, e.g. the image whose Animate button was pressed.
     */
    public ImageRecipe startingFrom(int picture) {
        if (!kind.isVideo()) {
            throw new IllegalStateException("only video recipes have a starting picture");
        }
        return new ImageRecipe(kind, prompt, seed, picture, width, height, progress, clip, step, highMotion);
    }

    /** A width and height, scaled to fit a bound. */
    record Size(int width, int height) {

        static Size fit(int width, int height, int maxSide) {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("size must be positive, was " + width + "x" + height);
            }
            int longer = Math.max(width, height);
            if (longer <= maxSide) {
                return new Size(width, height);
            }
            double scale = (double) maxSide / longer;
            return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
        }

        Size even() {
            return new Size(Math.max(2, width & ~1), Math.max(2, height & ~1));
        }
    }
}
