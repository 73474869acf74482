package dev.mjbridge.midjourney;

/**
 * What kind of Midjourney job something produces. The names match the task actions of
 * the REST API, so {@code TaskAction.valueOf(kind.name())} works.
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
    VIDEO_UPSCALE
}
