package dev.mjbridge.account;

import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The message dispatches an account applied lately, so one heard on both of its streams (the
 * user session and the bot listener) is applied once. A MESSAGE_CREATE is known by its message
 * id, a MESSAGE_DELETE by its id, and a MESSAGE_UPDATE by its id and edit time, plus a short
 * fingerprint of what it shows (content, attachment names, embeds, buttons), since an update
 * Discord makes without editing (an embed unfurl) keeps the edit time of the one before. Other
 * dispatches are never held back. Bounded in size and age, oldest out first (plain insertion
 * order: a size-bounded cache that favours often-used keys would keep old keys and drop the new
 * ones, while here the newest matter most); what falls out is harmless, since the task layer drops
 * news of finished tasks and progress that goes backwards anyway.
 */
final class RecentDispatches {

    static final int MAX_KEYS = 4_096;
    static final Duration KEEP = Duration.ofMinutes(15);

    private final int maxKeys;
    private final Clock clock;
    /** Key to when it was first seen (millis), in that order. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    RecentDispatches() {
        this(MAX_KEYS, Clock.systemUTC());
    }

    RecentDispatches(int maxKeys, Clock clock) {
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** True the first time this dispatch (or its copy from the other stream) is offered; false for a repeat. */
    synchronized boolean firstSighting(String type, JsonNode data) {
        String key = key(type, data);
        if (key == null) {
            return true;
        }
        long now = clock.millis();
        forgetOlderThan(now - KEEP.toMillis());
        if (seen.putIfAbsent(key, now) != null) {
            return false;
        }
        if (seen.size() > maxKeys) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void forgetOlderThan(long cutoff) {
        Iterator<Map.Entry<String, Long>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue() < cutoff) {
            entries.remove();
        }
    }

    /** The dedup key, or null for a dispatch that is never held back. */
    static String key(String type, JsonNode data) {
        if (type == null || data == null) {
            return null;
        }
        String id = data.path("id").asString(null);
        if (id == null || id.isEmpty()) {
            return null;
        }
        return switch (type) {
            case "MESSAGE_CREATE" -> id + "|create";
            case "MESSAGE_DELETE" -> id + "|delete";
            case "MESSAGE_UPDATE" -> id + "|" + data.path("edited_timestamp").asString("unedited") + "|"
                    + Integer.toHexString(fingerprint(data));
            default -> null;
        };
    }

    /** What a reader sees of the message, without the signed (and so per-delivery) attachment links. */
    private static int fingerprint(JsonNode message) {
        StringBuilder shown = new StringBuilder();
        for (JsonNode attachment : message.path("attachments")) {
            shown.append(attachment.path("filename").asString("")).append('\n');
        }
        for (JsonNode embed : message.path("embeds")) {
            shown.append(embed.path("title").asString("")).append('\n').append(embed.path("description").asString(""));
        }
        buttons(message.path("components"), shown);
        return Objects.hash(message.path("content").asString(""), shown.toString(), message.path("flags").asInt(0));
    }

    private static void buttons(JsonNode components, StringBuilder shown) {
        for (JsonNode component : components) {
            shown.append(component.path("custom_id").asString("")).append(component.path("label").asString(""));
            buttons(component.path("components"), shown);
        }
    }
}
