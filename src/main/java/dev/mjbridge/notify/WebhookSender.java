package dev.mjbridge.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts one JSON body to one URL without holding a thread while the receiver thinks.
 * Redirects are not followed: a redirect could lead a checked hook to a refused address.
 */
final class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;
    private final int maxAnswerBytes;
    private final ScheduledExecutorService timer;

    WebhookSender(Duration timeout, int maxAnswerBytes, ScheduledExecutorService timer) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: an h2c upgrade attempt confuses simple receivers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
        this.maxAnswerBytes = maxAnswerBytes;
        this.timer = timer;
    }

    /** Never completes exceptionally: failures are a {@link DeliveryResult} too. */
    CompletableFuture<DeliveryResult> post(URI uri, byte[] json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "mj-bridge")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        CompletableFuture<HttpResponse<Long>> call;
        try {
            call = client.sendAsync(request, BoundedDiscard.handler(maxAnswerBytes));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(DeliveryResult.failed("unusable URL"));
        }
        // The request timeout ends at the answer's headers; this also ends a body that
        // trickles in slowly, so a receiver cannot hold the task's queue indefinitely.
        ScheduledFuture<?> deadline;
        try {
            deadline = timer.schedule(() -> call.cancel(true), timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            call.cancel(true);
            return CompletableFuture.completedFuture(DeliveryResult.failed("shutting down"));
        }
        return call.handle((response, error) -> {
            deadline.cancel(false);
            return error == null ? DeliveryResult.answered(response.statusCode()) : DeliveryResult.failed(describe(error));
        });
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof CancellationException) {
            return "answer took too long";
        }
        String message = cause.getMessage();
        // Exception messages may repeat the URL; keep only the kind of failure.
        return cause.getClass().getSimpleName() + (message == null || message.contains("://") ? "" : ": " + message);
    }
}
