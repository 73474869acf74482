package dev.mjbridge.sandbox.cdn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageRendererTest {

    private static final String PROMPT = "a lighthouse on a cliff at dusk --ar 1:1 --v 6";

    private final ImageRenderer renderer = new ImageRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"grid.png", "grid_0.webp"})
    void sameRecipeGivesIdenticalBytes(String filename) {
        ImageRecipe recipe = ImageRecipe.grid(PROMPT, 1234, 256, 256);
        byte[] first = renderer.render(recipe, filename);
        byte[] second = new ImageRenderer().render(ImageRecipe.grid(PROMPT, 1234, 256, 256), filename);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void seedAndPromptBothChangeThePicture() {
        int[] base = renderer.draw(ImageRecipe.grid(PROMPT, 1, 128, 128)).rgb();
        assertThat(renderer.draw(ImageRecipe.grid(PROMPT, 2, 128, 128)).rgb()).isNotEqualTo(base);
        assertThat(renderer.draw(ImageRecipe.grid(PROMPT + "!", 1, 128, 128)).rgb()).isNotEqualTo(base);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"512, 512", "1024, 576", "448, 640", "301, 199", "2, 2"})
    void pngsHaveTheRecipesSize(int width, int height) throws IOException {
        for (ImageRecipe recipe : new ImageRecipe[]{ImageRecipe.grid(PROMPT, 7, width, height),
                ImageRecipe.single(PROMPT, 7, 3, width, height), ImageRecipe.preview(PROMPT, 7, width, height, 40)}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.render(recipe, "x.png")));
            assertThat(image).as(recipe.kind().name()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(height);
        }
    }

    @Test
    void pngPixelsAreTheDrawnPixels() throws IOException {
        ImageRecipe recipe = ImageRecipe.grid(PROMPT, 99, 200, 120);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.render(recipe, "x.png")));
        int[] expected = Arrays.stream(renderer.draw(recipe).rgb()).map(c -> 0xFF000000 | c).toArray();
        assertThat(ImageStats.rgbOf(image)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 42, 987_654_321, -5, 3_000_000_000L, 77, 1_000_003})
    void theFourPicturesOfAGridAreVisiblyDifferent(long seed) {
        Pixels grid = renderer.draw(ImageRecipe.grid(PROMPT + seed, seed, 512, 512));
        for (int a = 1; a <= 4; a++) {
            for (int b = a + 1; b <= 4; b++) {
                double difference = ImageStats.meanDifference(grid,
                        GridComposer.quadrant(a, 512, 512), GridComposer.quadrant(b, 512, 512));
                assertThat(difference).as("pictures %d and %d", a, b).isGreaterThan(30);
            }
        }
    }

    @ParameterizedTest(name = "picture {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void anUpscaleLooksLikeItsQuadrant(int picture) {
        for (long seed : new long[]{5, 6, 7}) {
            Pixels grid = renderer.draw(ImageRecipe.grid(PROMPT, seed, 512, 512));
            double[] single = ImageStats.average(renderer.draw(ImageRecipe.single(PROMPT, seed, picture, 1024, 1024)));
            double own = ImageStats.distance(single, ImageStats.average(grid, GridComposer.quadrant(picture, 512, 512)));
            assertThat(own).as("seed %d", seed).isLessThan(10);
            for (int other = 1; other <= 4; other++) {
                if (other != picture) {
                    double theirs = ImageStats.distance(single,
                            ImageStats.average(grid, GridComposer.quadrant(other, 512, 512)));
                    assertThat(own).as("seed %d, closer to %d than to %d", seed, picture, other).isLessThan(theirs);
                }
            }
        }
    }

    @Test
    void drawnAtTheQuadrantsSizeAnUpscaleIsExactlyItsQuadrant() {
        Pixels grid = renderer.draw(ImageRecipe.grid(PROMPT, 11, 400, 300));
        Pixels single = renderer.draw(ImageRecipe.single(PROMPT, 11, 4, 200, 150));
        GridComposer.Region quadrant = GridComposer.quadrant(4, 400, 300);
        for (int y = 0; y < quadrant.height(); y++) {
            for (int x = 0; x < quadrant.width(); x++) {
                assertThat(single.get(x, y)).isEqualTo(grid.get(quadrant.x() + x, quadrant.y() + y));
            }
        }
    }

    @Test
    void previewsSharpenAsProgressGrows() {
        Pixels grid = renderer.draw(ImageRecipe.grid(PROMPT, 3, 512, 512));
        Pixels early = renderer.draw(ImageRecipe.preview(PROMPT, 3, 512, 512, 10));
        Pixels halfway = renderer.draw(ImageRecipe.preview(PROMPT, 3, 512, 512, 50));
        Pixels late = renderer.draw(ImageRecipe.preview(PROMPT, 3, 512, 512, 90));
        Pixels done = renderer.draw(ImageRecipe.preview(PROMPT, 3, 512, 512, 100));

        GridComposer.Region all = new GridComposer.Region(0, 0, 512, 512);
        double earlyBlur = ImageStats.meanDifference(early, grid, all);
        double halfwayBlur = ImageStats.meanDifference(halfway, grid, all);
        double lateBlur = ImageStats.meanDifference(late, grid, all);
        assertThat(earlyBlur).isGreaterThan(halfwayBlur);
        assertThat(halfwayBlur).isGreaterThan(lateBlur);
        assertThat(lateBlur).isPositive();
        assertThat(done.rgb()).isEqualTo(grid.rgb());
        // Pixelation averages colours, so even the coarsest preview has the grid's overall colour.
        assertThat(ImageStats.distance(ImageStats.average(early), ImageStats.average(grid))).isLessThan(2);
        assertThat(renderer.render(ImageRecipe.preview(PROMPT, 3, 512, 512, 10), "p_0.webp"))
                .isNotEqualTo(renderer.render(ImageRecipe.preview(PROMPT, 3, 512, 512, 50), "p_0.webp"));
    }

    @Test
    void everyPictureCarriesTheSandboxStamp() {
        Pixels grid = renderer.draw(ImageRecipe.grid(PROMPT, 8, 512, 512));
        for (int picture = 1; picture <= 4; picture++) {
            GridComposer.Region region = GridComposer.quadrant(picture, 512, 512);
            GridComposer.Region stampArea = new GridComposer.Region(region.x() + region.width() / 4,
                    region.y() + region.height() * 3 / 4, region.width() / 2, region.height() / 4);
            assertThat(countWhite(grid, stampArea)).as("picture %d", picture).isGreaterThan(100);
        }
    }

    @Test
    void contentTypeFollowsTheExtension() {
        assertThat(renderer.contentType("abc_grid_0.webp")).isEqualTo("image/webp");
        assertThat(renderer.contentType("user_prompt_abc.png")).isEqualTo("image/png");
        assertThat(new String(renderer.render(ImageRecipe.preview(PROMPT, 1, 64, 64, 20), "a_grid_0.webp"), 0, 4,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    }

    @Test
    void rejectsImpossibleRecipes() {
        assertThatThrownBy(() -> renderer.draw(ImageRecipe.single(PROMPT, 1, 5, 64, 64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.draw(ImageRecipe.grid(PROMPT, 1, 0, 64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void promptLabelIsTheFirstWordsWithoutParameters() {
        assertThat(PicturePainter.firstWords("a cat, in space --ar 16:9")).isEqualTo("a cat, in space");
        assertThat(PicturePainter.firstWords("<https://s.mj.run/x> 猫 cat")).isEqualTo("https://s.mj.run/x cat");
        assertThat(PicturePainter.firstWords("")).isEmpty();
    }

    private static int countWhite(Pixels pixels, GridComposer.Region region) {
        int count = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                count += pixels.get(x, y) == 0xFFFFFF ? 1 : 0;
            }
        }
        return count;
    }
}
