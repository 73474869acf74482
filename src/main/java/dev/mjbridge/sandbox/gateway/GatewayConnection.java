package dev.mjbridge.sandbox.gateway;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One WebSocket connection to the gateway: frames it as text or as zlib-stream
 * binary, and remembers which session it carries once IDENTIFY or RESUME succeeded.
 */
final class GatewayConnection {

    private static final Logger log = LoggerFactory.getLogger(GatewayConnection.class);

    private final WebSocketSession socket;
    private final ZlibStream zlib;
    private final int apiVersion;
    private volatile GatewaySession session;
    /** A stalled connection stops answering heartbeats and delivering dispatches. */
    private volatile boolean stalled;
    private volatile boolean closed;

    GatewayConnection(WebSocketSession socket, boolean zlibStream, int apiVersion) {
        this.socket = socket;
        this.zlib = zlibStream ? new ZlibStream() : null;
        this.apiVersion = apiVersion;
    }

    String id() {
        return socket.getId();
    }

    int apiVersion() {
        return apiVersion;
    }

    GatewaySession session() {
        return session;
    }

    void attach(GatewaySession value) {
        this.session = value;
    }

    boolean stalled() {
        return stalled;
    }

    void stall() {
        stalled = true;
    }

    boolean isOpen() {
        return !closed && socket.isOpen();
    }

    /** Sends one payload; frames are serialised so the zlib context sees them in order. */
    synchronized void send(String json) {
        if (!isOpen()) {
            return;
        }
        try {
            if (zlib == null) {
                socket.sendMessage(new TextMessage(json));
            } else {
                socket.sendMessage(new BinaryMessage(ByteBuffer.wrap(zlib.compress(json))));
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("gateway send failed on {}: {}", id(), e.getMessage());
            close(CloseStatus.SERVER_ERROR);
        }
    }

    void close(int code, String reason) {
        close(new CloseStatus(code, reason));
    }

    synchronized void close(CloseStatus status) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close(status);
        } catch (IOException | IllegalStateException e) {
            log.debug("gateway close failed on {}: {}", id(), e.getMessage());
        }
        if (zlib != null) {
            zlib.close();
        }
    }
}
