package dev.mjbridge.midjourney;

/**
 * What a task asks Midjourney to do, and what kind of job a message or button shows: the
 * {@code action} of the REST API. Vary region counts as {@link #VARIATION}, custom zoom as
 * {@link #ZOOM}. Values are stored and answered by name, so only append.
 */
public enum JobKind {
    IMAGINE,
    UPSCALE,
    VARIATION,
    REROLL,
    ZOOM,
    PAN,
    DESCRIBE,
    BLEND,
    SHORTEN,
    /** A video made from an image (the Animate buttons, or a prompt with {@code --video}): four clips. */
    VIDEO,
    /** One clip of a video at higher quality ({@code MJ::JOB::video_virtual_upscale::<n>::<h>}). */
    VIDEO_UPSCALE,
    /**
     * The rating (bookmark) button {@code MJ::BOOKMARK::<h>}: no image is made; the task
     * succeeds when Midjourney answers "You have successfully rated ...". No message shows it
     * as a job's kind.
     */
    RATE
}
