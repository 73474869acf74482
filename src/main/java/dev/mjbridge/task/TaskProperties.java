package dev.mjbridge.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code properties} object of the task JSON. The first eight keys are the
 * ones clients of the midjourney-proxy dialect read and are always present
 * (null when unknown); {@code parentId} and {@code interactionId} appear once
 * known; {@link #extra()} holds any further public key (seed, accountFilter,
 * remix, ...) flattened into the same JSON object.
 * <p>
 * Nothing secret belongs here: this object is shown to clients. Use {@link TaskInternal}.
 *
 * @param discordInstanceId id of the account that runs the task
 * @param messageHash       the Midjourney job hash (the UUID in filenames and customIds)
 * @param messageId         id of the final (result) message
 * @param progressMessageId id of the message Midjourney edits while the job runs
 * @param flags             Discord flags of the result message (64 = ephemeral)
 * @param parentId          the task whose button this task pressed
 */
@JsonPropertyOrder({"finalPrompt", "messageId", "messageHash", "nonce", "discordInstanceId",
        "discordChannelId", "progressMessageId", "flags", "parentId", "interactionId"})
public record TaskProperties(
        String finalPrompt,
        String messageId,
        String messageHash,
        String nonce,
        String discordInstanceId,
        String discordChannelId,
        String progressMessageId,
        Integer flags,
        @JsonInclude(JsonInclude.Include.NON_NULL) String parentId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String interactionId,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

    public static final TaskProperties EMPTY =
            new TaskProperties(null, null, null, null, null, null, null, null, null, null, Map.of());

    /** Keys with a component of their own; they cannot be used as extra keys. */
    private static final Set<String> NAMED_KEYS = Set.of("finalPrompt", "messageId", "messageHash", "nonce",
            "discordInstanceId", "discordChannelId", "progressMessageId", "flags", "parentId", "interactionId");

    public TaskProperties {
        extra = copyOfExtra(extra);
    }

    /** An extra key's value, or null. */
    public Object extraValue(String key) {
        return extra.get(key);
    }

    /** A copy with one extra key set; a null value removes the key. */
    public TaskProperties withExtra(String key, Object value) {
        if (NAMED_KEYS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' has its own with-method");
        }
        Map<String, Object> copy = new LinkedHashMap<>(extra);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new TaskProperties(finalPrompt, messageId, messageHash, nonce, discordInstanceId, discordChannelId,
                progressMessageId, flags, parentId, interactionId, copy);
    }

    /**
     * A copy where every non-null named value of {@code patch} replaces ours and its
     * extra keys are added. Used to merge what a Discord event tells about a task.
     */
    public TaskProperties merge(TaskProperties patch) {
        Map<String, Object> mergedExtra = new LinkedHashMap<>(extra);
        mergedExtra.putAll(patch.extra);
        return new TaskProperties(
                or(patch.finalPrompt, finalPrompt),
                or(patch.messageId, messageId),
                or(patch.messageHash, messageHash),
                or(patch.nonce, nonce),
                or(patch.discordInstanceId, discordInstanceId),
                or(patch.discordChannelId, discordChannelId),
                or(patch.progressMessageId, progressMessageId),
                or(patch.flags, flags),
                or(patch.parentId, parentId),
                or(patch.interactionId, interactionId),
                mergedExtra);
    }

    public TaskProperties withFinalPrompt(String value) {
        return copy(value, messageId, messageHash, nonce, discordInstanceId, discordChannelId,
                progressMessageId, flags, parentId, interactionId);
    }

    public TaskProperties withMessageId(String value) {
        return copy(finalPrompt, value, messageHash, nonce, discordInstanceId, discordChannelId,
                progressMessageId, flags, parentId, interactionId);
    }

    public TaskProperties withMessageHash(String value) {
        return copy(finalPrompt, messageId, value, nonce, discordInstanceId, discordChannelId,
                progressMessageId, flags, parentId, interactionId);
    }

    public TaskProperties withNonce(String value) {
        return copy(finalPrompt, messageId, messageHash, value, discordInstanceId, discordChannelId,
                progressMessageId, flags, parentId, interactionId);
    }

    public TaskProperties withDiscordInstanceId(String value) {
        return copy(finalPrompt, messageId, messageHash, nonce, value, discordChannelId,
                progressMessageId, flags, parentId, interactionId);
    }

    public TaskProperties withDiscordChannelId(String value) {
        return copy(finalPrompt, messageId, messageHash, nonce, discordInstanceId, value,
                progressMessageId, flags, parentId, interactionId);
    }

    public TaskProperties withProgressMessageId(String value) {
        return copy(finalPrompt, messageId, messageHash, nonce, discordInstanceId, discordChannelId,
                value, flags, parentId, interactionId);
    }

    public TaskProperties withFlags(Integer value) {
        return copy(finalPrompt, messageId, messageHash, nonce, discordInstanceId, discordChannelId,
                progressMessageId, value, parentId, interactionId);
    }

    public TaskProperties withParentId(String value) {
        return copy(finalPrompt, messageId, messageHash, nonce, discordInstanceId, discordChannelId,
                progressMessageId, flags, value, interactionId);
    }

    public TaskProperties withInteractionId(String value) {
        return copy(finalPrompt, messageId, messageHash, nonce, discordInstanceId, discordChannelId,
                progressMessageId, flags, parentId, value);
    }

    private TaskProperties copy(String finalPrompt, String messageId, String messageHash, String nonce,
            String discordInstanceId, String discordChannelId, String progressMessageId, Integer flags,
            String parentId, String interactionId) {
        return new TaskProperties(finalPrompt, messageId, messageHash, nonce, discordInstanceId, discordChannelId,
                progressMessageId, flags, parentId, interactionId, extra);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** Null values are dropped: an absent key and a null value mean the same here. */
    private static Map<String, Object> copyOfExtra(Map<String, Object> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        // Sorted: the JSON reads the same however the keys were added, and after a round trip through the store.
        Map<String, Object> copy = new TreeMap<>();
        extra.forEach((key, value) -> {
            if (value != null && !NAMED_KEYS.contains(key)) {
                copy.put(key, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
