package dev.mjbridge.sandbox.cdn;

import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Draws the bot's images. (Placeholder drawing: one colour per recipe.) */
@Component
public class ImageRenderer {

    public String contentType(String filename) {
        return filename.endsWith(".webp") ? "image/webp" : "image/png";
    }

    public byte[] render(ImageRecipe recipe, String filename) {
        BufferedImage image = new BufferedImage(recipe.width(), recipe.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color((int) (recipe.seed() ^ recipe.prompt().hashCode()) & 0xffffff));
        g.fillRect(0, 0, recipe.width(), recipe.height());
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
