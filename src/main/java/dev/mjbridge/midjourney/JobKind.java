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
    SHORTEN
}
