package dev.mjbridge.sandbox.bot;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.HttpClients;
import dev.mjbridge.images.DownloadedImage;
import dev.mjbridge.images.GridSplitter;
import dev.mjbridge.images.ImageDownloadException;
import dev.mjbridge.images.ImageDownloadSettings;
import dev.mjbridge.images.ImageDownloader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link ImageDownloader} on the sandbox's signed attachment links: a fresh link downloads the
 * grid; after {@code POST /sandbox/cdn/expire-links} the old link answers 404 "This content is no
 * longer available.", and the downloader gets a fresh one from a refresher that re-reads the
 * message through REST, as the proxy will; a cap below the file's size fails clearly.
 */
class ImageDownloaderFlowTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ImageDownloadSettings SETTINGS = ImageDownloadSettings.defaults()
            .withBackoff(new Backoff(Duration.ZERO, Duration.ZERO));

    private final HttpClients clients = new HttpClients();
    private SandboxUserSession user;

    @BeforeEach
    void open() {
        user = SandboxUserSession.open("image-downloader");
    }

    @AfterEach
    void close() {
        user.control().reset();
        user.close();
        clients.close();
    }

    @Test
    void aFreshLinkDownloadsTheGrid() {
        String url = user.imagineGrid("a harbour at dawn").result().path("attachments").get(0).path("url").asString();

        DownloadedImage image = new ImageDownloader(clients.forProxy(null), SETTINGS).download(url).join();

        assertThat(image.bytes()).isEqualTo(user.download(url));
        assertThat(image.contentType()).isEqualTo("image/webp");
        assertThat(new GridSplitter().split(image.bytes())).hasSize(4);
        assertThat(image.toString()).doesNotContain("hm=");
    }

    @Test
    void anExpiredLinkIsRefreshedByReReadingTheMessage() throws Exception {
        JsonNode result = user.imagineGrid("a harbour at dusk --v 6").result();
        String channelId = result.path("channel_id").asString();
        String messageId = result.path("id").asString();
        String old = result.path("attachments").get(0).path("url").asString();
        byte[] expected = user.download(old);
        post("/sandbox/cdn/expire-links");
        assertThat(get(old).statusCode()).isEqualTo(404);
        List<String> refreshed = new ArrayList<>();

        DownloadedImage image = new ImageDownloader(clients.forProxy(null), SETTINGS).download(old, expired -> {
            refreshed.add(expired);
            SandboxUserSession.Response message = user.get("/channels/" + channelId + "/messages/" + messageId);
            return CompletableFuture.completedFuture(message.status() == 200
                    ? Optional.of(message.body().path("attachments").get(0).path("url").asString())
                    : Optional.empty());
        }).join();

        assertThat(refreshed).containsExactly(old);
        assertThat(image.url()).isNotEqualTo(old).startsWith(old.substring(0, old.indexOf('?')));
        assertThat(image.bytes()).isEqualTo(expected);
    }

    @Test
    void anExpiredLinkWithoutRefresherFailsAsExpired() throws Exception {
        String old = user.imagineGrid("a harbour at noon").result().path("attachments").get(0).path("url").asString();
        post("/sandbox/cdn/expire-links");

        ImageDownloadException failure = failure(new ImageDownloader(clients.forProxy(null), SETTINGS).download(old));

        assertThat(failure.reason()).isEqualTo(ImageDownloadException.Reason.LINK_EXPIRED);
        assertThat(failure.getMessage()).contains(old.substring(0, old.indexOf('?'))).doesNotContain("hm=");
    }

    @Test
    void aCapBelowTheFileSizeFailsClearly() {
        String url = user.imagineGrid("a harbour at night").result().path("attachments").get(0).path("url").asString();
        int size = user.download(url).length;

        ImageDownloadException failure = failure(new ImageDownloader(clients.forProxy(null),
                SETTINGS.withMaxBytes(size - 1)).download(url));

        assertThat(failure.reason()).isEqualTo(ImageDownloadException.Reason.TOO_LARGE);
        assertThat(failure.getMessage()).contains("larger than the cap of " + (size - 1) + " bytes").doesNotContain("hm=");
        assertThat(new ImageDownloader(clients.forProxy(null), SETTINGS.withMaxBytes(size)).download(url).join().bytes())
                .hasSize(size);
    }

    private static ImageDownloadException failure(CompletableFuture<DownloadedImage> download) {
        Throwable thrown = catchThrowable(download::join);
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ImageDownloadException.class);
        return (ImageDownloadException) thrown.getCause();
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
