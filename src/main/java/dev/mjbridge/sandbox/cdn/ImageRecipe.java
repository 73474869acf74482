package dev.mjbridge.sandbox.cdn;

/**
 * Everything needed to draw one image again, so the CDN stores recipes rather than
 * bytes and re-renders on demand (deterministic: same recipe, same pixels).
 *
 * @param kind     a 2x2 grid, one picture of a grid (quadrant 1-4), or a progress preview
 * @param progress for previews, how far the job is (0-100): previews get sharper as it grows
 */
public record ImageRecipe(Kind kind, String prompt, long seed, int quadrant, int width, int height, int progress) {

    public enum Kind { GRID, SINGLE, PREVIEW }

    public static ImageRecipe grid(String prompt, long seed, int width, int height) {
        return new ImageRecipe(Kind.GRID, prompt, seed, 0, width, height, 100);
    }

    public static ImageRecipe single(String prompt, long seed, int quadrant, int width, int height) {
        return new ImageRecipe(Kind.SINGLE, prompt, seed, quadrant, width, height, 100);
    }

    public static ImageRecipe preview(String prompt, long seed, int width, int height, int progress) {
        return new ImageRecipe(Kind.PREVIEW, prompt, seed, 0, width, height, progress);
    }
}
