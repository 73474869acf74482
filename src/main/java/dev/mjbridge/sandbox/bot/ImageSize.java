package dev.mjbridge.sandbox.bot;

/**
 * Pixel size of a job image. Real Midjourney grids are 2048 px and more; the sandbox
 * keeps every image at most {@value #MAX_SIDE} px on its long side so that tests that
 * download and decode images stay fast.
 */
public record ImageSize(int width, int height) {

    static final int MAX_SIDE = 1024;
    private static final int MIN_SIDE = 32;

    /** A 2x2 grid in this aspect ratio. */
    public static ImageSize gridFor(AspectRatio ratio) {
        return fit(ratio.width(), ratio.height(), MAX_SIDE);
    }

    /** One picture of the grid. */
    public ImageSize half() {
        return new ImageSize(Math.max(MIN_SIDE, width / 2), Math.max(MIN_SIDE, height / 2));
    }

    /** A 2x upscale, still within the sandbox's size limit. */
    public ImageSize doubled() {
        return fit(width, height, Math.min(MAX_SIDE, 2 * Math.max(width, height)));
    }

    private static ImageSize fit(int ratioWidth, int ratioHeight, int longSide) {
        if (ratioWidth >= ratioHeight) {
            return new ImageSize(longSide, Math.max(MIN_SIDE, (int) Math.round((double) longSide * ratioHeight / ratioWidth)));
        }
        return new ImageSize(Math.max(MIN_SIDE, (int) Math.round((double) longSide * ratioWidth / ratioHeight)), longSide);
    }
}
