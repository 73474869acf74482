package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.GatewayTestClient;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Dispatch faults as a gateway client observes them. */
class DispatchFaultTest {

    private final SandboxServer sandbox = SharedSandbox.get();

    @BeforeEach
    @AfterEach
    void reset() {
        sandbox.control().reset();
    }

    @Test
    void duplicatedDispatchArrivesTwice() {
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), true)) {
            String userId = userOf(client, "duplicate");
            sandbox.control().duplicateNextDispatches(1);
            sandbox.control().dispatchRaw(userId, "MESSAGE_CREATE", "{\"id\":\"1\",\"content\":\"once\"}");
            sandbox.control().dispatchRaw(userId, "MESSAGE_CREATE", "{\"id\":\"2\",\"content\":\"after\"}");

            List<String> contents = List.of(content(next(client)), content(next(client)), content(next(client)));
            assertThat(contents).containsExactly("once", "once", "after");
        }
    }

    @Test
    void reorderedDispatchSwapsWithTheNextOne() {
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            String userId = userOf(client, "reorder");
            sandbox.control().reorderNextDispatches(1);
            sandbox.control().dispatchRaw(userId, "MESSAGE_CREATE", "{\"id\":\"1\",\"content\":\"first\"}");
            sandbox.control().dispatchRaw(userId, "MESSAGE_UPDATE", "{\"id\":\"1\",\"content\":\"second\"}");

            JsonNode arrivedFirst = next(client);
            JsonNode arrivedSecond = next(client);
            assertThat(content(arrivedFirst)).isEqualTo("second");
            assertThat(content(arrivedSecond)).isEqualTo("first");
            // Sequence numbers follow the order on the wire, as they would on Discord.
            assertThat(arrivedSecond.path("s").asInt()).isEqualTo(arrivedFirst.path("s").asInt() + 1);
        }
    }

    @Test
    void delayedDispatchArrivesNoSoonerThanTheDelay() {
        try (GatewayTestClient client = GatewayTestClient.connect(sandbox.gatewayUrl(), false)) {
            String userId = userOf(client, "delay");
            sandbox.control().delayDispatches(Duration.ofMillis(300));
            long sent = System.nanoTime();
            sandbox.control().dispatchRaw(userId, "MESSAGE_CREATE", "{\"id\":\"1\",\"content\":\"late\"}");
            assertThat(content(next(client))).isEqualTo("late");
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    private static String userOf(GatewayTestClient client, String purpose) {
        return client.readyAs(SharedSandbox.freshToken(purpose)).path("d").path("user").path("id").asString();
    }

    private static JsonNode next(GatewayTestClient client) {
        return client.await(p -> p.path("t").asString("").startsWith("MESSAGE_"));
    }

    private static String content(JsonNode dispatch) {
        return dispatch.path("d").path("content").asString();
    }
}
