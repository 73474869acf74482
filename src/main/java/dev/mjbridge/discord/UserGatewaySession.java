package dev.mjbridge.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

/**
 * One Discord user's gateway session: zlib-stream transport, heartbeats with zombie
 * detection, IDENTIFY/RESUME, and reconnects with jittered backoff. Events reach the
 * {@link GatewayListener} in order. A close code that means "your token is bad" ends
 * the session for good instead of retrying forever.
 */
public final class UserGatewaySession {

    private static final Logger log = LoggerFactory.getLogger(UserGatewaySession.class);

    /** Discord's heartbeat interval, for a HELLO that does not say. */
    private static final long DEFAULT_HEARTBEAT_MS = 41_250;

    private final String accountId;
    private final DiscordCredentials credentials;
    private final DiscordEndpoints endpoints;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final GatewayListener listener;
    private final Backoff backoff;
    private final GatewayMeters meters;

    // All mutable state is guarded by "this"; socket callbacks check the generation so a
    // late callback from an old socket never touches the current one.
    private int generation;
    private WebSocket socket;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> heartbeat;
    private boolean heartbeatAcked = true;
    private String sessionId;
    private String resumeUrl;
    private long seq = -1;
    private String userId;
    private boolean everReady;
    private int attempts;
    private boolean stopped = true;
    private GatewayState state = GatewayState.STOPPED;
    private String stateReason = "not started";
    /** Interactions waiting for a session id: after op 9 there is none until the next READY. */
    private final List<CompletableFuture<String>> sessionWaiters = new ArrayList<>();

    public UserGatewaySession(String accountId, DiscordCredentials credentials, DiscordEndpoints endpoints,
                              ObjectMapper json, ScheduledExecutorService scheduler, HttpClient http,
                              GatewayListener listener, Backoff backoff) {
        this(accountId, credentials, endpoints, json, scheduler, http, listener, backoff, GatewayMeters.none());
    }

    public UserGatewaySession(String accountId, DiscordCredentials credentials, DiscordEndpoints endpoints,
                              ObjectMapper json, ScheduledExecutorService scheduler, HttpClient http,
                              GatewayListener listener, Backoff backoff, GatewayMeters meters) {
        this.meters = meters;
        this.accountId = accountId;
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.json = json;
        this.scheduler = scheduler;
        this.http = http;
        this.listener = listener;
        this.backoff = backoff;
    }

    public synchronized void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        attempts = 0;
        connect(false);
    }

    public void stop() {
        WebSocket toClose;
        synchronized (this) {
            stopped = true;
            generation++;
            cancelHeartbeat();
            toClose = socket;
            socket = null;
        }
        if (toClose != null) {
            toClose.sendClose(GatewayCloseCode.CLIENT_STOPPING, "bye").exceptionally(e -> null);
            toClose.abort();
        }
        changeState(GatewayState.STOPPED, "stopped");
    }

    public synchronized GatewayState state() {
        return state;
    }

    public synchronized String stateReason() {
        return stateReason;
    }

    /** The id of the logged-in user, known after the first READY. */
    public synchronized Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** The current session id, sent with every interaction. */
    public synchronized Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * The session id now, or as soon as the next READY brings one (after op 9 or a lost
     * session there is none for a few seconds). Fails with the gateway's reason when the
     * session fails for good (bad token), or when none came within {@code wait}. A stop
     * (shutdown) fails nothing: work in flight then is picked up after a restart.
     */
    public CompletableFuture<String> sessionIdWithin(Duration wait) {
        CompletableFuture<String> waiter = new CompletableFuture<>();
        synchronized (this) {
            if (sessionId != null) {
                return CompletableFuture.completedFuture(sessionId);
            }
            if (state == GatewayState.FAILED) {
                return CompletableFuture.failedFuture(noSession(stateReason));
            }
            sessionWaiters.add(waiter);
        }
        scheduler.schedule(() -> {
            synchronized (this) {
                sessionWaiters.remove(waiter);
            }
            waiter.completeExceptionally(noSession("none within " + wait.toSeconds() + " s; " + stateReason()));
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
        return waiter;
    }

    private DiscordApiException noSession(String why) {
        return new DiscordApiException(0, 0, "account " + accountId + " has no gateway session (" + why + ")");
    }

    private void releaseSessionWaiters(String session, String failure) {
        List<CompletableFuture<String>> waiting;
        synchronized (this) {
            waiting = List.copyOf(sessionWaiters);
            sessionWaiters.clear();
        }
        for (CompletableFuture<String> waiter : waiting) {
            if (session != null) {
                waiter.complete(session);
            } else {
                waiter.completeExceptionally(noSession(failure));
            }
        }
    }

    // ---- connecting ------------------------------------------------------------------

    private void connect(boolean resume) {
        int myGeneration;
        URI uri;
        synchronized (this) {
            if (stopped) {
                return;
            }
            myGeneration = ++generation;
            String base = resume && resumeUrl != null ? resumeUrl : endpoints.gateway();
            uri = DiscordEndpoints.gatewayUri(base, true);
        }
        changeState(GatewayState.CONNECTING, resume ? "resuming" : "connecting");
        http.newWebSocketBuilder()
                .header("User-Agent", credentials.userAgent())
                .connectTimeout(Duration.ofSeconds(15))
                .buildAsync(uri, new SocketListener(myGeneration))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        log.warn("account {}: gateway connection failed: {}", accountId, Throwables.rootMessage(error));
                        reconnectLater(myGeneration, "connection failed: " + Throwables.rootMessage(error));
                        return;
                    }
                    synchronized (this) {
                        if (myGeneration != generation) {
                            ws.abort();
                        }
                    }
                });
    }

    private void reconnectLater(int failedGeneration, String reason) {
        Duration delay;
        synchronized (this) {
            if (stopped || failedGeneration != generation) {
                return;
            }
            generation++; // callbacks of the failed socket are now stale
            cancelHeartbeat();
            if (socket != null) {
                socket.abort();
                socket = null;
            }
            delay = backoff.delay(attempts++);
        }
        meters.reconnected();
        changeState(GatewayState.RECONNECTING, reason + "; retrying in " + delay.toMillis() + " ms");
        scheduler.schedule(() -> connect(true), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- frames ------------------------------------------------------------------------

    /** A text frame (a connection without compression). */
    private void onPayload(int myGeneration, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException e) {
            log.warn("account {}: skipped a gateway frame that is not JSON", accountId);
            return;
        }
        onFrame(myGeneration, frame);
    }

    /** An inflated zlib-stream message, parsed from its bytes without a detour through a String. */
    private void onPayload(int myGeneration, ZlibStreamDecoder.Message message) {
        JsonNode frame;
        try {
            frame = json.readTree(message.bytes(), 0, message.length());
        } catch (JacksonException e) {
            log.warn("account {}: skipped a gateway frame that is not JSON", accountId);
            return;
        }
        onFrame(myGeneration, frame);
    }

    private void onFrame(int myGeneration, JsonNode frame) {
        int op = frame.path("op").asInt(-1);
        GatewayOpcode opcode = GatewayOpcode.of(op).orElse(null);
        if (opcode == null) {
            log.debug("account {}: ignored gateway op {}", accountId, op);
            return;
        }
        switch (opcode) {
            case HELLO -> onHello(myGeneration, frame.path("d").path("heartbeat_interval").asLong(DEFAULT_HEARTBEAT_MS));
            case HEARTBEAT_ACK -> {
                synchronized (this) {
                    heartbeatAcked = true;
                }
            }
            case HEARTBEAT -> sendHeartbeat(myGeneration);
            case DISPATCH -> onDispatch(frame);
            case RECONNECT -> {
                log.info("account {}: gateway asked us to reconnect (op 7)", accountId);
                reconnectNow(myGeneration, true, "reconnect requested by Discord");
            }
            case INVALID_SESSION -> onInvalidSession(myGeneration, frame.path("d").asBoolean(false));
            default -> log.debug("account {}: ignored gateway op {}", accountId, op);
        }
    }

    private void onHello(int myGeneration, long intervalMs) {
        boolean resume;
        synchronized (this) {
            if (myGeneration != generation) {
                return;
            }
            cancelHeartbeat();
            heartbeatAcked = true;
            // The first beat is jittered so that reconnecting accounts do not beat in lockstep.
            long first = (long) (intervalMs * ThreadLocalRandom.current().nextDouble(0.1, 1.0));
            heartbeat = scheduler.scheduleAtFixedRate(() -> beat(myGeneration), first, intervalMs, TimeUnit.MILLISECONDS);
            resume = sessionId != null && seq >= 0;
        }
        if (resume) {
            send(myGeneration, UserIdentity.resume(credentials, sessionId, seq).toString());
        } else {
            send(myGeneration, UserIdentity.identify(credentials).toString());
        }
    }

    private void beat(int myGeneration) {
        boolean zombie;
        synchronized (this) {
            if (myGeneration != generation) {
                return;
            }
            zombie = !heartbeatAcked;
            heartbeatAcked = false;
        }
        if (zombie) {
            log.warn("account {}: no heartbeat ACK, connection is stalled; reconnecting", accountId);
            reconnectNow(myGeneration, true, "heartbeat not acknowledged");
            return;
        }
        sendHeartbeat(myGeneration);
    }

    private void sendHeartbeat(int myGeneration) {
        long lastSeq;
        synchronized (this) {
            lastSeq = seq;
        }
        send(myGeneration, "{\"op\":" + GatewayOpcode.HEARTBEAT.code() + ",\"d\":"
                + (lastSeq < 0 ? "null" : Long.toString(lastSeq)) + "}");
    }

    private void onDispatch(JsonNode frame) {
        String type = frame.path("t").asString("");
        JsonNode data = frame.path("d");
        // A READY without a session id and user would wipe the live session's identity
        // (interactions then carry no or a wrong session id): skip it like any bad frame.
        boolean malformedReady = "READY".equals(type) && !(isText(data.path("session_id"))
                && isText(data.path("user").path("id")));
        boolean replaced = false;
        String newSession = null;
        synchronized (this) {
            if (frame.path("s").isNumber()) {
                seq = Math.max(seq, frame.path("s").asLong());
            }
            if (malformedReady) {
                log.warn("account {}: skipped a READY without session id or user", accountId);
                return;
            }
            if ("READY".equals(type)) {
                sessionId = data.path("session_id").asString(null);
                resumeUrl = data.path("resume_gateway_url").asString(null);
                userId = data.path("user").path("id").asString(null);
                replaced = everReady;
                everReady = true;
                attempts = 0;
                newSession = sessionId;
            } else if ("RESUMED".equals(type)) {
                attempts = 0;
            }
        }
        if ("READY".equals(type)) {
            meters.newSession();
        } else if ("RESUMED".equals(type)) {
            meters.resumed();
        }
        if ("READY".equals(type) || "RESUMED".equals(type)) {
            changeState(GatewayState.READY, "READY".equals(type) ? "identified" : "resumed");
        }
        try {
            listener.onDispatch(type, data);
        } catch (RuntimeException e) {
            // One bad event must not take the session down.
            log.error("account {}: handler failed on {} dispatch", accountId, type, e);
        }
        if (newSession != null) {
            releaseSessionWaiters(newSession, null);
        }
        if (replaced) {
            listener.onSessionReplaced();
        }
    }

    private static boolean isText(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank();
    }

    private void onInvalidSession(int myGeneration, boolean resumable) {
        log.info("account {}: session invalidated (resumable={})", accountId, resumable);
        if (!resumable) {
            synchronized (this) {
                sessionId = null;
                seq = -1;
                resumeUrl = null;
            }
        }
        // Discord asks clients to wait 1-5 s before identifying again.
        long waitMs = resumable ? 0 : ThreadLocalRandom.current().nextLong(1_000, 5_000);
        synchronized (this) {
            if (myGeneration != generation || stopped) {
                return;
            }
        }
        scheduler.schedule(() -> reconnectNow(myGeneration, resumable, "session invalidated"), waitMs, TimeUnit.MILLISECONDS);
    }

    private void reconnectNow(int myGeneration, boolean resume, String reason) {
        WebSocket old;
        synchronized (this) {
            if (myGeneration != generation || stopped) {
                return;
            }
            generation++;
            cancelHeartbeat();
            old = socket;
            socket = null;
        }
        if (old != null) {
            old.sendClose(GatewayCloseCode.CLIENT_RECONNECTING, "reconnecting").exceptionally(e -> null);
            old.abort();
        }
        meters.reconnected();
        changeState(GatewayState.RECONNECTING, reason);
        connect(resume);
    }

    private void onClosed(int myGeneration, int code, String reason) {
        synchronized (this) {
            if (myGeneration != generation || stopped) {
                return;
            }
        }
        GatewayCloseCode.AfterClose after = GatewayCloseCode.afterClose(code);
        if (after == GatewayCloseCode.AfterClose.GIVE_UP) {
            synchronized (this) {
                generation++;
                cancelHeartbeat();
                socket = null;
                stopped = true;
            }
            String why = code == GatewayCloseCode.AUTHENTICATION_FAILED.code()
                    ? "Discord rejected the token (close 4004 authentication failed)"
                    : "Discord closed the gateway with " + code + (reason == null || reason.isBlank() ? "" : " " + reason);
            log.error("account {}: {}; not reconnecting", accountId, why);
            changeState(GatewayState.FAILED, why);
            return;
        }
        if (after == GatewayCloseCode.AfterClose.NEW_SESSION) {
            synchronized (this) {
                sessionId = null;
                seq = -1;
            }
        }
        log.info("account {}: gateway closed ({} {}); reconnecting", accountId, code, reason);
        reconnectLater(myGeneration, "gateway closed with " + code);
    }

    // ---- sending -----------------------------------------------------------------------

    /** Sends one text frame; sends are chained because a JDK WebSocket allows one at a time. */
    private void send(int myGeneration, String text) {
        synchronized (this) {
            if (myGeneration != generation || socket == null) {
                return;
            }
            WebSocket target = socket;
            sendChain = sendChain.handle((ok, error) -> null)
                    .thenCompose(ignored -> target.sendText(text, true))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            log.debug("account {}: gateway send failed: {}", accountId, Throwables.rootMessage(error));
                        }
                    });
        }
    }

    private void cancelHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    private void changeState(GatewayState next, String reason) {
        synchronized (this) {
            if (state == next && reason.equals(stateReason)) {
                return;
            }
            state = next;
            stateReason = reason;
        }
        if (next == GatewayState.FAILED) {
            releaseSessionWaiters(null, reason);
        }
        listener.onStateChange(next, reason);
    }


    private final class SocketListener implements WebSocket.Listener {

        private final int myGeneration;
        private final ZlibStreamDecoder zlib = new ZlibStreamDecoder();
        private final StringBuilder text = new StringBuilder();

        SocketListener(int myGeneration) {
            this.myGeneration = myGeneration;
        }

        /** Runs before the first message (HELLO), unlike the buildAsync future, so IDENTIFY can be sent. */
        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (UserGatewaySession.this) {
                if (myGeneration == generation) {
                    socket = webSocket;
                    sendChain = CompletableFuture.completedFuture(null);
                }
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String payload = text.toString();
                text.setLength(0);
                onPayload(myGeneration, payload);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            try {
                zlib.accept(data).ifPresent(message -> onPayload(myGeneration, message));
            } catch (DataFormatException e) {
                log.warn("account {}: corrupt zlib stream; reconnecting", accountId);
                reconnectNow(myGeneration, true, "corrupt compressed stream");
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            zlib.close();
            onClosed(myGeneration, statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            zlib.close();
            log.info("account {}: gateway connection error: {}", accountId, Throwables.rootMessage(error));
            reconnectLater(myGeneration, "connection error: " + Throwables.rootMessage(error));
        }
    }
}
