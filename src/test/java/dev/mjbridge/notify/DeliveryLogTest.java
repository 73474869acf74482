package dev.mjbridge.notify;

import dev.mjbridge.task.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery log's two bounds. */
class DeliveryLogTest {

    private static DeliveryAttempt attempt(String deliveryId) {
        return new DeliveryAttempt(deliveryId, TaskStatus.IN_PROGRESS, "10%", "https://hooks.example/mj", 1L, 200,
                null, 3, DeliveryOutcome.SENT);
    }

    @Test
    void keepsTheLastAttemptsOfATask() {
        DeliveryLog log = new DeliveryLog(3, 10);
        for (int i = 1; i <= 5; i++) {
            log.record("t", attempt("d" + i));
        }

        assertThat(log.attempts("t")).extracting(DeliveryAttempt::deliveryId).containsExactly("d3", "d4", "d5");
    }

    @Test
    void forgetsTheTaskWrittenLongestAgo() {
        DeliveryLog log = new DeliveryLog(3, 2);
        log.record("a", attempt("a1"));
        log.record("b", attempt("b1"));
        log.attempts("a"); // reading does not keep a task
        log.record("b", attempt("b2"));
        log.record("c", attempt("c1"));

        assertThat(log.attempts("a")).isEmpty();
        assertThat(log.attempts("b")).extracting(DeliveryAttempt::deliveryId).containsExactly("b1", "b2");
        assertThat(log.attempts("c")).hasSize(1);
        log.record("b", attempt("b3"));
        log.record("d", attempt("d1"));
        assertThat(log.attempts("c")).as("b was written after c").isEmpty();
        assertThat(log.attempts("b")).hasSize(3);
    }
}
