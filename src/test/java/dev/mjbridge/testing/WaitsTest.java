package dev.mjbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

class WaitsTest {

    private static final Duration POLL = Duration.ofMillis(10);

    @Test
    void aTimeoutFailsNamingWhatWasAwaitedAndTheLastValueSeen() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> Waits.await("the counter at a million", Duration.ofMillis(150)).pollInterval(POLL)
                .until(() -> "reading " + reads.incrementAndGet(), reading -> reading.equals("reading 1000000")))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessageContaining("the counter at a million")
                .hasMessageContaining("\"reading " + reads.get() + "\"");
    }

    @Test
    void theConditionIsCheckedOnTheCallingThread() {
        Thread caller = Thread.currentThread();

        Thread checkedOn = Waits.await("a check", Duration.ofSeconds(5)).pollInterval(POLL)
                .until(Thread::currentThread, thread -> true);

        assertThat(checkedOn).isSameAs(caller);
    }

    @Test
    void anExceptionEscapingAnotherThreadDoesNotFailTheWait() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        // No handler of its own: what escapes goes to the default handler, which Awaitility
        // would otherwise take over to fail the wait. The stack trace it prints is expected.
        Thread worker = new Thread(() -> {
            awaitQuietly(waiting);
            throw new IllegalStateException("a worker dying on purpose in WaitsTest");
        }, "waits-test-dying-worker");
        worker.start();

        Waits.await("the dying worker ended", Duration.ofSeconds(10)).pollInterval(POLL).until(() -> {
            waiting.countDown(); // the worker dies while the wait is on
            return !worker.isAlive();
        });

        worker.join();
        assertThat(worker.isAlive()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
