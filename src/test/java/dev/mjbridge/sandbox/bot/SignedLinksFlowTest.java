package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.SignedLinks;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attachment links of a finished job behave like Discord's signed CDN links, over real
 * HTTP: they work while fresh, not without their query, with a forged signature or once
 * expired; reading the message again through REST hands out links that work.
 */
class SignedLinksFlowTest {

    private static final Pattern QUERY = Pattern.compile("\\?ex=([0-9a-f]+)&is=([0-9a-f]+)&hm=([0-9a-f]{64})&$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        user = SandboxUserSession.open("signed-links");
    }

    @AfterEach
    void close() {
        user.control().reset();
        user.close();
    }

    @Test
    void freshLinksWorkAndStrippedForgedOrExpiredOnesAreGone() throws Exception {
        JsonNode attachment = user.imagineGrid("a lighthouse in fog").result().path("attachments").get(0);
        String url = attachment.path("url").asString();
        String proxyUrl = attachment.path("proxy_url").asString();
        Matcher query = QUERY.matcher(url);
        assertThat(query.find()).as(url).isTrue();
        assertThat(Long.parseLong(query.group(1), 16) - Long.parseLong(query.group(2), 16)).isEqualTo(24 * 3600);

        assertThat(get(url).statusCode()).isEqualTo(200);
        assertThat(get(proxyUrl).statusCode()).isEqualTo(200);
        assertGone(url.substring(0, url.indexOf('?')));
        assertGone(url.replace("&hm=" + query.group(3), "&hm=" + flipFirst(query.group(3))));
        assertGone(url.replace("?ex=" + query.group(1), "?ex=" + Long.toHexString(Long.parseLong(query.group(1), 16) + 3600)));

        HttpResponse<String> expired = post("/sandbox/cdn/expire-links");
        assertThat(expired.statusCode()).isEqualTo(200);

        assertGone(url);
        assertGone(proxyUrl);
    }

    @Test
    void rereadingTheMessageGivesFreshLinksThatWork() throws Exception {
        SandboxUserSession.JobTrace grid = user.imagineGrid("a red kite over dunes");
        String messageId = grid.result().path("id").asString();
        String channelId = grid.result().path("channel_id").asString();
        String old = grid.result().path("attachments").get(0).path("url").asString();
        post("/sandbox/cdn/expire-links");
        assertGone(old);

        SandboxUserSession.Response single = user.get("/channels/" + channelId + "/messages/" + messageId);
        SandboxUserSession.Response history = user.get("/channels/" + channelId + "/messages?limit=10");

        assertThat(single.status()).isEqualTo(200);
        JsonNode fresh = single.body().path("attachments").get(0);
        assertThat(fresh.path("url").asString()).isNotEqualTo(old)
                .startsWith(old.substring(0, old.indexOf('?')));
        assertThat(get(fresh.path("url").asString()).statusCode()).isEqualTo(200);
        assertThat(get(fresh.path("proxy_url").asString()).statusCode()).isEqualTo(200);
        JsonNode listed = null;
        for (JsonNode message : history.body()) {
            if (messageId.equals(message.path("id").asString())) {
                listed = message;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(get(listed.path("attachments").get(0).path("url").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void anEditedMessageIsDispatchedWithFreshLinks() throws Exception {
        JsonNode result = user.imagineGrid("a paper crane").result();
        String old = result.path("attachments").get(0).path("url").asString();
        post("/sandbox/cdn/expire-links");
        // Edited through the publisher, as the bot edits its messages (e.g. a paused progress message).
        user.control().world().channel(result.path("channel_id").asString()).ifPresent(channel ->
                user.control().publisher().update(channel, result.path("id").asString(), m -> m.put("content", "edited")));

        JsonNode update = user.await("MESSAGE_UPDATE", d -> result.path("id").asString().equals(d.path("id").asString()));

        String fresh = update.path("attachments").get(0).path("url").asString();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(get(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void linksLastTheConfiguredLifetimeAndNoLonger() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        user.control().cdnLinks().setClock(InstantSource.fixed(now.get()));
        HttpResponse<String> set = HTTP.send(HttpRequest.newBuilder(URI.create(user.sandboxBaseUrl() + "/sandbox/cdn/link-lifetime"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"seconds\": 600}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        String url = user.imagineGrid("a slow river").result().path("attachments").get(0).path("url").asString();
        Matcher query = QUERY.matcher(url);
        assertThat(query.find()).isTrue();
        assertThat(Long.parseLong(query.group(1), 16) - Long.parseLong(query.group(2), 16)).isEqualTo(600);

        user.control().cdnLinks().setClock(InstantSource.fixed(now.get().plusSeconds(599)));
        assertThat(get(url).statusCode()).isEqualTo(200);
        user.control().cdnLinks().setClock(InstantSource.fixed(now.get().plusSeconds(600)));
        assertGone(url);
    }

    private void assertGone(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(404);
        assertThat(response.body()).isEqualTo(SignedLinks.GONE).isEqualTo("This content is no longer available.");
    }

    private static String flipFirst(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(user.sandboxBaseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
