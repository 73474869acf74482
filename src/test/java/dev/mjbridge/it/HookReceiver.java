package dev.mjbridge.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for the cluster tests, on a free local port: records every request with the
 * status it answered, and answers as its {@link Mode} says at the time the request arrives.
 */
final class HookReceiver implements AutoCloseable {

    enum Mode {
        /** 200 */
        ACCEPT,
        /** 500: the sender retries. */
        FAIL,
        /** No answer until the receiver closes (then 500): a post still under way. */
        HOLD
    }

    /** One request: its {@code X-Mj-Delivery}, its body, and what it was answered (0 while held). */
    record Hook(String deliveryId, String body, int answered) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Mode mode;

    HookReceiver(Mode mode) throws IOException {
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String deliveryId = exchange.getRequestHeaders().getFirst("X-Mj-Delivery");
                Mode now = this.mode;
                if (now == Mode.HOLD) {
                    Hook held = new Hook(deliveryId, body, 0);
                    hooks.add(held);
                    closing.await();
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                int status = now == Mode.ACCEPT ? 200 : 500;
                hooks.add(new Hook(deliveryId, body, status));
                exchange.sendResponseHeaders(status, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(Mode value) {
        mode = value;
    }

    /** Every request so far, in arrival order. */
    List<Hook> hooks() {
        return List.copyOf(hooks);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
