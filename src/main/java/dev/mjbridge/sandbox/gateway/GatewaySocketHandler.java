package dev.mjbridge.sandbox.gateway;

import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.world.Guild;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway protocol of one socket: HELLO, IDENTIFY → READY, RESUME → replay +
 * RESUMED (or op 9), heartbeats, and the close codes Discord uses for misbehaving clients.
 */
public final class GatewaySocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewaySocketHandler.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 32 * 1024 * 1024;

    private final GatewayHub hub;
    private final World world;
    private final SandboxSettings settings;
    private final SandboxUrls urls;
    private final ObjectMapper json;
    private final ReadyPayloads readyPayloads;
    private final Map<String, GatewayConnection> connections = new ConcurrentHashMap<>();

    public GatewaySocketHandler(GatewayHub hub, World world, SandboxSettings settings, SandboxUrls urls, ObjectMapper json) {
        this.hub = hub;
        this.world = world;
        this.settings = settings;
        this.urls = urls;
        this.json = json;
        this.readyPayloads = new ReadyPayloads(world);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        Map<String, String> query = UriComponentsBuilder.fromUri(socket.getUri()).build().getQueryParams().toSingleValueMap();
        int version = parseVersion(query.get("v"));
        boolean zlib = "zlib-stream".equals(query.get("compress"));
        GatewayConnection connection = new GatewayConnection(
                new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT), zlib, version);
        connections.put(socket.getId(), connection);
        if (version < 6 || version > 10) {
            connection.close(GatewayCloseCodes.INVALID_API_VERSION, "Invalid API version");
            return;
        }
        String encoding = query.getOrDefault("encoding", "json");
        if (!"json".equals(encoding)) {
            connection.close(GatewayCloseCodes.DECODE_ERROR, "Only encoding=json is supported by the sandbox");
            return;
        }
        hub.heartbeats().hello(socket.getId(), settings.heartbeatIntervalMs());
        connection.send("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":"
                + settings.heartbeatIntervalMs() + ",\"_trace\":[\"[\\\"mj-bridge-sandbox\\\"]\"]}}");
    }

    private static int parseVersion(String value) {
        if (value == null) {
            return 9;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        // Taken before decoding, so a heartbeat's arrival does not include the sandbox's own parsing.
        long arrivedNanos = hub.heartbeats().now();
        GatewayConnection connection = connections.get(socket.getId());
        if (connection == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            connection.close(GatewayCloseCodes.DECODE_ERROR, "Decode error");
            return;
        }
        if (frame == null || !frame.isObject() || !frame.path("op").isInt()) {
            connection.close(GatewayCloseCodes.DECODE_ERROR, "Decode error");
            return;
        }
        int op = frame.get("op").asInt();
        JsonNode data = frame.path("d");
        switch (op) {
            case GatewayOp.HEARTBEAT -> {
                hub.heartbeats().beat(connection.id(), arrivedNanos);
                if (!connection.stalled()) {
                    connection.send("{\"op\":11}");
                }
            }
            case GatewayOp.IDENTIFY -> identify(connection, data);
            case GatewayOp.RESUME -> resume(connection, data);
            case GatewayOp.PRESENCE_UPDATE, GatewayOp.VOICE_STATE_UPDATE, GatewayOp.REQUEST_GUILD_MEMBERS, 13, 14, 37 -> {
                if (connection.session() == null) {
                    connection.close(GatewayCloseCodes.NOT_AUTHENTICATED, "Not authenticated.");
                }
            }
            default -> connection.close(GatewayCloseCodes.UNKNOWN_OPCODE, "Unknown opcode.");
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
        GatewayConnection connection = connections.get(socket.getId());
        if (connection != null) {
            connection.close(GatewayCloseCodes.DECODE_ERROR, "Decode error");
        }
    }

    private void identify(GatewayConnection connection, JsonNode data) {
        if (connection.session() != null) {
            connection.close(GatewayCloseCodes.ALREADY_AUTHENTICATED, "Already authenticated.");
            return;
        }
        boolean looksLikeBot = data.has("intents") && !data.has("capabilities");
        Optional<SandboxUser> user = world.authenticate(data.path("token").asString(null), looksLikeBot);
        if (user.isEmpty()) {
            connection.close(GatewayCloseCodes.AUTHENTICATION_FAILED, "Authentication failed.");
            return;
        }
        GatewaySession session = hub.newSession(user.get(), data.path("intents").asInt(0), settings.replayBufferSize());
        connection.attach(session);
        session.bind(connection);
        hub.heartbeats().attached(connection.id(), session.id(), user.get().id());
        // Counted before READY goes out: a client that saw its READY must find its IDENTIFY counted.
        hub.counters().identified(user.get().id());
        session.dispatch("READY", json.writeValueAsString(
                readyPayloads.ready(session, connection.apiVersion(), urls.gateway())));
        if (user.get().bot()) {
            for (Guild guild : world.guildsOf(user.get())) {
                session.dispatch("GUILD_CREATE", json.writeValueAsString(readyPayloads.guildCreate(guild)));
            }
        }
        log.info("sandbox gateway: {} identified as {} (session {})", connection.id(), user.get(), session.id());
    }

    private void resume(GatewayConnection connection, JsonNode data) {
        if (connection.session() != null) {
            connection.close(GatewayCloseCodes.ALREADY_AUTHENTICATED, "Already authenticated.");
            return;
        }
        GatewaySession session = hub.session(data.path("session_id").asString(null));
        Optional<SandboxUser> user = world.authenticate(data.path("token").asString(null));
        if (user.isEmpty() && session == null) {
            connection.close(GatewayCloseCodes.AUTHENTICATION_FAILED, "Authentication failed.");
            return;
        }
        boolean sameUser = session != null && user.isPresent() && session.user().id().equals(user.get().id());
        if (!sameUser || !data.path("seq").canConvertToInt()
                // Counted before the replay goes out: a client that saw RESUMED must find its RESUME counted.
                || !session.resumeOn(connection, data.path("seq").asInt(),
                        () -> hub.counters().resumed(session.user().id()))) {
            if (session != null && sameUser) {
                hub.forget(session);
            }
            hub.counters().resumeRefused(user.map(SandboxUser::id).orElse(null));
            connection.send("{\"op\":9,\"d\":false}");
            return;
        }
        connection.attach(session);
        hub.heartbeats().attached(connection.id(), session.id(), session.user().id());
        log.info("sandbox gateway: {} resumed session {}", connection.id(), session.id());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        GatewayConnection connection = connections.remove(socket.getId());
        hub.heartbeats().closed(socket.getId());
        if (connection != null && connection.session() != null) {
            connection.session().unbind(connection);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("sandbox gateway transport error on {}: {}", socket.getId(), exception.getMessage());
    }
}
