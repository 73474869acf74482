package dev.mjbridge.sandbox.bot;

/**
 * What a job makes, which decides the buttons of its result and how much fast time it
 * costs. The words of the content (Variations (Strong), Pan Left, ...) are the job's label.
 */
public enum JobKind {
    IMAGINE(ResultShape.GRID, 60),
    REROLL(ResultShape.GRID, 60),
    /** V1-V4 on a grid. */
    VARIATION(ResultShape.GRID, 60),
    /** Vary (Subtle), Vary (Strong), Vary (Region) on an upscaled image. */
    VARY(ResultShape.GRID, 60),
    /** A variation whose prompt the user changed in the remix modal. */
    REMIX(ResultShape.GRID, 60),
    /** Zoom out 2x, 1.5x, custom, and make square (Midjourney calls all of them outpainting). */
    ZOOM(ResultShape.GRID, 60),
    PAN(ResultShape.GRID, 60),
    BLEND(ResultShape.GRID, 60),
    /** U1-U4: one picture of a grid ("Image #n"); cutting it out costs nothing. */
    UPSCALE(ResultShape.IMAGE, 0),
    /** Upscale (Subtle) / (Creative) of an "Image #n". */
    UPSCALE_HD(ResultShape.UPSCALED, 120),
    /**
     * Animate (High|Low motion), or an imagine with an image link and {@code --video 1}: four
     * clips shown as one animated grid. Midjourney charges a video about eight images.
     */
    VIDEO(ResultShape.VIDEO, 480),
    /** U1-U4 of a video ({@code video_virtual_upscale}): one clip as an mp4; it only picks a made clip. */
    VIDEO_UPSCALE(ResultShape.VIDEO_CLIP, 0);

    /** Which set of buttons the result carries. */
    public enum ResultShape { GRID, IMAGE, UPSCALED, VIDEO, VIDEO_CLIP }

    private final ResultShape shape;
    private final int fastSeconds;

    JobKind(ResultShape shape, int fastSeconds) {
        this.shape = shape;
        this.fastSeconds = fastSeconds;
    }

    public ResultShape shape() {
        return shape;
    }

    /** GPU seconds a fast job of this kind takes from the user's fast time (turbo costs double). */
    public int fastSeconds() {
        return fastSeconds;
    }
}
