package dev.mjbridge.notify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real webhook receiver on a free local port. Every request is recorded when it arrives;
 * {@link Answer} decides per request (numbered from 1) what status to answer, and may
 * block to play a slow or silent receiver.
 */
final class Receiver implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    @FunctionalInterface
    interface Answer {
        /** The status to answer to the n-th request. */
        int status(int n) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** A request as it arrived: its body and its headers (names in lower case). */
    record Request(String body, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    /** Released when the receiver closes, so blocked answers end. */
    private final CountDownLatch closing = new CountDownLatch(1);

    Receiver(Answer answer) throws IOException {
        this(answer, false);
    }

    /** With {@code endlessBody} every answer streams data until the client hangs up. */
    Receiver(Answer answer, boolean endlessBody) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
           
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (all) {
                    all.add(body);
                }
                bodies.add(body);
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
                requests.add(new Request(body, Map.copyOf(headers)));
                int status = answer.status(count.incrementAndGet());
                if (endlessBody) {
                    exchange.sendResponseHeaders(status, 0);
                    streamUntilHungUp(exchange.getResponseBody());
                } else {
                    exchange.sendResponseHeaders(status, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private void streamUntilHungUp(OutputStream out) {
        byte[] chunk = new byte[8192];
        try {
            while (closing.getCount() > 0) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException hungUp) {
            // what the test wants
        }
    }

    static Receiver answering(int status) throws IOException {
        return new Receiver(n -> status);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Blocks until the receiver closes: a receiver that never answers. */
    void hang() throws InterruptedException {
        closing.await();
    }

    /** The next request body, in arrival order. */
    String next() throws InterruptedException {
        String body = bodies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (body == null) {
            fail("no webhook arrived within " + WAIT);
        }
        return body;
    }

    /** The next request with its headers, in arrival order (a queue apart from {@link #next()}'s). */
    Request nextRequest() throws InterruptedException {
        Request request = requests.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            fail("no webhook arrived within " + WAIT);
        }
        return request;
    }

    /** Every body received so far. */
    List<String> received() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
