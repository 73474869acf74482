package dev.mjbridge.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelaysTest {

    private final RetryDelays delays = new RetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void doublesWithJitterAndStopsAtTheMaximum() {
        for (int i = 0; i < 100; i++) {
            assertThat(delays.afterFailure(1).toMillis()).isBetween(500L, 1000L);
            assertThat(delays.afterFailure(3).toMillis()).isBetween(2000L, 4000L);
            assertThat(delays.afterFailure(10).toMillis()).isBetween(30_000L, 60_000L);
            assertThat(delays.afterFailure(500).toMillis()).isBetween(30_000L, 60_000L);
        }
    }
}
