package dev.mjbridge.images;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Downloads pictures (finished grids, upscales) so they can be kept after Discord's links expire.
 * Everything is asynchronous: a download waiting for its turn, for an answer or for its next
 * retry holds no thread. At most {@link ImageDownloadSettings#maxConcurrent()} downloads run at
 * once; a body passing {@link ImageDownloadSettings#maxBytes()} is aborted; network errors and
 * 5xx (and 429) answers are retried with the shared backoff. An expired Discord link (404 or 403
 * with "This content is no longer available.") is handed once to the caller's refresher, which
 * re-reads the message for a freshly signed link, and the download goes on with that.
 * Links appear in logs and errors without their query: that is where Discord's signature sits.
 */
public final class ImageDownloader {

    /** Discord's CDN body for an expired, stripped or forged attachment link. */
    public static final String NO_LONGER_AVAILABLE = "This content is no longer available.";

    private static final Logger log = LoggerFactory.getLogger(ImageDownloader.class);
    /** Enough of an error answer to recognise Discord's expired-link text, and no more. */
    private static final int ERROR_BODY_CAP = 4096;

    private final HttpClient http;
    private final ImageDownloadSettings settings;
    private final AsyncPermits permits;

    /** @param http the shared client ({@code HttpClients.forProxy(...)}), so downloads reuse its connections and threads */
    public ImageDownloader(HttpClient http, ImageDownloadSettings settings) {
        this.http = http;
        this.settings = settings;
        this.permits = new AsyncPermits(settings.maxConcurrent());
    }

    /** Downloads {@code url}; an expired link fails with {@link ImageDownloadException.Reason#LINK_EXPIRED}. */
    public CompletableFuture<DownloadedImage> download(String url) {
        return download(url, expired -> CompletableFuture.completedFuture(Optional.empty()));
    }

    /**
     * Downloads {@code url}, asking {@code refresher} once for a fresh link if it has expired. The
     * refresher gets the expired link and answers a fresh one, or empty when there is none (the
     * message is gone); a fresh link that has expired too fails the download.
     */
    public CompletableFuture<DownloadedImage> download(String url,
                                                       Function<String, CompletableFuture<Optional<String>>> refresher) {
        return attempt(url, 0, false, refresher);
    }

    /** Downloads that have not yet got their turn. */
    public int queued() {
        return permits.queued();
    }

    private CompletableFuture<DownloadedImage> attempt(String url, int attempt, boolean refreshed,
                                                       Function<String, CompletableFuture<Optional<String>>> refresher) {
        return fetchOnce(url).thenCompose(outcome -> {
            if (outcome instanceof Outcome.Fetched fetched) {
                return CompletableFuture.completedFuture(new DownloadedImage(fetched.bytes(), fetched.contentType(), url));
            }
            if (outcome instanceof Outcome.Gone) {
                return refreshed
                        ? failed(ImageDownloadException.Reason.LINK_EXPIRED, "the refreshed link " + Links.withoutQuery(url)
                        + " is no longer available either", null)
                        : refresh(url, refresher);
            }
            if (outcome instanceof Outcome.Transient transientFailure && attempt + 1 < settings.maxAttempts()) {
                Duration delay = settings.backoff().delay(attempt);
                log.info("Downloading {} failed ({}); retry {} of {} in {} ms", Links.withoutQuery(url),
                        transientFailure.error().getMessage(), attempt + 1, settings.maxAttempts() - 1, delay.toMillis());
                // The delayed executor's timer thread only starts the next asynchronous request: nothing waits on a thread.
                return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay.toMillis(),
                                TimeUnit.MILLISECONDS, Runnable::run))
                        .thenCompose(ignored -> attempt(url, attempt + 1, refreshed, refresher));
            }
            return CompletableFuture.failedFuture(outcome.error());
        });
    }

    private CompletableFuture<DownloadedImage> refresh(String url,
                                                       Function<String, CompletableFuture<Optional<String>>> refresher) {
        log.info("The link {} has expired; asking for a fresh one", Links.withoutQuery(url));
        CompletableFuture<Optional<String>> fresh;
        try {
            fresh = refresher.apply(url);
        } catch (RuntimeException e) {
            return failed(ImageDownloadException.Reason.REFRESH_FAILED, "refreshing the expired link "
                    + Links.withoutQuery(url) + " failed", e);
        }
        if (fresh == null) {
            return failed(ImageDownloadException.Reason.REFRESH_FAILED, "the refresher gave no answer for "
                    + Links.withoutQuery(url), null);
        }
        return fresh.handle((link, error) -> {
            if (error != null) {
                return ImageDownloader.<DownloadedImage>failed(ImageDownloadException.Reason.REFRESH_FAILED,
                        "refreshing the expired link " + Links.withoutQuery(url) + " failed", unwrap(error));
            }
            if (link == null || link.isEmpty()) {
                return ImageDownloader.<DownloadedImage>failed(ImageDownloadException.Reason.LINK_EXPIRED,
                        "the link " + Links.withoutQuery(url) + " is no longer available and no fresh link was found", null);
            }
            return attempt(link.get(), 0, true, refresher);
        }).thenCompose(Function.identity());
    }

    /** One request, classified; never completes exceptionally. */
    private CompletableFuture<Outcome> fetchOnce(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout()).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome.Fatal(new ImageDownloadException(
                    ImageDownloadException.Reason.INVALID_LINK, "not a usable link: " + Links.withoutQuery(url))));
        }
        return permits.acquire().thenCompose(turn -> {
            CompletableFuture<HttpResponse<byte[]>> sent;
            try {
                sent = http.sendAsync(request, this::bodyFor);
            } catch (RuntimeException e) {
                permits.release();
                return CompletableFuture.completedFuture(new Outcome.Fatal(new ImageDownloadException(
                        ImageDownloadException.Reason.INVALID_LINK, "cannot request " + Links.withoutQuery(url), e)));
            }
            return sent.handle((response, error) -> {
                permits.release();
                return classify(url, response, error);
            });
        });
    }

    private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() / 100 != 2) {
            return CappedBody.truncatedAt(ERROR_BODY_CAP);
        }
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return announced > settings.maxBytes() ? CappedBody.refused(settings.maxBytes()) : CappedBody.failingOver(settings.maxBytes());
    }

    private Outcome classify(String url, HttpResponse<byte[]> response, Throwable error) {
        String link = Links.withoutQuery(url);
        if (error != null) {
            Throwable cause = unwrap(error);
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof CappedBody.TooLarge) {
                    return new Outcome.Fatal(new ImageDownloadException(ImageDownloadException.Reason.TOO_LARGE,
                            link + " is larger than the cap of " + settings.maxBytes() + " bytes"));
                }
            }
            ImageDownloadException failure = new ImageDownloadException(ImageDownloadException.Reason.NETWORK,
                    "downloading " + link + " failed: " + cause.getClass().getSimpleName(), cause);
            return cause instanceof IOException ? new Outcome.Transient(failure) : new Outcome.Fatal(failure);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Outcome.Fetched(response.body(), response.headers().firstValue("Content-Type").orElse(null));
        }
        if ((status == 404 || status == 403)
                && new String(response.body(), StandardCharsets.UTF_8).contains(NO_LONGER_AVAILABLE)) {
            return new Outcome.Gone(new ImageDownloadException(ImageDownloadException.Reason.LINK_EXPIRED,
                    link + " is no longer available"));
        }
        ImageDownloadException failure = new ImageDownloadException(ImageDownloadException.Reason.HTTP_STATUS,
                "downloading " + link + " answered HTTP " + status);
        return status / 100 == 5 || status == 429 ? new Outcome.Transient(failure) : new Outcome.Fatal(failure);
    }

    private static <T> CompletableFuture<T> failed(ImageDownloadException.Reason reason, String message, Throwable cause) {
        return CompletableFuture.failedFuture(new ImageDownloadException(reason, message, cause));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** What one request came to. */
    private sealed interface Outcome {

        ImageDownloadException error();

        record Fetched(byte[] bytes, String contentType) implements Outcome {
            @Override
            public ImageDownloadException error() {
                return null;
            }
        }

        /** Discord's expired-link answer: worth one refresh, never a plain retry. */
        record Gone(ImageDownloadException error) implements Outcome {
        }

        /** A network error or a 5xx/429: worth a retry after a wait. */
        record Transient(ImageDownloadException error) implements Outcome {
        }

        /** An answer that a retry would not change. */
        record Fatal(ImageDownloadException error) implements Outcome {
        }
    }
}
