package dev.mjbridge.sandbox;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox received, for assertions: every interaction (with its nonce and
 * whether it was accepted, so a test can prove that no job was started twice) and
 * every upload. Interaction calls refused by an injected REST fault are kept apart
 * ({@link #faultedInteractions()}): they never reached the bot.
 */
public final class Recorder {

    /**
     * @param status 204 when the interaction was accepted (a job may start), else the
     *               error status it was answered with (e.g. 400 for an outdated command)
     */
    public record ReceivedInteraction(String interactionId, String userId, int type, String nonce, JsonNode payload,
                                      long receivedAtMillis, int status) {

        public boolean accepted() {
            return status == 204;
        }
    }

    public record ReceivedUpload(String uploadFilename, String userId, int size, String contentType) {
    }

    private final List<ReceivedInteraction> interactions = new CopyOnWriteArrayList<>();
    private final List<ReceivedInteraction> faulted = new CopyOnWriteArrayList<>();
    private final List<ReceivedUpload> uploads = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perNonce = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acceptedPerNonce = new ConcurrentHashMap<>();

    public void interaction(ReceivedInteraction received) {
        interactions.add(received);
        if (received.nonce() != null) {
            perNonce.computeIfAbsent(received.nonce(), n -> new AtomicInteger()).incrementAndGet();
            if (received.accepted()) {
                acceptedPerNonce.computeIfAbsent(received.nonce(), n -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    /**
     * An interaction call that an injected REST fault (429/5xx) answered before the sandbox
     * read it: no job started, and a client should send it again with the same nonce.
     * Kept apart from {@link #interactions()}, which holds only calls that got through.
     */
    public void faulted(ReceivedInteraction refused) {
        faulted.add(refused);
    }

    public List<ReceivedInteraction> faultedInteractions() {
        return List.copyOf(faulted);
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

    /** How many interactions with this nonce were accepted; above 1 means a job was started twice. */
    public int acceptedInteractionsWithNonce(String nonce) {
        AtomicInteger count = acceptedPerNonce.get(nonce);
        return count == null ? 0 : count.get();
    }

    public void clear() {
        interactions.clear();
        faulted.clear();
        uploads.clear();
        perNonce.clear();
        acceptedPerNonce.clear();
    }
}
