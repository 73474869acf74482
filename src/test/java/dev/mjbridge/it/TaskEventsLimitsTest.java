package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.testing.Waits;

/**
 * The bounds of the live task streams through the real HTTP API: beyond {@code mj.events.max-subscribers}
 * open streams a new one is refused with 503, {@code Retry-After} and the envelope, until one closes;
 * an open stream hears {@code : ping} every {@code mj.events.heartbeat}.
 */
@TestPropertySource(properties = {"mj.events.max-subscribers=2", "mj.events.heartbeat=200ms"})
class TaskEventsLimitsTest extends ProxyIntegrationTest {

    @Test
    void beyondMaxSubscribersANewStreamIsRefusedUntilOneCloses() {
        List<EventStreamClient> open = new ArrayList<>();
        try {
            // Streams of an earlier test may still count until the server's next write to them.
            open.add(openWhenRoom("/mj/task/events"));
            open.add(openWhenRoom("/mj/task/events"));

            try (EventStreamClient refused = EventStreamClient.open(port, "/mj/task/events")) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(MjApi.json().readTree(refused.errorBody()).path("code").asInt()).isEqualTo(23);
                assertThat(MjApi.json().readTree(refused.errorBody()).path("description").asString())
                        .contains("mj.events.max-subscribers");
            }

            open.remove(0).close();
            // The server notices the hang-up at its next write (a heartbeat at the latest).
            open.add(openWhenRoom("/mj/task/events"));
        } finally {
            open.forEach(EventStreamClient::close);
        }
    }

    @Test
    void anOpenStreamHearsAHeartbeat() {
        try (EventStreamClient stream = openWhenRoom("/mj/task/events?status=FAILURE")) {
            EventStreamClient.Item item;
            do {
                item = stream.next(Duration.ofSeconds(5), "a heartbeat");
            } while (item instanceof EventStreamClient.Received);
            assertThat(item).isEqualTo(new EventStreamClient.Comment("ping"));
        }
    }

    /** Opens a stream, trying again while the server still counts streams that were closed. */
    private EventStreamClient openWhenRoom(String path) {
        return Waits.await("a stream on " + path + " to be accepted", MjApi.WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    EventStreamClient attempt = EventStreamClient.open(port, path);
                    if (attempt.status() != 200) {
                        attempt.close();
                    }
                    return attempt;
                }, attempt -> attempt.status() == 200);
    }
}
