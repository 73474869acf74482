package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import dev.mjbridge.sandbox.world.SandboxUser;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads from a running sandbox over real HTTP, as a Midjourney client would. */
class CdnHttpTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String CHANNEL = "1100000000000000042";

    private final SandboxServer sandbox = SharedSandbox.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    @AfterEach
    void reset() {
        sandbox.control().reset();
    }

    @Test
    void attachmentUrlServesAValidPng() throws Exception {
        ObjectNode attachment = cdn().attach(CHANNEL, "user_a_lighthouse_0f3c.png",
                ImageRecipe.grid("a lighthouse", 17, 320, 240));

        HttpResponse<byte[]> response = get(attachment.path("url").asString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(attachment.path("content_type").asString()).isEqualTo("image/png");
    }

    @Test
    void mediaProxyUrlServesTheSameBytes() throws Exception {
        ObjectNode attachment = cdn().attach(CHANNEL, "user_upscale_2.png",
                ImageRecipe.single("a lighthouse", 17, 2, 200, 200));

        HttpResponse<byte[]> direct = get(attachment.path("url").asString());
        HttpResponse<byte[]> proxied = get(attachment.path("proxy_url").asString());

        assertThat(attachment.path("proxy_url").asString()).contains("/media/attachments/").contains("?ex=");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(direct.body());
    }

    @Test
    void previewNamedWebpIsRealWebp() throws Exception {
        ObjectNode attachment = cdn().attach(CHANNEL, "0a1b2c3d-hash_grid_0.webp",
                ImageRecipe.preview("a lighthouse", 17, 256, 256, 40));

        HttpResponse<byte[]> response = get(attachment.path("url").asString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(ImageTypes.sniff(response.body())).isEqualTo("image/webp");
        assertThat(attachment.path("content_type").asString()).isEqualTo("image/webp");
    }

    @Test
    void unknownOrMismatchedAttachmentsAreGoneAsOnDiscord() throws Exception {
        ObjectNode attachment = cdn().attach(CHANNEL, "real.png", ImageRecipe.grid("x", 1, 64, 64));
        String id = attachment.path("id").asString();
        String base = sandbox.restBaseUrl();
        String query = attachment.path("url").asString().substring(attachment.path("url").asString().indexOf('?'));
        String unknownPath = "/attachments/" + CHANNEL + "/999/real.png";

        for (String url : List.of(
                // the signature of one file does not open another
                base + unknownPath + query,
                base + "/attachments/1100000000000000043/" + id + "/real.png" + query,
                base + "/attachments/" + CHANNEL + "/" + id + "/other.png" + query,
                base + "/media/attachments/" + CHANNEL + "/" + id + "/real.webp" + query,
                // a correctly signed link to a file that does not exist
                base + unknownPath + sandbox.control().cdnLinks().query(unknownPath))) {
            HttpResponse<byte[]> response = get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(SignedLinks.GONE);
        }
    }

    @Test
    void slowCdnDelaysEveryDownloadButAllArrive() throws Exception {
        String url = cdn().attach(CHANNEL, "slow.png", ImageRecipe.grid("slow", 3, 96, 96)).path("url").asString();
        get(url); // rendered and cached before the clock starts
        Duration delay = Duration.ofMillis(300);
        sandbox.control().setCdnDelay(delay);

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> downloads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            downloads.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> download : downloads) {
            HttpResponse<byte[]> response = download.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth()).isEqualTo(96);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);

        sandbox.control().reset();
        assertThat(cdn().delay()).isZero();
    }

    @Test
    void uploadedFilesAreServedAtTheUrlsOfUserMessages() throws Exception {
        String token = SharedSandbox.freshToken("cdn-upload");
        SandboxUser user = sandbox.control().world().authenticate(token).orElseThrow();
        String channelId = sandbox.control().world().dmChannelOf(user).id();
        byte[] png = new ImageRenderer().render(ImageRecipe.single("my cat", 1, 1, 64, 64), "cat.png");

        JsonNode reserved = api(token, "POST", "/api/v10/channels/" + channelId + "/attachments",
                "{\"files\":[{\"id\":\"0\",\"filename\":\"cat.png\",\"file_size\":" + png.length + "},"
                        + "{\"id\":\"1\",\"filename\":\"never-sent.png\",\"file_size\":10}]}");
        String uploadFilename = reserved.path("attachments").get(0).path("upload_filename").asString();
        String unsentFilename = reserved.path("attachments").get(1).path("upload_filename").asString();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(
                        reserved.path("attachments").get(0).path("upload_url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode message = api(token, "POST", "/api/v10/channels/" + channelId + "/messages",
                "{\"content\":\"look\",\"attachments\":[{\"id\":\"0\",\"filename\":\"cat.png\",\"uploaded_filename\":\""
                        + uploadFilename + "\"}]}");

        HttpResponse<byte[]> download = get(message.path("attachments").get(0).path("url").asString());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(png.length);
        assertThat(download.body()).isEqualTo(png);
        String url = message.path("attachments").get(0).path("url").asString();
        assertThat(url).contains("?ex=").contains("&hm=");
        assertGone(url.substring(0, url.indexOf('?')));
        String unsent = "/uploads/" + unsentFilename;
        assertGone(sandbox.restBaseUrl() + unsent + sandbox.control().cdnLinks().query(unsent));
        assertGone(sandbox.restBaseUrl() + "/uploads/no-such-upload/cat.png");
    }

    private void assertGone(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(url);
        assertThat(response.statusCode()).as(url).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(SignedLinks.GONE);
    }

    private Cdn cdn() {
        return sandbox.control().cdn();
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode api(String token, String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.restBaseUrl() + path))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
