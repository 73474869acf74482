package dev.mjbridge.task;

/**
 * What a task asks Midjourney to do. Vary region counts as {@link #VARIATION},
 * custom zoom as {@link #ZOOM}. Values are stored by name, so only append.
 */
public enum TaskAction {
    IMAGINE,
    UPSCALE,
    VARIATION,
    REROLL,
    ZOOM,
    PAN,
    DESCRIBE,
    BLEND,
    SHORTEN,
    /** Four short videos animated from an image. */
    VIDEO,
    /** One of those videos at higher quality. */
    VIDEO_UPSCALE,
    /**
     * The rating (bookmark) button {@code MJ::BOOKMARK::<h>}: no image is made; the task
     * succeeds when Midjourney answers "You have successfully rated ...".
     */
    RATE
}
