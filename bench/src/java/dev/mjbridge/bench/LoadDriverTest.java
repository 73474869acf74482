package dev.mjbridge.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The harness's own measuring tools: the Java driver counts what the server really answered
 * (fixed-length and chunked bodies, wrong status, wrong body, the request budget), and the wrk
 * report is read right. Runs with {@code mvn -Pbench test -Dtest=LoadDriverTest}; the normal build
 * does not compile bench/.
 */
class LoadDriverTest {

    private final AtomicInteger served = new AtomicInteger();
    private HttpServer server;

    private URI serve(int status, String body, boolean chunked) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            served.incrementAndGet();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static LoadSpec spec(String expect, long max) {
        return new LoadSpec("t", "POST", "/mj/task/list-by-condition", "{\"ids\":[\"1\"]}", expect, 2,
                Duration.ofMillis(200), Duration.ofMillis(800), max);
    }

    @Test
    void countsFixedLengthAnswersThatHoldTheExpectedText() throws Exception {
        URI base = serve(200, "{\"status\":\"SUCCESS\"}", false);

        LoadResult r = SocketLoad.run(base, spec("\"SUCCESS\"", 0));

        assertThat(r.requests()).isPositive();
        assertThat(r.failures()).isZero();
        assertThat(r.requests()).isLessThanOrEqualTo(served.get());
        assertThat(r.p50Millis()).isPositive().isLessThanOrEqualTo(r.p99Millis());
    }

    @Test
    void readsChunkedAnswers() throws Exception {
        URI base = serve(200, "x".repeat(100_000) + "END", true);

        LoadResult r = SocketLoad.run(base, spec("END", 0));

        assertThat(r.requests()).isPositive();
        assertThat(r.failures()).isZero();
    }

    @Test
    void aWrongStatusOrBodyIsAFailure() throws Exception {
        URI base = serve(500, "{\"status\":\"SUCCESS\"}", false);
        LoadResult wrongStatus = SocketLoad.run(base, spec("\"SUCCESS\"", 0));
        stop();
        URI other = serve(200, "{\"status\":\"FAILURE\"}", false);
        LoadResult wrongBody = SocketLoad.run(other, spec("\"SUCCESS\"", 0));

        assertThat(wrongStatus.requests()).isZero();
        assertThat(wrongStatus.failures()).isPositive();
        assertThat(wrongBody.requests()).isZero();
        assertThat(wrongBody.failures()).isPositive();
    }

    @Test
    void neverSendsMoreThanTheBudget() throws Exception {
        URI base = serve(200, "{\"discordInstanceId\":\"a\"}", false);

        SocketLoad.run(base, new LoadSpec("t", "POST", "/mj/submit/imagine", "{}", "discordInstanceId", 4,
                Duration.ZERO, Duration.ofSeconds(5), 50));

        assertThat(served.get()).isEqualTo(50);
    }

    @Test
    void readsWrksReport() throws Exception {
        String report = """
                Running 10s test @ http://127.0.0.1:8080/mj/task/1/fetch
                  2 threads and 32 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     1.52ms  812.00us  25.10ms   90.12%
                    Req/Sec    10.61k     1.02k   12.80k    70.50%
                  Latency Distribution
                     50%    1.40ms
                     75%    1.80ms
                     90%    2.30ms
                     99%  950.00us
                  211234 requests in 10.01s, 150.20MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 7
                Requests/sec:  21102.30
                Transfer/sec:     15.00MB
                """;

        LoadResult r = WrkLoad.parse(report);

        assertThat(r.requests()).isEqualTo(211234 - 10);
        assertThat(r.failures()).isEqualTo(10);
        assertThat(r.seconds()).isCloseTo(10.01, within(1e-9));
        assertThat(r.p50Millis()).isCloseTo(1.40, within(1e-9));
        assertThat(r.p99Millis()).isCloseTo(0.95, within(1e-9));
    }
}
