package dev.mjbridge.sandbox.cdn;

import org.springframework.stereotype.Component;

/**
 * Draws the bot's images from their recipes: the same recipe always gives the same
 * bytes. A grid shows four different pictures; an upscale is one of them at full size;
 * a preview is the grid pixelated according to the job's progress.
 */
@Component
public class ImageRenderer {

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
        return ImageFormat.forFilename(filename).encode(draw(recipe));
    }

    /** The recipe's pixels, before encoding. */
    public Pixels draw(ImageRecipe recipe) {
        String prompt = recipe.prompt() == null ? "" : recipe.prompt();
        return switch (recipe.kind()) {
            case GRID -> GridComposer.compose(prompt, recipe.seed(), recipe.width(), recipe.height());
            case SINGLE -> PicturePainter.paint(prompt, recipe.seed(), recipe.quadrant(), recipe.width(), recipe.height());
            case PREVIEW -> preview(prompt, recipe);
        };
    }

    private static Pixels preview(String prompt, ImageRecipe recipe) {
        Pixels grid = GridComposer.compose(prompt, recipe.seed(), recipe.width(), recipe.height());
        Mosaic.pixelate(grid, Mosaic.blockSize(recipe.width(), recipe.height(), recipe.progress()));
        return grid;
    }
}
