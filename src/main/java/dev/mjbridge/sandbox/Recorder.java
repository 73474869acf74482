package dev.mjbridge.sandbox;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox received, for assertions: every interaction (with its nonce, so a
 * test can prove that no job was started twice) and every upload.
 */
public final class Recorder {

    public record ReceivedInteraction(String interactionId, String userId, int type, String nonce, JsonNode payload,
                                      long receivedAtMillis) {
    }

    public record ReceivedUpload(String uploadFilename, String userId, int size, String contentType) {
    }

    private final List<ReceivedInteraction> interactions = new CopyOnWriteArrayList<>();
    private final List<ReceivedUpload> uploads = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perNonce = new ConcurrentHashMap<>();

    public void interaction(ReceivedInteraction received) {
        interactions.add(received);
        if (received.nonce() != null) {
            perNonce.computeIfAbsent(received.nonce(), n -> new AtomicInteger()).incrementAndGet();
        }
    }

    public void upload(ReceivedUpload upload) {
        uploads.add(upload);
    }

    public List<ReceivedInteraction> interactions() {
        return List.copyOf(interactions);
    }

    public List<ReceivedUpload> uploads() {
        return List.copyOf(uploads);
    }

    /** How many interactions carried this nonce (a retry that reuses the nonce counts again). */
    public int interactionsWithNonce(String nonce) {
        AtomicInteger count = perNonce.get(nonce);
        return count == null ? 0 : count.get();
    }

    public void clear() {
        interactions.clear();
        uploads.clear();
        perNonce.clear();
    }
}
