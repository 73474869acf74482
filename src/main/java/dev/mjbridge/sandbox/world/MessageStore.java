package dev.mjbridge.sandbox.world;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of every channel, newest last, so that clients can read history
 * ({@code GET /channels/{id}/messages}) after a missed event. Each channel keeps its
 * latest {@value #PER_CHANNEL} messages.
 */
public final class MessageStore {

    static final int PER_CHANNEL = 1_000;

    private final Map<String, LinkedHashMap<String, ObjectNode>> byChannel = new ConcurrentHashMap<>();

    public void put(String channelId, ObjectNode message) {
        LinkedHashMap<String, ObjectNode> channel = byChannel.computeIfAbsent(channelId, id -> new LinkedHashMap<>());
        synchronized (channel) {
            channel.put(message.get("id").asString(), message.deepCopy());
            if (channel.size() > PER_CHANNEL) {
                Iterator<String> oldest = channel.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    public Optional<ObjectNode> get(String channelId, String messageId) {
        LinkedHashMap<String, ObjectNode> channel = byChannel.get(channelId);
        if (channel == null) {
            return Optional.empty();
        }
        synchronized (channel) {
            ObjectNode message = channel.get(messageId);
            return Optional.ofNullable(message == null ? null : message.deepCopy());
        }
    }

    public boolean remove(String channelId, String messageId) {
        LinkedHashMap<String, ObjectNode> channel = byChannel.get(channelId);
        if (channel == null) {
            return false;
        }
        synchronized (channel) {
            return channel.remove(messageId) != null;
        }
    }

    /**
     * Newest first, as Discord lists them: at most {@code limit} messages older than
     * {@code before} (or the newest when null), or newer than {@code after}.
     */
    public List<ObjectNode> history(String channelId, int limit, String before, String after) {
        LinkedHashMap<String, ObjectNode> channel = byChannel.get(channelId);
        if (channel == null) {
            return List.of();
        }
        List<ObjectNode> newestFirst = new ArrayList<>();
        synchronized (channel) {
            List<ObjectNode> all = new ArrayList<>(channel.values());
            for (int i = all.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
                ObjectNode message = all.get(i);
                long id = Long.parseLong(message.get("id").asString());
                if (before != null && id >= Long.parseLong(before)) {
                    continue;
                }
                if (after != null && id <= Long.parseLong(after)) {
                    continue;
                }
                newestFirst.add(message.deepCopy());
            }
        }
        return newestFirst;
    }
}
