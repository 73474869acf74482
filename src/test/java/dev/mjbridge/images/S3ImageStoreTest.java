package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.mjbridge.testing.S3MockServer;

/**
 * The S3 store against a real S3-compatible server (S3Mock), each test under its own prefix: the
 * shared contract, then what only a bucket can go through.
 */
class S3ImageStoreTest extends ImageStoreContractTest {

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private static S3MockServer server;
    /** The bucket as another program sees it, to check what the store left there. */
    private static S3Connections raw;

    private final String prefix = "store-test-" + PREFIXES.incrementAndGet() + "/";
    private final List<S3ImageStore> opened = new java.util.ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = S3MockServer.shared();
        raw = S3Connections.open(settings(server.endpoint(), "", null, false, null));
    }

    @AfterAll
    static void closeClient() {
        raw.close();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3ImageStore::close);
    }

    static S3ImageProperties settings(String endpoint, String prefix, String publicBaseUrl, boolean presign,
                                      Duration presignTtl) {
        return new S3ImageProperties(S3MockServer.BUCKET, prefix, null, endpoint, true, S3MockServer.ACCESS_KEY,
                S3MockServer.SECRET_KEY, publicBaseUrl, presign, presignTtl);
    }

    private S3ImageStore store(S3ImageProperties settings, long maxBytes) {
        S3ImageStore store = S3ImageStore.connect(settings, maxBytes);
        opened.add(store);
        return store;
    }

    private S3ImageStore store() {
        return store(MAX_BYTES);
    }

    @Override
    protected S3ImageStore store(long maxBytes) {
        return store(settings(server.endpoint(), prefix, null, false, null), maxBytes);
    }

    /** The objects under this test's own prefix, full keys as the bucket lists them. */
    @Override
    protected List<String> leftovers() {
        return raw.client().listObjectsV2(r -> r.bucket(S3MockServer.BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    /** One object, named by prefix, task id and file: no side files, S3 keeps the SHA-256 in its metadata. */
    @Override
    protected List<String> holdingOf(ImageKey key) {
        return List.of(prefix + key.taskId() + "/" + key.file());
    }

    @Override
    protected byte[] heldBytes(ImageKey key) {
        return raw.client().getObjectAsBytes(r -> r.bucket(S3MockServer.BUCKET).key(prefix + key)).asByteArray();
    }

    /** Other programs reading the bucket (a CDN, a browser through a public URL) learn the type from the object. */
    @Test
    void anObjectCarriesItsFilesContentType() throws Exception {
        store().put(KEY, new ByteArrayInputStream(new byte[] {1}));

        assertThat(raw.client().headObject(r -> r.bucket(S3MockServer.BUCKET).key(prefix + KEY)).contentType())
                .isEqualTo("image/png");
    }

    @Test
    void anObjectReplacedAfterOpeningIsNotMixedIntoTheOpenedOne() throws Exception {
        S3ImageStore store = store();
        store.put(KEY, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        try (StoredImage image = store.open(KEY).orElseThrow()) {
            store.put(KEY, new ByteArrayInputStream(new byte[] {7, 8, 9}));

            assertThatThrownBy(() -> read(image, 0, 3)).isInstanceOf(IOException.class)
                    .hasMessageContaining("replaced since it was opened");
        }
    }

    @Test
    void withoutAPrefixTheKeyIsTaskIdAndFile() throws Exception {
        ImageKey key = new ImageKey(String.valueOf(1_732_800_000_000_000L + PREFIXES.incrementAndGet()), "grid.webp");
        S3ImageStore store = store(settings(server.endpoint(), "", null, false, null), 1024);

        store.put(key, new ByteArrayInputStream(new byte[] {1}));

        assertThat(store.objectKeyOf(key)).isEqualTo(key.taskId() + "/grid.webp");
        assertThat(raw.client().headObject(r -> r.bucket(S3MockServer.BUCKET).key(key.taskId() + "/grid.webp"))
                .contentType()).isEqualTo("image/webp");
        assertThat(store.delete(key)).isTrue();
    }

    /** Put there by another program: no SHA-256 in its metadata, so S3's own tag stands in. */
    @Test
    void anObjectPutByHandIsServedWithTheServersTag() throws Exception {
        S3ImageStore store = store();
        var put = raw.client().putObject(r -> r.bucket(S3MockServer.BUCKET).key(prefix + KEY),
                RequestBody.fromBytes(new byte[] {5, 6, 7}));

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info().etag()).isEqualTo(put.eTag()).startsWith("\"");
            assertThat(image.info().size()).isEqualTo(3);
            assertThat(image.info().contentType()).isEqualTo("image/png");
            assertThat(read(image, 1, 2)).containsExactly(6, 7);
        }
    }

    @Test
    void publicUrlsFollowTheBaseUrlAndPrefix() {
        S3ImageStore withBase = store(settings(server.endpoint(), "pictures", "https://cdn.example.com/", false, null), 1024);
        assertThat(withBase.publicUrl(KEY)).contains("https://cdn.example.com/pictures/1732800000000001/0_0.png");
        assertThat(store().publicUrl(KEY)).isEmpty();
    }

    @Test
    void withPresignATemporaryLinkGivesTheBytesToAPlainClient() throws Exception {
        S3ImageStore store = store(settings(server.endpoint(), prefix, null, true, Duration.ofMinutes(10)), 1024);
        byte[] content = {10, 20, 30, 40};
        store.put(KEY, new ByteArrayInputStream(content));

        TemporaryLink link = store.temporaryLink(KEY).orElseThrow();

        assertThat(link.validFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(link.url().getQuery()).contains("X-Amz-Signature").contains("X-Amz-Expires=600");
        assertThat(link.toString()).doesNotContain("X-Amz-Signature");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link.url()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);
        assertThat(store.temporaryLink(new ImageKey("1732800000000001", "missing.png"))).isEmpty();
        assertThat(store().temporaryLink(KEY)).as("without presign").isEmpty();
    }

    @Test
    void theBucketCheckSaysWhatIsWrongWithoutTheSecret() throws Exception {
        store().checkBucket();

        S3ImageProperties missingBucket = new S3ImageProperties("no-such-bucket", "", null, server.endpoint(), true,
                S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY, null, false, null);
        assertThatThrownBy(() -> store(missingBucket, 1024).checkBucket()).isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-bucket").hasMessageNotContaining(S3MockServer.SECRET_KEY);

        S3ImageStore down = store(settings("http://127.0.0.1:" + closedPort(), prefix, null, false, null), 1024);
        assertThatThrownBy(down::checkBucket).isInstanceOf(IOException.class)
                .hasMessageContaining(S3MockServer.BUCKET).hasMessageNotContaining(S3MockServer.SECRET_KEY);
        assertThatThrownBy(() -> down.put(KEY, new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(IOException.class).hasMessageContaining("PutObject")
                .hasMessageNotContaining(S3MockServer.SECRET_KEY);
        assertThatThrownBy(() -> down.open(KEY)).isInstanceOf(IOException.class);
        assertThat(down.toString()).doesNotContain(S3MockServer.SECRET_KEY);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
