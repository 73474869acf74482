package dev.mjbridge.discord;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The one backoff of gateway reconnects, REST retries and webhook redeliveries. */
class BackoffTest {

    @Test
    void doublesWithJitterFromHalfToAllOfTheStepAndStopsAtTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.delay(0).toMillis()).isBetween(500L, 1_000L);
            assertThat(backoff.delay(2).toMillis()).isBetween(2_000L, 4_000L);
            assertThat(backoff.delay(9).toMillis()).isBetween(30_000L, 60_000L);
            assertThat(backoff.delay(500).toMillis()).as("no overflow").isBetween(30_000L, 60_000L);
        }
    }

    @Test
    void theRestRetriesStartAtHalfASecond() {
        Backoff rest = RestRetryPolicy.standard().backoff();
        for (int i = 0; i < 100; i++) {
            assertThat(rest.delay(0).toMillis()).isBetween(250L, 500L);
            assertThat(rest.delay(3).toMillis()).isBetween(2_000L, 4_000L);
        }
    }

    @Test
    void aMaximumBelowTheBaseCapsEveryWait() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(4));
        assertThat(backoff.delay(0).toMillis()).isBetween(2_000L, 4_000L);
    }

    @Test
    void aHugeBaseDoesNotOverflow() {
        Backoff backoff = new Backoff(Duration.ofMillis(Long.MAX_VALUE / 4), Duration.ofMillis(Long.MAX_VALUE / 2));
        assertThat(backoff.delay(40).toMillis()).isPositive();
    }
}
