package dev.mjbridge.images;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncPermitsTest {

    @Test
    void waitersGetFreedPermitsInOrder() {
        AsyncPermits permits = new AsyncPermits(2);

        CompletableFuture<Void> first = permits.acquire();
        CompletableFuture<Void> second = permits.acquire();
        CompletableFuture<Void> third = permits.acquire();
        CompletableFuture<Void> fourth = permits.acquire();

        assertThat(first).isDone();
        assertThat(second).isDone();
        assertThat(third).isNotDone();
        assertThat(fourth).isNotDone();
        assertThat(permits.queued()).isEqualTo(2);

        permits.release();
        assertThat(third).isDone();
        assertThat(fourth).isNotDone();
        permits.release();
        assertThat(fourth).isDone();
        permits.release();
        permits.release();
        assertThat(permits.available()).isEqualTo(2);
        assertThat(permits.queued()).isZero();
    }
}
