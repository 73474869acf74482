package dev.mjbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each attempt of a REST request is timed under its folded route and the class of its answer. */
class RestMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ManualTime time = new ManualTime(1_700_000_000_000L);
    private final RateLimitedSender sender = new RateLimitedSender("acc", JsonMapper.builder().build(), time, time,
            RestRetryPolicy.standard(), new RestMeters(registry));

    @Test
    void everyAttemptCountsUnderItsAnswerClass() {
        Deque<CompletableFuture<RestResponse>> answers = new ArrayDeque<>();
        answers.add(CompletableFuture.completedFuture(answer(429, "{\"retry_after\":0.1,\"global\":false}")));
        answers.add(CompletableFuture.completedFuture(answer(503, "")));
        answers.add(CompletableFuture.failedFuture(new IOException("connection reset")));
        answers.add(CompletableFuture.completedFuture(answer(204, "")));
        answers.add(CompletableFuture.completedFuture(answer(404, "{\"message\":\"Unknown Message\"}")));
        RestRoute route = RestRoute.of("POST", URI.create("https://discord.com/api/v9/channels/123456789/messages"));

        CompletableFuture<RestResponse> first = sender.submit(new RateLimitedSender.Request(route, "post", answers::poll));
        time.advance(60_000); // past every wait and backoff
        CompletableFuture<RestResponse> second = sender.submit(new RateLimitedSender.Request(route, "post", answers::poll));

        assertThat(first.join().status()).isEqualTo(204);
        assertThat(second.join().status()).isEqualTo(404);
        String folded = "POST discord.com/channels/{id}/messages";
        for (String answer : new String[] {"429", "5xx", "error", "2xx", "4xx"}) {
            assertThat(registry.get(RestMeters.NAME).tags("route", folded, "answer", answer).timer().count())
                    .as(answer).isEqualTo(1);
        }
    }

    @Test
    void uploadsShareOneRouteWhateverTheirUrl() {
        RestRoute route = RestRoute.of("PUT", URI.create("https://uploads.example/upload/abc-123/cat.png?sig=secret"));

        sender.submitUnqueued(new RateLimitedSender.Request(route, "upload",
                () -> CompletableFuture.completedFuture(answer(200, "")))).join();

        assertThat(registry.get(RestMeters.NAME).tags("route", RestMeters.UPLOAD_ROUTE, "answer", "2xx").timer().count())
                .isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getTag("route")).doesNotContain("secret").doesNotContain("abc-123"));
    }

    private static RestResponse answer(int status, String body) {
        return new RestResponse(status, HttpHeaders.of(Map.of(), (a, b) -> true), body);
    }
}
