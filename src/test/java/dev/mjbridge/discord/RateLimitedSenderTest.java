package dev.mjbridge.discord;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Discord's rate-limit headers, one case each, on a clock the test moves by hand. */
class RateLimitedSenderTest {

    private static final long START = 1_700_000_000_000L;

    private final ManualTime time = new ManualTime(START);
    private final List<Sent> sent = new ArrayList<>();
    private final RateLimitedSender sender = new RateLimitedSender("acc", JsonMapper.builder().build(), time, time,
            RestRetryPolicy.standard());
    /** When set, answers every request at once instead of leaving it in flight. */
    private Function<Sent, CompletableFuture<RestResponse>> autoAnswer;

    private record Sent(String what, long at, CompletableFuture<RestResponse> answer) {
    }

    // ---- buckets and queues -----------------------------------------------------------

    @Test
    void aRouteWhoseBucketIsNotKnownYetSendsOneRequestAtATimeInOrder() {
        CompletableFuture<RestResponse> first = submit("POST", "/channels/1/messages", "first");
        CompletableFuture<RestResponse> second = submit("POST", "/channels/1/messages", "second");
        CompletableFuture<RestResponse> third = submit("POST", "/channels/1/messages", "third");
        assertThat(whatWasSent()).containsExactly("first");

        answer(0, ok());
        assertThat(first).isCompleted();
        assertThat(whatWasSent()).containsExactly("first", "second");
        answer(1, ok());
        answer(2, ok());
        assertThat(whatWasSent()).containsExactly("first", "second", "third");
        assertThat(second).isCompleted();
        assertThat(third).isCompleted();
    }

    @Test
    void routesDiscordNamesOneBucketShareOneQueuePerMajorParameter() {
        submit("GET", "/channels/1/messages?limit=50", "learn-get");
        answer(0, ok("X-RateLimit-Bucket", "abc", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4",
                "X-RateLimit-Reset-After", "1"));
        submit("POST", "/channels/1/messages", "learn-post");
        answer(1, ok("X-RateLimit-Bucket", "abc", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "3",
                "X-RateLimit-Reset-After", "1"));

        submit("GET", "/channels/1/messages?limit=50", "get-channel-1");
        submit("POST", "/channels/1/messages", "post-channel-1");
        submit("POST", "/channels/2/messages", "post-channel-2");
        assertThat(whatWasSent()).as("one bucket for channel 1, another for channel 2")
                .containsExactly("learn-get", "learn-post", "get-channel-1", "post-channel-2");

        answer(2, ok("X-RateLimit-Bucket", "abc", "X-RateLimit-Remaining", "2", "X-RateLimit-Reset-After", "1"));
        assertThat(whatWasSent()).endsWith("post-channel-1");
    }

    @Test
    void aRouteThatIsGivenANewBucketNameTakesItsWaitingRequestsAlong() {
        submit("POST", "/interactions", "learn");
        answer(0, ok("X-RateLimit-Bucket", "old", "X-RateLimit-Remaining", "9", "X-RateLimit-Reset-After", "1"));
        submit("POST", "/interactions", "a");
        submit("POST", "/interactions", "b");
        answer(1, ok("X-RateLimit-Bucket", "new", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "0.5"));
        assertThat(whatWasSent()).containsExactly("learn", "a");

        time.advance(499);
        assertThat(whatWasSent()).as("the new bucket is empty until it resets").hasSize(2);
        time.advance(1);
        assertThat(whatWasSent()).containsExactly("learn", "a", "b");
    }

    // ---- Remaining / Reset-After / Reset ----------------------------------------------

    @Test
    void anEmptyBucketWaitsForResetAfterBeforeTheNextSend() {
        submit("POST", "/interactions", "first");
        submit("POST", "/interactions", "second");
        answer(0, ok("X-RateLimit-Bucket", "i", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset-After", "1.5"));

        time.advance(1_499);
        assertThat(whatWasSent()).containsExactly("first");
        time.advance(1);
        assertThat(whatWasSent()).containsExactly("first", "second");
        assertThat(sent.get(1).at()).isEqualTo(START + 1_500);
    }

    @Test
    void withoutResetAfterTheAbsoluteResetTimeIsUsed() {
        submit("POST", "/interactions", "first");
        submit("POST", "/interactions", "second");
        String resetAt = String.format(java.util.Locale.ROOT, "%.3f", (START + 2_000) / 1000.0);
        answer(0, ok("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", resetAt));

        time.advance(1_999);
        assertThat(whatWasSent()).containsExactly("first");
        time.advance(1);
        assertThat(whatWasSent()).containsExactly("first", "second");
    }

    @Test
    void aBucketWithRequestsLeftSendsTheNextAtOnce() {
        submit("POST", "/interactions", "first");
        submit("POST", "/interactions", "second");
        answer(0, ok("X-RateLimit-Bucket", "i", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4",
                "X-RateLimit-Reset-After", "1"));
        assertThat(whatWasSent()).containsExactly("first", "second");
        assertThat(sent.get(1).at()).isEqualTo(START);
    }

    @Test
    void aBucketCountedDownLocallyWaitsForItsResetWithoutBeingTold() {
        autoAnswer = s -> CompletableFuture.completedFuture(ok("X-RateLimit-Bucket", "i", "X-RateLimit-Limit", "2",
                "X-RateLimit-Remaining", "1", "X-RateLimit-Reset-After", "1"));
        submit("POST", "/interactions", "learn");
        autoAnswer = null;
        submit("POST", "/interactions", "uses-the-last");
        submit("POST", "/interactions", "must-wait");
        answer(1, ok("X-RateLimit-Bucket", "i", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1"));
        assertThat(whatWasSent()).containsExactly("learn", "uses-the-last");
        time.advance(1_000);
        assertThat(whatWasSent()).containsExactly("learn", "uses-the-last", "must-wait");
    }

    // ---- 429 --------------------------------------------------------------------------

    @Test
    void aRoute429BlocksItsBucketForRetryAfterAndResendsTheSameRequestFirst() {
        CompletableFuture<RestResponse> a = submit("POST", "/channels/1/messages", "a");
        submit("POST", "/channels/1/messages", "b");
        answer(0, rateLimited("{\"message\":\"You are being rate limited.\",\"retry_after\":1.2,\"global\":false}",
                "X-RateLimit-Bucket", "m", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset-After", "1.2", "X-RateLimit-Scope", "user", "Retry-After", "2"));

        submit("POST", "/channels/2/messages", "other-channel");
        assertThat(whatWasSent()).as("another channel is another bucket").containsExactly("a", "other-channel");
        time.advance(1_199);
        assertThat(whatWasSent()).hasSize(2);
        time.advance(1);
        assertThat(whatWasSent()).as("the limited request keeps its place").containsExactly("a", "other-channel", "a");
        answer(2, ok());
        assertThat(a).isCompleted();
        assertThat(whatWasSent()).endsWith("b");
    }

    @Test
    void aGlobal429InTheBodyBlocksEveryBucket() {
        submit("POST", "/channels/1/messages", "a");
        answer(0, rateLimited("{\"retry_after\":0.8,\"global\":true}"));
        submit("POST", "/channels/2/messages", "other-channel");
        submit("GET", "/users/@me", "me");
        assertThat(whatWasSent()).containsExactly("a");

        time.advance(800);
        assertThat(whatWasSent()).containsExactlyInAnyOrder("a", "a", "other-channel", "me");
    }

    @Test
    void theGlobalHeaderAndTheGlobalScopeMeanGlobalToo() {
        submit("POST", "/channels/1/messages", "a");
        answer(0, rateLimited("{\"retry_after\":0.5}", "X-RateLimit-Global", "true"));
        submit("POST", "/channels/2/messages", "b");
        assertThat(whatWasSent()).containsExactly("a");
        time.advance(500);
        answer(1, ok());
        answer(2, rateLimited("{\"retry_after\":0.4}", "X-RateLimit-Scope", "global"));
        submit("POST", "/channels/3/messages", "c");
        assertThat(whatWasSent()).containsExactlyInAnyOrder("a", "a", "b");
        time.advance(400);
        assertThat(whatWasSent()).containsExactlyInAnyOrder("a", "a", "b", "b", "c");
    }

    @Test
    void aShared429BlocksOnlyItsOwnBucket() {
        submit("POST", "/channels/1/messages", "a");
        answer(0, rateLimited("{\"retry_after\":3,\"global\":false}", "X-RateLimit-Scope", "shared",
                "X-RateLimit-Bucket", "m", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "3"));
        submit("POST", "/channels/2/messages", "b");
        assertThat(whatWasSent()).containsExactly("a", "b");
        time.advance(2_999);
        assertThat(whatWasSent()).containsExactly("a", "b");
        time.advance(1);
        assertThat(whatWasSent()).containsExactly("a", "b", "a");
    }

    @Test
    void a429WithoutABodyWaitsForTheRetryAfterHeader() {
        submit("POST", "/interactions", "a");
        answer(0, rateLimited("", "Retry-After", "2"));
        time.advance(1_999);
        assertThat(whatWasSent()).containsExactly("a");
        time.advance(1);
        assertThat(whatWasSent()).containsExactly("a", "a");
    }

    @Test
    void a429IsWaitedOutEightTimesThenTheRequestFails() {
        autoAnswer = s -> CompletableFuture.completedFuture(rateLimited("{\"retry_after\":0.2,\"global\":false}"));
        CompletableFuture<RestResponse> result = submit("POST", "/interactions", "a");
        time.advance(60_000);
        assertThat(sent).hasSize(9);
        assertThat(result).isCompletedExceptionally();
        assertThat(failureOf(result)).isInstanceOf(DiscordApiException.class)
                .hasMessage("Discord kept rate limiting POST /api/v9/interactions");
        assertThat(((DiscordApiException) failureOf(result)).status()).isEqualTo(429);
    }

    @Test
    void aStormOf429sThatSayRetryAtOnceNeverMakesTheClientSpin() {
        autoAnswer = s -> CompletableFuture.completedFuture(rateLimited("{\"retry_after\":0,\"global\":false}",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "0"));
        List<CompletableFuture<RestResponse>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(submit("POST", "/interactions", "r" + i));
        }
        time.advance(600_000);

        assertThat(results).allSatisfy(r -> assertThat(r).isCompletedExceptionally());
        assertThat(sent).as("bounded tries: 9 per request").hasSize(27);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).at() - sent.get(i - 1).at()).as("send %d waited at least the floor", i)
                    .isGreaterThanOrEqualTo(100);
        }
        assertThat(time.scheduled()).as("nothing left ticking").isZero();
    }

    @Test
    void aGlobalStormOf429sIsAlsoBounded() {
        autoAnswer = s -> CompletableFuture.completedFuture(rateLimited("{\"retry_after\":0.001,\"global\":true}"));
        CompletableFuture<RestResponse> a = submit("POST", "/channels/1/messages", "a");
        CompletableFuture<RestResponse> b = submit("POST", "/channels/2/messages", "b");
        time.advance(600_000);
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThat(sent).hasSize(18);
        Map<Long, Long> sendsPerInstant = new LinkedHashMap<>();
        sent.forEach(s -> sendsPerInstant.merge(s.at(), 1L, Long::sum));
        assertThat(sendsPerInstant.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    }

    // ---- 5xx, network errors, 4xx ------------------------------------------------------

    @Test
    void serverErrorsAreRetriedFourTimesWithTheSameRequestAndDoublingBackoff() {
        autoAnswer = s -> CompletableFuture.completedFuture(response(500, ""));
        CompletableFuture<RestResponse> result = submit("POST", "/interactions", "same-nonce");
        time.advance(60_000);

        assertThat(whatWasSent()).containsOnly("same-nonce").hasSize(5);
        long[] floors = {250, 500, 1_000, 2_000};
        long[] ceilings = {500, 1_000, 2_000, 4_000};
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).at() - sent.get(i - 1).at()).isBetween(floors[i - 1], ceilings[i - 1]);
        }
        assertThat(failureOf(result)).hasMessage("Discord did not answer POST /api/v9/interactions after 5 tries (HTTP 500)");
    }

    @Test
    void aNetworkErrorIsRetriedAndThenSucceeds() {
        CompletableFuture<RestResponse> result = submit("POST", "/interactions", "a");
        sent.get(0).answer().completeExceptionally(new IOException("connection reset"));
        time.advance(500);
        assertThat(whatWasSent()).containsExactly("a", "a");
        answer(1, ok());
        assertThat(result).isCompleted();
    }

    @Test
    void aClientErrorIsNotRetriedAndIsTheCallersToRead() {
        CompletableFuture<RestResponse> result = submit("POST", "/interactions", "a");
        answer(0, response(400, "{\"message\":\"Invalid Form Body\",\"code\":50035}"));
        time.advance(60_000);
        assertThat(sent).hasSize(1);
        assertThat(result.join().status()).isEqualTo(400);
    }

    // ---- the global per-second limit and unqueued sends -------------------------------------

    @Test
    void atMostFiftyRequestsLeaveInOneSecond() {
        autoAnswer = s -> CompletableFuture.completedFuture(ok());
        for (int channel = 0; channel < 60; channel++) {
            submit("POST", "/channels/" + (1000 + channel) + "/messages", "c" + channel);
        }
        assertThat(sent).hasSize(50);
        time.advance(999);
        assertThat(sent).hasSize(50);
        time.advance(1);
        assertThat(sent).hasSize(60);
    }

    @Test
    void unqueuedSendsLeaveAtOnceAndAreStillRetried() {
        sender.submitUnqueued(request("PUT", URI.create("https://storage.example/upload/1"), "u1"));
        sender.submitUnqueued(request("PUT", URI.create("https://storage.example/upload/2"), "u2"));
        assertThat(whatWasSent()).containsExactly("u1", "u2");
        answer(0, response(503, ""));
        time.advance(500);
        assertThat(whatWasSent()).containsExactly("u1", "u2", "u1");
    }

    // ---- helpers ----------------------------------------------------------------------

    private CompletableFuture<RestResponse> submit(String method, String path, String what) {
        return sender.submit(request(method, URI.create("https://discord.com/api/v9" + path), what));
    }

    private RateLimitedSender.Request request(String method, URI uri, String what) {
        return new RateLimitedSender.Request(RestRoute.of(method, uri), method + " " + uri.getPath(), () -> {
            Sent s = new Sent(what, time.millis(), new CompletableFuture<>());
            sent.add(s);
            return autoAnswer == null ? s.answer() : autoAnswer.apply(s);
        });
    }

    private List<String> whatWasSent() {
        return sent.stream().map(Sent::what).toList();
    }

    private void answer(int index, RestResponse response) {
        sent.get(index).answer().complete(response);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.join();
            throw new AssertionError("did not fail");
        } catch (RuntimeException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static RestResponse ok(String... headers) {
        return response(200, "{}", headers);
    }

    private static RestResponse rateLimited(String body, String... headers) {
        return response(429, body, headers);
    }

    private static RestResponse response(int status, String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new RestResponse(status, HttpHeaders.of(map, (a, b) -> true), body);
    }

}
