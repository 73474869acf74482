package dev.mjbridge.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A bare gateway client on the JDK's WebSocket, for protocol tests: it inflates
 * zlib-stream frames itself and queues every payload it receives.
 */
public final class GatewayTestClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final byte[] ZLIB_SUFFIX = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final boolean compressed;
    private final Inflater inflater = new Inflater();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<byte[]> rawBinaryFrames = new ArrayList<>();
    private volatile boolean sawText;
    private final WebSocket socket;

    private GatewayTestClient(String gatewayUrl, String query, boolean compressed) {
        this.compressed = compressed;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(gatewayUrl + "/?" + query), new Listener()).join();
    }

    public static GatewayTestClient connect(String gatewayUrl, boolean zlibStream) {
        return new GatewayTestClient(gatewayUrl, "encoding=json&v=9" + (zlibStream ? "&compress=zlib-stream" : ""), zlibStream);
    }

    public static GatewayTestClient connect(String gatewayUrl, String query) {
        return new GatewayTestClient(gatewayUrl, query, query.contains("zlib-stream"));
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void identifyUser(String token) {
        send("{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"capabilities\":16381,\"properties\":{\"os\":\"Windows\","
                + "\"browser\":\"Chrome\",\"device\":\"\",\"browser_user_agent\":\"Mozilla/5.0\"},\"presence\":{\"status\":"
                + "\"online\",\"since\":0,\"activities\":[],\"afk\":false},\"compress\":false,\"client_state\":{}}}");
    }

    public void heartbeat(Integer seq) {
        send("{\"op\":1,\"d\":" + seq + "}");
    }

    /** Identifies as a user and returns the READY dispatch. */
    public JsonNode readyAs(String token) {
        identifyUser(token);
        return awaitDispatch("READY");
    }

    /** The next payload matching the predicate; earlier non-matching ones are kept in {@link #seen()}. */
    public JsonNode await(Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode next = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (next == null) {
                throw new AssertionError("no matching gateway payload within " + WAIT + "; seen: " + seen);
            }
            if (match.test(next)) {
                return next;
            }
        }
    }

    /**
     * The next payload received, waiting at most {@code within}, or null if none came; it is
     * kept in {@link #seen()}. For callers that keep their own limit across several payloads.
     */
    public JsonNode next(Duration within) {
        try {
            JsonNode next = received.poll(within.toNanos(), TimeUnit.NANOSECONDS);
            if (next != null) {
                synchronized (seen) {
                    seen.add(next);
                }
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode awaitOp(int op) {
        return await(p -> p.path("op").asInt() == op);
    }

    public JsonNode awaitDispatch(String type) {
        return await(p -> type.equals(p.path("t").asString(null)));
    }

    /** The {@code d} of the next dispatch of this type whose data matches. */
    public JsonNode awaitDispatch(String type, Predicate<JsonNode> data) {
        return await(p -> type.equals(p.path("t").asString(null)) && data.test(p.path("d"))).path("d");
    }

    /** Waits for the server to close the socket; returns the close code. */
    public int awaitClose() {
        try {
            return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + WAIT, e);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    public List<JsonNode> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public List<byte[]> rawBinaryFrames() {
        synchronized (rawBinaryFrames) {
            return List.copyOf(rawBinaryFrames);
        }
    }

    public boolean sawTextFrames() {
        return sawText;
    }

    /** Closes like a client that lost its network, keeping the session resumable. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(4_000, "test done").exceptionally(e -> null);
        }
        socket.abort();
        inflater.end();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            sawText = true;
            text.append(data);
            if (last) {
                received.add(JSON.readTree(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            pending.writeBytes(bytes);
            if (last) {
                byte[] frame = pending.toByteArray();
                pending.reset();
                synchronized (rawBinaryFrames) {
                    rawBinaryFrames.add(frame);
                }
                inflate(frame);
            }
            webSocket.request(1);
            return null;
        }

        private void inflate(byte[] frame) {
            if (!compressed || !endsWithSuffix(frame)) {
                throw new AssertionError("binary frame without zlib-stream suffix");
            }
            inflater.setInput(frame);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = inflater.inflate(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            } catch (DataFormatException e) {
                throw new AssertionError(e);
            }
            received.add(JSON.readTree(out.toString(StandardCharsets.UTF_8)));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }

    static boolean endsWithSuffix(byte[] frame) {
        if (frame.length < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (frame[frame.length - 4 + i] != ZLIB_SUFFIX[i]) {
                return false;
            }
        }
        return true;
    }
}
