package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.TimeUnit;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.mjbridge.account.AccountPool;

/** mj.rate-limit.per-minute: a token bucket per client IP on /mj/**, answering 429 with Retry-After. */
class RateLimitTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aBucketLetsABurstThroughThenOneTokenPerShare() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(TimeUnit.SECONDS.toNanos(20));
        assertThat(bucket.take(TimeUnit.SECONDS.toNanos(15))).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(bucket.take(TimeUnit.SECONDS.toNanos(20))).isZero();
        // A long pause refills it to its size, never beyond.
        long later = TimeUnit.HOURS.toNanos(1);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(later)).isZero();
        }
        assertThat(bucket.take(later)).isPositive();
    }

    @Test
    void overTheLimitAClientGets429WithRetryAfterAndAnEnvelope() throws Exception {
        MockMvc mvc = mvc(2);

        mvc.perform(from("10.0.0.1", "/mj/account/list")).andExpect(status().isOk());
        mvc.perform(from("10.0.0.1", "/mj-fast/mj/account/list")).andExpect(status().isOk());
        mvc.perform(from("10.0.0.1", "/mj/account/list"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(Matchers.startsWith("Too many requests: at most 2 per minute")))
                .andExpect(jsonPath("$.properties").isMap());
        // Another client has its own bucket.
        mvc.perform(from("10.0.0.2", "/mj/account/list")).andExpect(status().isOk());
    }

    @Test
    void preflightsAndOtherPathsAreNotCounted() throws Exception {
        MockMvc mvc = mvc(1);

        mvc.perform(options("/mj/account/list").with(r -> remote(r, "10.0.0.3")));
        mvc.perform(from("10.0.0.3", "/health"));
        mvc.perform(from("10.0.0.3", "/mj/account/list")).andExpect(status().isOk());
        mvc.perform(from("10.0.0.3", "/mj/account/list")).andExpect(status().isTooManyRequests());
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        MockMvc mvc = mvc(0);

        for (int i = 0; i < 50; i++) {
            mvc.perform(from("10.0.0.4", "/mj/account/list")).andExpect(status().isOk());
        }
    }

    @Test
    void aNegativeLimitIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimitProperties(-1))
                .hasMessageContaining("mj.rate-limit.per-minute");
    }

    private static MockMvc mvc(int perMinute) {
        return MockMvcBuilders.standaloneSetup(ApiFixture.accountsAlone(mock(AccountPool.class)))
                .addFilters(new RateLimitFilter(new RateLimitProperties(perMinute)))
                .build();
    }

    private static MockHttpServletRequestBuilder from(String ip, String path) {
        return get(path).with(r -> remote(r, ip));
    }

    private static org.springframework.mock.web.MockHttpServletRequest remote(
            org.springframework.mock.web.MockHttpServletRequest request, String ip) {
        request.setRemoteAddr(ip);
        return request;
    }
}
