package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Video job files downloaded from a running sandbox over real HTTP. */
class CdnVideoHttpTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String CHANNEL = "1100000000000000077";
    private static final String PROMPT = "a lighthouse --motion low --video 1 --aspect 1:1";

    private final SandboxServer sandbox = SharedSandbox.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    @AfterEach
    void reset() {
        sandbox.control().reset();
    }

    @Test
    void eachVideoAttachmentDownloadsAsItsContentType() throws Exception {
        ObjectNode step = cdn().attach(CHANNEL, "df062413_1_step_2.jpeg",
                ImageRecipe.videoStep(PROMPT, 21, 1, 2, 256, 256));
        ObjectNode animation = cdn().attach(CHANNEL, "u1_a_lighthouse_df062413.webp",
                ImageRecipe.animation(PROMPT, 21, 208, 208, false));
        ObjectNode clip = cdn().attach(CHANNEL, "u1_a_lighthouse_5e6f.mp4",
                ImageRecipe.videoClip(PROMPT, 21, 3, 160, 160, false));

        HttpResponse<byte[]> jpeg = get(step.path("url").asString());
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(picture.getWidth()).isEqualTo(256);
        assertThat(picture.getHeight()).isEqualTo(256);

        HttpResponse<byte[]> webp = get(animation.path("proxy_url").asString());
        assertThat(webp.statusCode()).isEqualTo(200);
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(ImageTypes.sniff(webp.body())).isEqualTo("image/webp");
        assertThat(ascii(webp.body(), 12)).as("extended (animated) WebP").isEqualTo("VP8X");
        assertThat(webp.body()[20] & 0x02).as("animation flag").isEqualTo(0x02);

        HttpResponse<byte[]> mp4 = get(clip.path("url").asString());
        assertThat(mp4.statusCode()).isEqualTo(200);
        assertThat(mp4.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(mp4.headers().firstValueAsLong("Content-Length")).hasValue(mp4.body().length);
        assertThat(ascii(mp4.body(), 4)).isEqualTo("ftyp");
        assertThat(mp4.body()).isEqualTo(new ImageRenderer().render(
                ImageRecipe.videoClip(PROMPT, 21, 3, 160, 160, false), "x.mp4"));
    }

    @Test
    void ephemeralStepPreviewsDownloadFromBothEphemeralForms() throws Exception {
        ObjectNode step = cdn().attachEphemeral(CHANNEL, "df062413_3_step_4.jpeg",
                ImageRecipe.videoStep(PROMPT, 21, 3, 4, 256, 256));

        HttpResponse<byte[]> direct = get(step.path("url").asString());
        HttpResponse<byte[]> proxied = get(step.path("proxy_url").asString());

        assertThat(step.path("url").asString()).contains("/ephemeral-attachments/");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(direct.body());
        String wrongPath = step.path("url").asString().replace("/ephemeral-attachments/", "/attachments/");
        assertThat(get(wrongPath).statusCode()).isEqualTo(404);
    }

    @Test
    void publishedClipsAreServedAtMidjourneysVideoPaths() throws Exception {
        String hash = UUID.randomUUID().toString();
        cdn().publishVideos(hash, PROMPT, 33, 128, 128, true);
        String base = sandbox.restBaseUrl();

        for (int n = 0; n < 4; n++) {
            HttpResponse<byte[]> clip = get(base + "/video/" + hash + "/" + n + ".mp4");
            assertThat(clip.statusCode()).as("clip %d", n).isEqualTo(200);
            assertThat(clip.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(clip.body()).isEqualTo(cdn().video(hash, n).orElseThrow().bytes());
        }
        assertThat(cdn().videoUrl(hash, 1)).isEqualTo(base + "/video/" + hash + "/1.mp4");

        for (String url : List.of(
                base + "/video/" + hash + "/4.mp4",
                base + "/video/" + hash + "/00.mp4",
                base + "/video/" + hash + "/0.webm",
                base + "/video/" + hash + "/x.mp4",
                base + "/video/" + UUID.randomUUID() + "/0.mp4")) {
            HttpResponse<byte[]> response = get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(404);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("message").asString()).isEqualTo("404: Not Found");
        }
    }

    @Test
    void slowCdnDelaysVideoDownloadsToo() throws Exception {
        String hash = UUID.randomUUID().toString();
        cdn().publishVideos(hash, PROMPT, 5, 128, 128, false);
        String url = sandbox.restBaseUrl() + "/video/" + hash + "/2.mp4";
        get(url); // rendered and cached before the clock starts
        Duration delay = Duration.ofMillis(300);
        sandbox.control().setCdnDelay(delay);

        long start = System.nanoTime();
        HttpResponse<byte[]> response = get(url);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
    }

    private Cdn cdn() {
        return sandbox.control().cdn();
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
