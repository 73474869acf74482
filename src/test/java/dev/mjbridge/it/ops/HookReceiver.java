package dev.mjbridge.it.ops;

import com.sun.net.httpserver.HttpServer;
import dev.mjbridge.it.MjApi;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver on a free loopback port (the JDK's HttpServer). It records every
 * delivery with the status it answered; {@code answer} maps the delivery's number (from 1)
 * to that status.
 */
final class HookReceiver implements AutoCloseable {

    /** One delivery: the task JSON and what the receiver answered. */
    record Delivery(JsonNode task, int answered) {
        String status() {
            return task.path("status").asString();
        }

        int progress() {
            String text = task.path("progress").asString().replace("%", "").trim();
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<Delivery> deliveries = new ArrayList<>();

    HookReceiver(IntUnaryOperator answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode task = MjApi.json().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                int status;
                synchronized (deliveries) {
                    status = answer.applyAsInt(deliveries.size() + 1);
                    deliveries.add(new Delivery(task, status));
                    deliveries.notifyAll();
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Waits until a delivery of the task in {@code status} was answered 2xx; returns all deliveries of the task. */
    List<Delivery> awaitAccepted(String taskId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + MjApi.WAIT.toNanos();
        synchronized (deliveries) {
            while (deliveries.stream().noneMatch(d -> d.task().path("id").asString().equals(taskId)
                    && d.status().equals(status) && d.answered() / 100 == 2)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no accepted " + status + " delivery for " + taskId + "; got " + deliveries);
                }
                TimeUnit.NANOSECONDS.timedWait(deliveries, left);
            }
            return deliveries.stream().filter(d -> d.task().path("id").asString().equals(taskId)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
