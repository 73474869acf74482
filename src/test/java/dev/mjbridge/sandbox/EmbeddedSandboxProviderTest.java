package dev.mjbridge.sandbox;

import dev.mjbridge.discord.SimulatedDiscordProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the proxy's sandbox mode gets: the link lifetime it passes in, and where Midjourney's CDN is. */
class EmbeddedSandboxProviderTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void passesTheLinkLifetimeAndNamesTheMidjourneyCdn() throws Exception {
        try (SimulatedDiscordProvider.Running sandbox = new EmbeddedSandboxProvider().start(0, Duration.ofMillis(60),
                null, Duration.ofMinutes(10), List.of())) {
            assertThat(lifetimeSeconds(sandbox)).isEqualTo(600);
            assertThat(sandbox.midjourneyCdnUrl()).isEqualTo(sandbox.restBaseUrl() + "/mj-cdn");
        }
        try (SimulatedDiscordProvider.Running sandbox = new EmbeddedSandboxProvider().start(0, Duration.ofMillis(60),
                null, null, List.of())) {
            assertThat(lifetimeSeconds(sandbox)).isEqualTo(24 * 3600);
        }
    }

    private long lifetimeSeconds(SimulatedDiscordProvider.Running sandbox) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(sandbox.restBaseUrl() + "/sandbox/cdn/link-lifetime")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).path("seconds").asLong();
    }
}
