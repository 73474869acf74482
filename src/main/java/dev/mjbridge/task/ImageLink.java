package dev.mjbridge.task;

/**
 * One picture of a finished grid in the task JSON's {@code imageUrls}: its link and its place in
 * the grid, 0 to 3 left to right, top to bottom (the n of Midjourney's {@code 0_<n>} files; button
 * {@code U<n+1>} upscales it).
 */
public record ImageLink(String url, int index) {
}
