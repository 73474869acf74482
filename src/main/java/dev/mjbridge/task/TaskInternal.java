package dev.mjbridge.task;

import java.util.List;

/**
 * What a task keeps for itself and never shows to clients: the webhook URL (it
 * may carry a token) and the request's images, which can weigh megabytes.
 * Persisted beside the task so a queued task survives a restart.
 *
 * @param notifyHook  where to post task updates, null for the global hook
 * @param base64Array images of imagine/blend/describe requests, as data URLs or bare base64
 * @param maskBase64  the vary-region mask (white = repaint)
 */
public record TaskInternal(String notifyHook, List<String> base64Array, String maskBase64) {

    public static final TaskInternal EMPTY = new TaskInternal(null, List.of(), null);

    public TaskInternal {
        base64Array = base64Array == null ? List.of() : List.copyOf(base64Array);
    }

    public TaskInternal withNotifyHook(String value) {
        return new TaskInternal(value, base64Array, maskBase64);
    }

    /** Drops the images, e.g. once they are uploaded to Discord, so the store stays small. */
    public TaskInternal withoutImages() {
        return new TaskInternal(notifyHook, List.of(), null);
    }
}
