package dev.mjbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import dev.mjbridge.testing.Waits;

/**
 * A client that opens the all-tasks stream and never reads, through real sockets, while other clients
 * follow a storm of tasks: the tasks all finish, the other streams get every final state, and the stuck
 * stream is given up once a write to it hangs for {@code mj.events.write-timeout}; its connection is
 * closed when the server's write timeout ({@code server.tomcat.connection-timeout}) fails that write.
 * <p>
 * The server's send buffer is made small (a customised connector) and so is the stuck client's receive
 * buffer, so a few events fill them; with the usual buffers of a loopback connection it would take
 * megabytes. One writer thread: the others are served only because a stand-in takes the hung one's place.
 * With buffers this small a reading client must keep up too, so the write timeout leaves a busy machine
 * room for that.
 */
@TestPropertySource(properties = {
        "mj.events.writer-threads=1",
        "mj.events.write-timeout=4s",
        "mj.events.max-subscribers=3",
        "mj.events.heartbeat=200ms",
        "server.tomcat.connection-timeout=" + TaskEventsStuckClientTest.SERVER_WRITE_TIMEOUT_S + "s"})
class TaskEventsStuckClientTest extends ProxyIntegrationTest {

    /** Longer than the storm takes, so the other streams are seen to get everything before it ends the stuck one. */
    static final int SERVER_WRITE_TIMEOUT_S = 30;
    private static final int TASKS = 10;
    /** The server's write timeout, with room for a busy machine. */
    private static final Duration DROPPED_WITHIN = Duration.ofSeconds(SERVER_WRITE_TIMEOUT_S + 20);

    @TestConfiguration
    static class SmallSendBuffers {

        @Bean
        TomcatConnectorCustomizer smallSendBuffer() {
            return connector -> connector.setProperty("socket.txBufSize", "4096");
        }
    }

    @Test
    void aClientThatReadsNothingIsDroppedWhileTheTasksAndTheOtherStreamsGoOn() throws Exception {
        try (Socket stuck = openWithoutReading("/mj/task/events");
             EventStreamClient dashboard = EventStreamClient.open(port, "/mj/task/events")) {
            assertThat(dashboard.status()).isEqualTo(200);

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                ids.add(api.submit("/mj/submit/imagine", "{\"prompt\": \"a lighthouse in fog, take " + i + "\"}"));
            }
            try (EventStreamClient follower = EventStreamClient.open(port, "/mj/task/events?ids=" + String.join(",", ids))) {
                assertThat(follower.status()).isEqualTo(200);

                for (String id : ids) {
                    assertThat(api.awaitFinal(id).path("status").asString()).isEqualTo("SUCCESS");
                }
                assertThat(finalStates(follower.eventsUntilEnd(MjApi.WAIT))).as("the follower's final states")
                        .containsExactlyInAnyOrderElementsOf(ids);
                Set<String> seenFinal = new HashSet<>();
                dashboard.eventsUntil(e -> {
                    seenFinal.addAll(finalStates(List.of(e)));
                    return seenFinal.containsAll(ids);
                }, MjApi.WAIT);
            }
            // The follower's stream ended. Two streams open now, the dashboard and the stuck one, so of two
            // more only one fits: the others got everything while the stuck client's write still hung.
            try (EventStreamClient first = EventStreamClient.open(port, "/mj/task/events?status=FAILURE");
                 EventStreamClient second = EventStreamClient.open(port, "/mj/task/events?status=FAILURE")) {
                assertThat(List.of(first.status(), second.status())).as("the stuck stream still holds its place")
                        .containsExactlyInAnyOrder(200, 503);
            }
            dashboard.close();

            // Gone once all three streams the service allows open at once.
            List<EventStreamClient> probes = new ArrayList<>();
            try {
                Waits.await("the stuck stream to be closed", DROPPED_WITHIN).pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            probes.forEach(EventStreamClient::close);
                            probes.clear();
                            for (int i = 0; i < 3; i++) {
                                probes.add(EventStreamClient.open(port, "/mj/task/events?status=FAILURE"));
                            }
                            return probes.stream().allMatch(p -> p.status() == 200);
                        });
            } finally {
                probes.forEach(EventStreamClient::close);
            }

            String received = drainToEnd(stuck);
            assertThat(received).as("what the stuck client had been sent").startsWith("HTTP/1.1 200").contains("event:task");
            assertThat(received).as("no dropped notice: nothing more could be written to it").doesNotContain("event:dropped");
        }
    }

    /** A raw connection that asks for the stream and then takes nothing; its receive buffer is small. */
    private Socket openWithoutReading(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Everything the server had sent, up to the end it put to the connection (else the read times out). */
    private static String drainToEnd(Socket socket) throws IOException {
        socket.setSoTimeout((int) MjApi.WAIT.toMillis());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                all.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the stuck client's connection is still open", stillOpen);
        } catch (SocketException reset) {
            // Closed with a reset: just as closed.
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private static List<String> finalStates(List<EventStreamClient.Event> events) {
        List<String> ids = new ArrayList<>();
        for (EventStreamClient.Event event : events) {
            var task = MjApi.json().readTree(event.data());
            if (task.path("status").asString().equals("SUCCESS")) {
                ids.add(task.path("id").asString());
            }
        }
        return ids;
    }
}
