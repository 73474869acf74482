package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.ImageTypes;
import dev.mjbridge.sandbox.cdn.MidjourneyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Midjourney's own CDN in the sandbox: a finished grid's four pictures at
 * {@code /mj-cdn/<hash>/0_<n>.png} are exactly the quadrants of the grid the bot posted, an
 * upscale is {@code 0_0.png}, both also as WebP, and none of these links expire.
 */
class MidjourneyCdnFlowTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        user = SandboxUserSession.open("mj-cdn");
    }

    @AfterEach
    void close() {
        user.control().reset();
        user.close();
    }

    @Test
    void gridPicturesAreTheQuadrantsOfTheGrid() throws Exception {
        // An older model names the grid .png, so the test can decode it with ImageIO.
        SandboxUserSession.JobTrace grid = user.imagineGrid("three boats at a pier --ar 3:2 --v 6");
        BufferedImage whole = TestImages.decode(user.download(grid.result().path("attachments").get(0).path("url").asString()));
        int leftWidth = whole.getWidth() / 2;
        int topHeight = whole.getHeight() / 2;
        post("/sandbox/cdn/expire-links"); // Midjourney's links are permanent: Discord's expiring changes nothing

        for (int n = 0; n < 4; n++) {
            HttpResponse<byte[]> response = get(base() + "/" + grid.hash() + "/0_" + n + ".png");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            BufferedImage picture = TestImages.decode(response.body());
            int x = n % 2 == 1 ? leftWidth : 0;
            int y = n >= 2 ? topHeight : 0;
            int width = n % 2 == 1 ? whole.getWidth() - leftWidth : leftWidth;
            int height = n >= 2 ? whole.getHeight() - topHeight : topHeight;
            assertThat(picture.getWidth()).as("width of picture %d", n).isEqualTo(width);
            assertThat(picture.getHeight()).as("height of picture %d", n).isEqualTo(height);
            assertSamePixels(picture, whole.getSubimage(x, y, width, height), n);

            HttpResponse<byte[]> webp = get(base() + "/" + grid.hash() + "/0_" + n + ".webp");
            assertThat(webp.statusCode()).isEqualTo(200);
            assertThat(ImageTypes.sniff(webp.body())).isEqualTo("image/webp");
        }
        HttpResponse<byte[]> gridFile = get(base() + "/" + grid.hash() + "/grid_0.png");
        assertThat(gridFile.statusCode()).isEqualTo(200);
        assertSamePixels(TestImages.decode(gridFile.body()), whole, -1);
        assertThat(get(base() + "/" + grid.hash() + "/0_4.png").statusCode()).isEqualTo(404);
        assertThat(get(base() + "/" + grid.hash() + "/1_0.png").statusCode()).isEqualTo(404);
        assertThat(get(base() + "/00000000-0000-0000-0000-000000000000/0_0.png").statusCode()).isEqualTo(404);
    }

    @Test
    void anUpscaleIsPictureZeroOfItsOwnJob() throws Exception {
        SandboxUserSession.JobTrace image = user.imagineImage("a tin robot reading", 2);
        BufferedImage posted = TestImages.decode(user.download(image.result().path("attachments").get(0).path("url").asString()));

        HttpResponse<byte[]> response = get(base() + "/" + image.hash() + "/0_0.png");

        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage served = TestImages.decode(response.body());
        assertSamePixels(served, posted, 0);
        assertThat(get(base() + "/" + image.hash() + "/0_0.webp").statusCode()).isEqualTo(200);
        assertThat(get(base() + "/" + image.hash() + "/0_1.png").statusCode()).isEqualTo(404);
        assertThat(get(base() + "/" + image.hash() + "/grid_0.png").statusCode()).isEqualTo(404);
    }

    @Test
    void theSandboxRootServesTheSamePictures() throws Exception {
        SandboxUserSession.JobTrace grid = user.imagineGrid("a windmill on a hill");

        HttpResponse<byte[]> atRoot = get(user.sandboxBaseUrl() + "/" + grid.hash() + "/0_2.png");

        assertThat(atRoot.statusCode()).isEqualTo(200);
        assertThat(atRoot.body()).isEqualTo(get(base() + "/" + grid.hash() + "/0_2.png").body());
        assertThat(get(user.sandboxBaseUrl() + "/" + grid.hash() + "/grid_0.png").body())
                .isEqualTo(get(base() + "/" + grid.hash() + "/grid_0.png").body());
        assertThat(get(user.sandboxBaseUrl() + "/" + grid.hash() + "/0_9.png").statusCode()).isEqualTo(404);
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected, int picture) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if ((actual.getRGB(x, y) & 0xFFFFFF) != (expected.getRGB(x, y) & 0xFFFFFF)) {
                    throw new AssertionError("picture " + picture + " differs from the grid at " + x + "," + y);
                }
            }
        }
    }

    private String base() {
        return user.sandboxBaseUrl() + MidjourneyFiles.BASE_PATH;
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(user.sandboxBaseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
