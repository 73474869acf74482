package dev.mjbridge.images;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * {@link ImageDownloader} against a small local HTTP server that can answer what Discord's CDN
 * rarely does on demand: 5xx, oversized bodies, expired links, plain 404s, a dead port.
 * The backoff is zero, so retries need no waiting.
 */
class ImageDownloaderTest {

    private static final byte[] PICTURE = "not really a picture, but bytes".getBytes(StandardCharsets.UTF_8);
    private static final ImageDownloadSettings SETTINGS = ImageDownloadSettings.defaults()
            .withBackoff(new Backoff(Duration.ZERO, Duration.ZERO));

    private final HttpClients clients = new HttpClients();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
        clients.close();
    }

    @Test
    void aFiveHundredIsRetriedUntilTheFileComes() {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        serve("/flaky.png", exchange -> {
            if (failuresLeft.getAndDecrement() > 0) {
                reply(exchange, 503, "try later".getBytes(StandardCharsets.UTF_8));
            } else {
                reply(exchange, 200, PICTURE);
            }
        });

        DownloadedImage image = downloader(SETTINGS).download(url("/flaky.png?ex=1&hm=secret")).join();

        assertThat(image.bytes()).isEqualTo(PICTURE);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(hits("/flaky.png")).isEqualTo(3);
        assertThat(image.toString()).doesNotContain("secret");
    }

    @Test
    void fiveHundredsUntilTheAttemptsRunOutFail() {
        serve("/down.png", exchange -> reply(exchange, 502, new byte[0]));

        ImageDownloadException failure = failure(downloader(SETTINGS.withMaxAttempts(3)).download(url("/down.png?hm=secret")));

        assertThat(failure.reason()).isEqualTo(ImageDownloadException.Reason.HTTP_STATUS);
        assertThat(failure.getMessage()).contains("/down.png", "502").doesNotContain("secret");
        assertThat(hits("/down.png")).isEqualTo(3);
    }

    @Test
    void aBodyOverTheCapFailsWithoutRetryWhetherItsLengthIsAnnouncedOrNot() {
        byte[] big = new byte[64 * 1024];
        serve("/announced.png", exchange -> reply(exchange, 200, big));
        serve("/chunked.png", exchange -> {
            exchange.sendResponseHeaders(200, 0); // no Content-Length: the cap is found while reading
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 16; i++) {
                    out.write(big, 0, 4096);
                    out.flush();
                }
            } catch (IOException closedByTheClient) {
                // the downloader hung up once past its cap, as it should
            }
        });
        ImageDownloader downloader = downloader(SETTINGS.withMaxBytes(10_000));

        for (String path : List.of("/announced.png", "/chunked.png")) {
            ImageDownloadException failure = failure(downloader.download(url(path + "?hm=secret")));
            assertThat(failure.reason()).as(path).isEqualTo(ImageDownloadException.Reason.TOO_LARGE);
            assertThat(failure.getMessage()).contains(path, "10000 bytes").doesNotContain("secret");
            assertThat(hits(path)).as(path).isEqualTo(1);
        }
        serve("/small.png", exchange -> reply(exchange, 200, PICTURE));
        assertThat(downloader.download(url("/small.png")).join().bytes()).isEqualTo(PICTURE);
    }

    @Test
    void anExpiredLinkIsRefreshedOnceAndTheDownloadGoesOn() {
        serve("/old.png", exchange -> reply(exchange, 404, ImageDownloader.NO_LONGER_AVAILABLE.getBytes(StandardCharsets.UTF_8)));
        serve("/fresh.png", exchange -> reply(exchange, 200, PICTURE));
        List<String> asked = new ArrayList<>();

        DownloadedImage image = downloader(SETTINGS).download(url("/old.png?hm=old"), expired -> {
            asked.add(expired);
            return CompletableFuture.completedFuture(Optional.of(url("/fresh.png?hm=new")));
        }).join();

        assertThat(image.bytes()).isEqualTo(PICTURE);
        assertThat(image.url()).isEqualTo(url("/fresh.png?hm=new"));
        assertThat(asked).containsExactly(url("/old.png?hm=old"));
        assertThat(hits("/old.png")).isEqualTo(1);
    }

    @Test
    void aRefreshedLinkThatIsGoneTooOrNoFreshLinkFails() {
        serve("/gone.png", exchange -> reply(exchange, 403, ImageDownloader.NO_LONGER_AVAILABLE.getBytes(StandardCharsets.UTF_8)));
        AtomicInteger refreshes = new AtomicInteger();
        ImageDownloader downloader = downloader(SETTINGS);

        ImageDownloadException stillGone = failure(downloader.download(url("/gone.png?hm=a"), expired -> {
            refreshes.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.of(url("/gone.png?hm=b")));
        }));
        ImageDownloadException noFresh = failure(downloader.download(url("/gone.png?hm=c"),
                expired -> CompletableFuture.completedFuture(Optional.empty())));
        ImageDownloadException refresherBroke = failure(downloader.download(url("/gone.png?hm=d"),
                expired -> CompletableFuture.failedFuture(new IllegalStateException("message deleted"))));

        assertThat(refreshes).hasValue(1);
        assertThat(stillGone.reason()).isEqualTo(ImageDownloadException.Reason.LINK_EXPIRED);
        assertThat(noFresh.reason()).isEqualTo(ImageDownloadException.Reason.LINK_EXPIRED);
        assertThat(refresherBroke.reason()).isEqualTo(ImageDownloadException.Reason.REFRESH_FAILED);
        assertThat(refresherBroke.getCause()).hasMessage("message deleted");
        assertThat(hits("/gone.png")).isEqualTo(4);
    }

    @Test
    void aPlainNotFoundIsNeitherRetriedNorRefreshed() {
        serve("/missing.png", exchange -> reply(exchange, 404, "Not Found".getBytes(StandardCharsets.UTF_8)));
        AtomicInteger refreshes = new AtomicInteger();

        ImageDownloadException failure = failure(downloader(SETTINGS).download(url("/missing.png"), expired -> {
            refreshes.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.empty());
        }));

        assertThat(failure.reason()).isEqualTo(ImageDownloadException.Reason.HTTP_STATUS);
        assertThat(refreshes).hasValue(0);
        assertThat(hits("/missing.png")).isEqualTo(1);
    }

    @Test
    void networkErrorsAreRetriedThenReported() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }

        ImageDownloadException failure = failure(downloader(SETTINGS.withMaxAttempts(2))
                .download("http://127.0.0.1:" + deadPort + "/x.png?hm=secret"));

        assertThat(failure.reason()).isEqualTo(ImageDownloadException.Reason.NETWORK);
        assertThat(failure.getMessage()).contains("/x.png").doesNotContain("secret");
    }

    @Test
    void noMoreThanTheConfiguredDownloadsRunAtOnce() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        serve("/slow.png", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            reply(exchange, 200, PICTURE);
        });
        ImageDownloader downloader = downloader(SETTINGS.withMaxConcurrent(2));

        List<CompletableFuture<DownloadedImage>> downloads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            downloads.add(downloader.download(url("/slow.png")));
        }

        assertThat(downloader.queued()).isEqualTo(3);
        await("two downloads at the server").until(() -> hits("/slow.png") == 2);
        release.countDown();
        downloads.forEach(download -> assertThat(download.join().bytes()).isEqualTo(PICTURE));
        assertThat(hits("/slow.png")).isEqualTo(5);
        assertThat(mostInFlight).hasValue(2);
        assertThat(downloader.queued()).isZero();
    }

    @Test
    void anUnusableLinkFailsClearly() {
        ImageDownloadException failure = failure(downloader(SETTINGS).download("not a link at all"));

        assertThat(failure.reason()).isIn(ImageDownloadException.Reason.INVALID_LINK);
    }

    private ImageDownloader downloader(ImageDownloadSettings settings) {
        return new ImageDownloader(clients.forProxy(null), settings);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void serve(String path, Handler handler) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            handler.handle(exchange);
        });
    }

    private int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "image/png" : "text/plain");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    private static ImageDownloadException failure(CompletableFuture<DownloadedImage> download) {
        Throwable thrown = catchThrowable(download::join);
        assertThat(thrown).as("the download fails").isNotNull();
        AtomicReference<Throwable> cause = new AtomicReference<>(thrown.getCause());
        assertThat(cause.get()).isInstanceOf(ImageDownloadException.class);
        return (ImageDownloadException) cause.get();
    }
}
