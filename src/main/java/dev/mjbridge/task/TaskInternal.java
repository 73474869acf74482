package dev.mjbridge.task;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a task keeps for itself and never shows to clients: the webhook URL (it
 * may carry a token) and the request's images, which can weigh megabytes.
 * Persisted beside the task so a queued task survives a restart.
 *
 * @param notifyHook  where to post task updates, null for the global hook
 * @param base64Array images of imagine/blend/describe requests, as data URLs or bare base64
 * @param maskBase64  the vary-region mask (white = repaint)
 * @param cancelJob   the {@code Cancel Job} button Midjourney put on the job's start message, null when
 *                    it showed none (imagine) or none was seen yet
 * @param runtime     what the engine needs to send and follow the unfinished task; null once final (and
 *                    for tasks made outside the engine). Stored in columns of its own, not in this JSON.
 * @param held        the result message's outcome while its picture is being stored ({@link TaskUpdate.Held}),
 *                    null otherwise
 * @param linkBase    the base URL ({@code scheme://host[:port][/context]}) of the request that submitted the
 *                    task, for stored-image links when {@code mj.images.public-base-url} is not set; null
 *                    when not known
 * @param lease       the instance and lease epoch the task was sent under, in a cluster (null otherwise and
 *                    before it is sent). Stored in columns of its own, not in this JSON.
 */
public record TaskInternal(String notifyHook, List<String> base64Array, String maskBase64, CancelJob cancelJob,
                           @JsonIgnore TaskRuntime runtime, TaskUpdate.Finished held, String linkBase,
                           @JsonIgnore LeaseStamp lease) {

    public static final TaskInternal EMPTY = new TaskInternal(null, List.of(), null, null, null, null, null, null);

    public TaskInternal {
        base64Array = base64Array == null ? List.of() : List.copyOf(base64Array);
    }

    public TaskInternal(String notifyHook, List<String> base64Array, String maskBase64) {
        this(notifyHook, base64Array, maskBase64, null, null, null, null, null);
    }

    public TaskInternal(String notifyHook, List<String> base64Array, String maskBase64, CancelJob cancelJob) {
        this(notifyHook, base64Array, maskBase64, cancelJob, null, null, null, null);
    }

    public TaskInternal withNotifyHook(String value) {
        return new TaskInternal(value, base64Array, maskBase64, cancelJob, runtime, held, linkBase, lease);
    }

    public TaskInternal withCancelJob(CancelJob value) {
        return new TaskInternal(notifyHook, base64Array, maskBase64, value, runtime, held, linkBase, lease);
    }

    TaskInternal withRuntime(TaskRuntime value) {
        return new TaskInternal(notifyHook, base64Array, maskBase64, cancelJob, value, held, linkBase, lease);
    }

    TaskInternal withHeld(TaskUpdate.Finished value) {
        return new TaskInternal(notifyHook, base64Array, maskBase64, cancelJob, runtime, value, linkBase, lease);
    }

    public TaskInternal withLinkBase(String value) {
        return new TaskInternal(notifyHook, base64Array, maskBase64, cancelJob, runtime, held, value, lease);
    }

    TaskInternal withLease(LeaseStamp value) {
        return new TaskInternal(notifyHook, base64Array, maskBase64, cancelJob, runtime, held, linkBase, value);
    }

    /** Drops the images, e.g. once they are uploaded to Discord, so the store stays small. */
    public TaskInternal withoutImages() {
        return new TaskInternal(notifyHook, List.of(), null, cancelJob, runtime, held, linkBase, lease);
    }

    /**
     * How to stop the running job: press {@code customId} ({@code MJ::CancelJob::ByJobid::<uuid>}) on
     * message {@code messageId}, whose flags (64, ephemeral) the press must repeat.
     *
     * @param pressed whether we pressed it (through {@code POST /mj/task/{id}/cancel})
     */
    public record CancelJob(String customId, String messageId, int flags, boolean pressed) {

        public CancelJob pressedNow() {
            return new CancelJob(customId, messageId, flags, true);
        }
    }
}
