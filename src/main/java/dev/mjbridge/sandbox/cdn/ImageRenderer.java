package dev.mjbridge.sandbox.cdn;

import org.springframework.stereotype.Component;

/**
 * Draws the bot's images and videos from their recipes: the same recipe always gives the
 * same bytes. A grid shows four different pictures; an upscale is one of them at full
 * size; a preview is the grid pixelated according to the job's progress. Video jobs move
 * the job's picture ({@link ClipAnimator}): a step preview is one pixelated frame of a
 * clip, the animation is the four clips in a grid, a clip is one of them.
 */
@Component
public class ImageRenderer {

    /** Video step previews sharpen over Midjourney's steps (0, 2, 3, ... 6 in the captures). */
    static final int STEP_PREVIEW_START = 20;
    static final int STEP_PREVIEW_PER_STEP = 12;
    /** The step whose preview shows the clip's last frame; earlier steps show earlier frames. */
    static final int STEP_PREVIEW_LAST = 7;

    static {
        // ImageIO must never try to reach a display; surefire sets this too, the standalone sandbox may not.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public String contentType(String filename) {
        return ImageFormat.forFilename(filename).contentType();
    }

    public byte[] render(ImageRecipe recipe, String filename) {
        return encode(recipe, ImageFormat.forFilename(filename));
    }

    /** The recipe in the given format: moving recipes as animations or videos where the format can. */
    public byte[] encode(ImageRecipe recipe, ImageFormat format) {
        return recipe.kind().moves() ? format.encode(animate(recipe)) : format.encode(draw(recipe));
    }

    /** The recipe's pixels, before encoding; for moving recipes, their first frame. */
    public Pixels draw(ImageRecipe recipe) {
        String prompt = prompt(recipe);
        return switch (recipe.kind()) {
            case GRID -> GridComposer.compose(prompt, recipe.seed(), recipe.width(), recipe.height());
            case SINGLE -> PicturePainter.paint(prompt, recipe.seed(), recipe.quadrant(), recipe.width(), recipe.height());
            case PREVIEW -> preview(prompt, recipe);
            case VIDEO_STEP -> videoStep(prompt, recipe);
            case ANIMATION, VIDEO_CLIP -> animate(recipe).first();
        };
    }

    /** All frames of the recipe; a still recipe is one frame. */
    public Frames animate(ImageRecipe recipe) {
        String prompt = prompt(recipe);
        return switch (recipe.kind()) {
            case ANIMATION -> ClipAnimator.grid(prompt, recipe.seed(), recipe.quadrant(), recipe.width(), recipe.height(), recipe.highMotion());
            case VIDEO_CLIP -> ClipAnimator.clip(prompt, recipe.seed(), recipe.quadrant(), recipe.clip(), recipe.width(), recipe.height(),
                    recipe.highMotion());
            default -> Frames.still(draw(recipe));
        };
    }

    /** How long the recipe plays, known without drawing it: a still is one frame of a second. */
    public long durationMillis(ImageRecipe recipe) {
        return recipe.kind().moves() ? ClipAnimator.DURATION_MILLIS : 1000;
    }

    /**
     * Roughly how many bytes the recipe takes in the format, for attachment objects, which
     * are handed out before anything is rendered. MP4 clips store raw samples, so their size
     * is nearly exact; the compressed formats get a plausible guess.
     */
    public long estimatedSize(ImageRecipe recipe, ImageFormat format) {
        long pixels = (long) recipe.width() * recipe.height();
        long frames = recipe.kind().moves() ? ClipAnimator.FRAME_COUNT : 1;
        return switch (format) {
            case MP4 -> frames * (((recipe.width() + 15) / 16) * ((recipe.height() + 15) / 16) * 385L + 16) + 1_000;
            case JPEG -> pixels / 3;
            case WEBP -> frames * pixels / 2;
            case PNG -> pixels * 3;
        };
    }

    private static String prompt(ImageRecipe recipe) {
        return recipe.prompt() == null ? "" : recipe.prompt();
    }

    private static Pixels preview(String prompt, ImageRecipe recipe) {
        Pixels grid = GridComposer.compose(prompt, recipe.seed(), recipe.width(), recipe.height());
        Mosaic.pixelate(grid, Mosaic.blockSize(recipe.width(), recipe.height(), recipe.progress()));
        return grid;
    }

    /**
     * A frame of the clip, later in it the later the step (so the four clips look alike at
     * step 0 and drift apart), pixelated like an image preview: coarse at step 0, sharper
     * with every step.
     */
    private static Pixels videoStep(String prompt, ImageRecipe recipe) {
        Pixels frame = ClipAnimator.frame(prompt, recipe.seed(), recipe.quadrant(), recipe.clip(), recipe.width(), recipe.height(),
                recipe.highMotion(), recipe.step() / (double) STEP_PREVIEW_LAST);
        int progress = Math.min(100, STEP_PREVIEW_START + STEP_PREVIEW_PER_STEP * recipe.step());
        Mosaic.pixelate(frame, Mosaic.blockSize(recipe.width(), recipe.height(), progress));
        return frame;
    }
}
