package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.it.ProxyIntegrationTest;
import dev.mjbridge.testing.TempDirs;

/**
 * The image endpoint in the real servlet container, with an api secret set: images stay public,
 * every other path keeps needing the secret, and paths written to borrow the image exception for
 * another endpoint, or to climb out of the store, do neither. Requests go over a raw socket so
 * that the path reaches the server exactly as written.
 */
@TestPropertySource(properties = "mj.api-secret=it-secret")
class ImageEndpointSandboxTest extends ProxyIntegrationTest {

    private static final String TASK = "1732800000000077";
    private static final String OUTSIDE = "outside-the-image-store";
    private static final Path DIR = TempDirs.create("mj-images-it");

    @DynamicPropertySource
    static void imageDir(DynamicPropertyRegistry registry) {
        registry.add("mj.images.dir", () -> DIR.resolve("store").toString());
    }

    @Autowired
    private ImageStore store;

    private ImageInfo stored;

    @BeforeEach
    void storeOnePicture() throws IOException {
        Files.writeString(DIR.resolve("secret.png"), OUTSIDE);
        stored = store.put(new ImageKey(TASK, "0_0.png"), new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}));
    }

    @Test
    void aStoredImageIsPublicWithItsHeaders() throws IOException {
        RawResponse response = raw("GET", "/mj/image/" + TASK + "/0_0.png", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.head()).containsIgnoringCase("Content-Type: image/png")
                .containsIgnoringCase("Content-Length: 5")
                .contains(stored.etag())
                .containsIgnoringCase("Cache-Control: public, max-age=31536000, immutable")
                .containsIgnoringCase("Last-Modified: ");
        assertThat(response.body()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void rangesConditionsAndHeadWorkOverTheWire() throws IOException {
        RawResponse part = raw("GET", "/mj-relax/mj/image/" + TASK + "/0_0.png", "Range: bytes=-2\r\n");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.head()).containsIgnoringCase("Content-Range: bytes 3-4/5");
        assertThat(part.body()).containsExactly(4, 5);

        assertThat(raw("GET", "/mj/image/" + TASK + "/0_0.png", "Range: bytes=5-\r\n").head())
                .containsIgnoringCase("Content-Range: bytes */5").startsWith("HTTP/1.1 416");
        assertThat(raw("GET", "/mj/image/" + TASK + "/0_0.png", "If-None-Match: " + stored.etag() + "\r\n").status())
                .isEqualTo(304);
        RawResponse head = raw("HEAD", "/mj/image/" + TASK + "/0_0.png", "");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.head()).containsIgnoringCase("Content-Length: 5");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void anUnknownImageIs404WithTheEnvelope() throws IOException {
        RawResponse response = raw("GET", "/mj/image/" + TASK + "/9_9.png", "");
        assertThat(response.status()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"code\":3");
    }

    @Test
    void theImageExceptionCannotBeBorrowedForAnotherEndpoint() throws IOException {
        for (String path : new String[] {"/mj/image/1/../../task/list", "/mj/image/..;/task/list",
                "/mj/image/1/..;/../task/list", "/mj/image/%2e%2e/%2e%2e/task/list", "/mj/image;x=1/../task/list",
                "/mj/task/list;/mj/image/1/0.png", "/mj/image/1/0.png/../../../task/list"}) {
            RawResponse response = raw("GET", path, "");
            assertThat(response.status()).as(path).isIn(400, 401, 404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("\"id\"");
        }
        assertThat(raw("GET", "/mj/task/list", "").status()).isEqualTo(401);
    }

    @Test
    void noPathLeadsOutOfTheStore() throws IOException {
        for (String path : new String[] {"/mj/image/" + TASK + "/..%2F..%2Fsecret.png",
                "/mj/image/" + TASK + "/%2e%2e%2f%2e%2e%2fsecret.png", "/mj/image/../secret.png",
                "/mj/image/" + TASK + "/..%5C..%5Csecret.png", "/mj/image/" + TASK + "/secret.png%00.png",
                "/mj/image/%2e%2e/secret.png", "/mj/image/" + TASK + "/%2Ftmp%2Fsecret.png"}) {
            RawResponse response = raw("GET", path, "");
            assertThat(response.status()).as(path).isIn(400, 401, 404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path).doesNotContain(OUTSIDE);
        }
    }

    private RawResponse raw(String method, String path, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, split + 4, all.length);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }


    private record RawResponse(int status, String head, byte[] body) {
    }
}
