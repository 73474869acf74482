package dev.mjbridge.sandbox.bot;

import dev.mjbridge.images.GridPicture;
import dev.mjbridge.images.GridSplitter;
import dev.mjbridge.sandbox.cdn.ImageTypes;
import dev.mjbridge.sandbox.cdn.MidjourneyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GridSplitter} on the grids the sandbox's bot posts: each of its four pictures equals,
 * pixel for pixel, the picture the sandbox's Midjourney CDN serves at
 * {@code /mj-cdn/<job>/0_<n>.png}, for a PNG grid (older models) and a WebP grid (V7), with
 * odd heights and widths.
 */
class GridSplitterFlowTest {

    private final GridSplitter splitter = new GridSplitter();
    private SandboxUserSession user;

    @BeforeEach
    void open() {
        user = SandboxUserSession.open("grid-splitter");
    }

    @AfterEach
    void close() {
        user.control().reset();
        user.close();
    }

    @Test
    void aPngGridOfOddHeightSplitsIntoTheCdnPictures() {
        // --ar 3:2 makes a 1024x683 grid: the bottom pictures are one row higher than the top ones.
        List<GridPicture> pictures = assertSplitMatchesCdn("three boats at a pier --ar 3:2 --v 6", "image/png");

        assertThat(pictures.get(2).height()).isEqualTo(pictures.get(0).height() + 1);
        assertThat(pictures.get(1).width()).isEqualTo(pictures.get(0).width());
    }

    @Test
    void aWebpV7GridOfOddWidthSplitsIntoTheCdnPictures() {
        // --ar 2:3 makes a 683x1024 grid: the right pictures are one column wider than the left ones.
        List<GridPicture> pictures = assertSplitMatchesCdn("a lantern in the snow --ar 2:3 --v 7", "image/webp");

        assertThat(pictures.get(1).width()).isEqualTo(pictures.get(0).width() + 1);
        assertThat(pictures.get(2).height()).isEqualTo(pictures.get(0).height());
    }

    private List<GridPicture> assertSplitMatchesCdn(String prompt, String gridType) {
        SandboxUserSession.JobTrace grid = user.imagineGrid(prompt);
        byte[] gridBytes = user.download(grid.result().path("attachments").get(0).path("url").asString());
        assertThat(ImageTypes.sniff(gridBytes)).isEqualTo(gridType);

        List<GridPicture> pictures = splitter.split(gridBytes);

        assertThat(pictures).hasSize(4);
        for (GridPicture picture : pictures) {
            BufferedImage served = decode(user.download(user.sandboxBaseUrl() + MidjourneyFiles.BASE_PATH + "/"
                    + grid.hash() + "/0_" + picture.position() + ".png"));
            BufferedImage cut = decode(picture.png());
            assertThat(cut.getWidth()).as("width of picture %d", picture.position()).isEqualTo(served.getWidth());
            assertThat(cut.getHeight()).as("height of picture %d", picture.position()).isEqualTo(served.getHeight());
            for (int y = 0; y < served.getHeight(); y++) {
                for (int x = 0; x < served.getWidth(); x++) {
                    if (cut.getRGB(x, y) != served.getRGB(x, y)) {
                        throw new AssertionError("picture " + picture.position() + " differs from the CDN's at " + x + "," + y);
                    }
                }
            }
        }
        BufferedImage whole = decode(gridBytes);
        assertThat(pictures.get(0).width() + pictures.get(1).width()).isEqualTo(whole.getWidth());
        assertThat(pictures.get(0).height() + pictures.get(2).height()).isEqualTo(whole.getHeight());
        return pictures;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("decodable image").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
