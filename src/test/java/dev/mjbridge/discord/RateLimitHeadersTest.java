package dev.mjbridge.discord;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the headers: what is missing or unreadable is unknown, never guessed. */
class RateLimitHeadersTest {

    private static final long NOW = 1_000_000L;

    @Test
    void readsEveryHeaderDiscordSends() {
        RateLimitHeaders headers = RateLimitHeaders.of(response(200, "", "X-RateLimit-Bucket", " abcd1234 ",
                "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "3", "X-RateLimit-Reset-After", "1.001",
                "X-RateLimit-Reset", "99999.5", "X-RateLimit-Scope", "User"), NOW);
        assertThat(headers).isEqualTo(new RateLimitHeaders("abcd1234", 5, 3, NOW + 1_001, false, "user"));
    }

    @Test
    void resetAfterWinsOverTheAbsoluteResetWhichIsUsedAlone() {
        assertThat(RateLimitHeaders.of(response(200, "", "X-RateLimit-Reset", "1003.25"), NOW).resetAtMillis())
                .isEqualTo(1_003_250L);
        assertThat(RateLimitHeaders.of(response(200, "", "X-RateLimit-Reset", "1003.25",
                "X-RateLimit-Reset-After", "0.5"), NOW).resetAtMillis()).isEqualTo(NOW + 500);
    }

    @Test
    void missingOrUnreadableNumbersAreUnknown() {
        RateLimitHeaders headers = RateLimitHeaders.of(response(200, "", "X-RateLimit-Bucket", "  ",
                "X-RateLimit-Limit", "many", "X-RateLimit-Remaining", "-1", "X-RateLimit-Reset-After", "NaN"), NOW);
        assertThat(headers).isEqualTo(new RateLimitHeaders(null, -1, -1, -1, false, ""));
        assertThat(headers.exhausted()).isFalse();
    }

    @Test
    void globalComesFromTheGlobalHeaderOrTheGlobalScope() {
        assertThat(RateLimitHeaders.of(response(429, "", "X-RateLimit-Global", "true"), NOW).global()).isTrue();
        assertThat(RateLimitHeaders.of(response(429, "", "X-RateLimit-Scope", "global"), NOW).global()).isTrue();
        assertThat(RateLimitHeaders.of(response(429, "", "X-RateLimit-Scope", "shared"), NOW).global()).isFalse();
    }

    @Test
    void a429BodyWinsOverTheRetryAfterHeaderAndAnUnreadableOneFallsBackToASecond() {
        JsonMapper json = JsonMapper.builder().build();
        RestResponse withBody = response(429, "{\"retry_after\":0.25,\"global\":true}", "Retry-After", "1");
        RateLimitedAnswer fromBody = RateLimitedAnswer.of(withBody, RateLimitHeaders.of(withBody, NOW), json);
        assertThat(fromBody.retryAfterMillis()).isEqualTo(250);
        assertThat(fromBody.global()).isTrue();

        RestResponse html = response(429, "<html>slow down</html>");
        RateLimitedAnswer unknown = RateLimitedAnswer.of(html, RateLimitHeaders.of(html, NOW), json);
        assertThat(unknown.retryAfterMillis()).isEqualTo(1_000);
        assertThat(unknown.global()).isFalse();
    }

    private static RestResponse response(int status, String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new RestResponse(status, HttpHeaders.of(map, (a, b) -> true), body);
    }
}
