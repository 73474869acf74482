package dev.mjbridge.discord;

import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import dev.mjbridge.sandbox.rest.RestFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST client against the sandbox's per-token buckets, end to end: it reads
 * {@code X-RateLimit-Remaining}/{@code Reset-After} and waits before the bucket is empty,
 * so it never earns a 429, and it waits out 429s the sandbox injects.
 */
class RateLimitsAgainstSandboxTest {

    private final SandboxServer sandbox = SharedSandbox.get();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    private int limitBefore;

    @BeforeEach
    void remember() {
        limitBefore = sandbox.control().restRateLimit();
    }

    @AfterEach
    void restore() {
        sandbox.control().setRestRateLimit(limitBefore);
        sandbox.control().clearRestFaults();
        scheduler.shutdownNow();
    }

    @Test
    void aBucketAnnouncedEmptyIsWaitedOutSoNo429IsEarned() {
        sandbox.control().setRestRateLimit(2);
        // Not one 429 may be waited out: a request that earned one fails.
        DiscordRestClient client = client(SharedSandbox.freshToken("buckets"), policyWithRateLimitWaits(0));

        long started = System.nanoTime();
        List<CompletableFuture<JsonNode>> calls = IntStream.range(0, 5).mapToObj(i -> client.me()).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(calls).allSatisfy(call -> assertThat(call.join().path("id").asString()).isNotBlank());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("five calls at two per second span two resets")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void withoutWaitingTheSameCallsWouldHaveEarnedA429() {
        sandbox.control().setRestRateLimit(2);
        sandbox.control().failNextRestCalls(1, new RestFaults.Fault(429, 0.3, false));
        DiscordRestClient client = client(SharedSandbox.freshToken("buckets-429"), policyWithRateLimitWaits(0));

        assertThatThrownBy(() -> client.me().join()).hasCauseInstanceOf(DiscordApiException.class)
                .hasMessageContaining("Discord kept rate limiting GET /api/v9/users/@me");
    }

    @Test
    void anInjected429IsWaitedOutAndTheCallSucceeds() {
        sandbox.control().failNextRestCalls(2, new RestFaults.Fault(429, 0.3, false));
        DiscordRestClient client = client(SharedSandbox.freshToken("buckets-wait"), RestRetryPolicy.standard());

        long started = System.nanoTime();
        assertThat(client.me().join().path("id").asString()).isNotBlank();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    private DiscordRestClient client(String token, RestRetryPolicy policy) {
        DiscordEndpoints endpoints = new DiscordEndpoints(sandbox.restBaseUrl(), sandbox.gatewayUrl(), "", "", null);
        return new DiscordRestClient("acc", new DiscordCredentials(token, null), endpoints, JsonMapper.builder().build(),
                http, scheduler, policy);
    }

    private static RestRetryPolicy policyWithRateLimitWaits(int waits) {
        RestRetryPolicy standard = RestRetryPolicy.standard();
        return new RestRetryPolicy(waits, standard.maxServerErrorRetries(), standard.backoff(), standard.requestTimeout(),
                standard.rateLimitFloor(), standard.globalRequestsPerSecond());
    }
}
