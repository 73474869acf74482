package dev.mjbridge.task;

import java.util.List;

import dev.mjbridge.midjourney.JobRequest;

/**
 * Something that happened to a task, to be applied by {@link TaskTransitions}.
 * Null fields mean "not known from this event" and never erase what the task holds.
 */
public sealed interface TaskUpdate {

    /**
     * The interaction was sent to Discord (also after a modal was submitted).
     * Moves {@code NOT_START} or {@code MODAL} to {@code SUBMITTED} and records where it went.
     *
     * @param lease the account's lease it was sent under, in a cluster; null otherwise
     */
    record Submitted(String nonce, String accountId, String channelId, LeaseStamp lease) implements TaskUpdate {

        public Submitted(String nonce, String accountId, String channelId) {
            this(nonce, accountId, channelId, null);
        }
    }

    /**
     * In a cluster, this instance claimed the task's account anew and follows the task from now on,
     * under the new lease: its later writes carry this stamp, which the store lets through while
     * refusing the previous owner's. Applies to any unfinished task; changes nothing else.
     */
    record Stamped(LeaseStamp lease) implements TaskUpdate {
        public Stamped {
            java.util.Objects.requireNonNull(lease, "lease");
        }
    }

    /**
     * In a cluster, a task still waiting for a slot leaves its account (given up by this instance) for the
     * cluster's shared queue, where any instance holding a suitable account claims it: no account, no
     * lease. Applies only to a task not sent yet ({@code NOT_START}).
     */
    record BackToClusterQueue() implements TaskUpdate {
    }

    /**
     * A task still waiting for a slot moves to another account (its own left the pool). Applies
     * only to a task not sent yet ({@code NOT_START}).
     */
    record Reassigned(String accountId, String channelId) implements TaskUpdate {
    }

    /**
     * The task waits for a modal: {@code modalId}/{@code modalCustomId} are Discord's
     * interaction id and custom_id of the modal, both null when the client must first
     * call {@code /mj/submit/modal}. A modal already seen (same id) is a duplicate.
     */
    record ModalOpened(String modalId, String modalCustomId) implements TaskUpdate {
    }

    /** Midjourney's first message of the job ("Waiting to start"). */
    record Started(String progressMessageId, String finalPrompt) implements TaskUpdate {
    }

    /**
     * A progress edit: {@code percent} 0..100 and the preview image, if any.
     *
     * @param previewUrls every preview of a video job (its four clips' frames), kept as
     *                    {@code properties.previewUrls}; null for image jobs
     */
    record Progress(int percent, String imageUrl, String progressMessageId, String messageHash,
                    List<String> previewUrls)
            implements TaskUpdate {
        public Progress {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be 0..100: " + percent);
            }
            previewUrls = previewUrls == null || previewUrls.isEmpty() ? null : List.copyOf(previewUrls);
        }

        public Progress(int percent, String imageUrl, String progressMessageId, String messageHash) {
            this(percent, imageUrl, progressMessageId, messageHash, null);
        }
    }

    /** Correlation ids learned without a status change, e.g. from {@code INTERACTION_SUCCESS}. */
    record Linked(String interactionId, String progressMessageId, String messageHash) implements TaskUpdate {
    }

    /**
     * The result message arrived.
     *
     * @param finalPrompt  the prompt as Midjourney echoed it
     * @param promptResult the bot's text answer of describe/shorten: becomes {@code promptEn}
     *                     and {@code finalPrompt} (and {@code prompt} when the task had none)
     * @param videoUrl     the (first) MP4 of a video job, null for images
     * @param videoUrls    the four MP4s of an animate job, null otherwise
     */
    record Finished(String imageUrl, List<TaskButton> buttons, String messageId, String messageHash,
                    String finalPrompt, Integer flags, String promptResult, String videoUrl, List<String> videoUrls)
            implements TaskUpdate {
        public Finished {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
            videoUrls = videoUrls == null ? null : List.copyOf(videoUrls);
        }

        public Finished(String imageUrl, List<TaskButton> buttons, String messageId, String messageHash,
                        String finalPrompt, Integer flags, String promptResult) {
            this(imageUrl, buttons, messageId, messageHash, finalPrompt, flags, promptResult, null, null);
        }
    }

    /**
     * The result message arrived, but its picture is to be kept first: the task stays
     * {@code IN_PROGRESS} at 100% with {@code result} set aside, so that no client sees SUCCESS
     * with a link that does not work yet. Only {@link ImagesKept} or {@link ImagesNotKept} moves
     * such a task on; anything else (the result seen again, a cancel, a timeout) changes nothing.
     */
    record Held(Finished result) implements TaskUpdate {
    }

    /**
     * The held result's picture is kept: the task becomes SUCCESS with {@code imageUrl} (the stored
     * copy's link, or Midjourney's CDN); Discord's link stays in {@code properties.discordImageUrl}.
     *
     * @param imageUrls the grid's four pictures, null for a single picture
     */
    record ImagesKept(String imageUrl, List<ImageLink> imageUrls) implements TaskUpdate {
        public ImagesKept {
            imageUrls = imageUrls == null ? null : List.copyOf(imageUrls);
        }
    }

    /**
     * Keeping the held result's picture finally failed: the task becomes SUCCESS with Discord's
     * link, and {@code properties.imageStoreError} says why.
     */
    record ImagesNotKept(String reason) implements TaskUpdate {
    }

    /**
     * The job's start message carries a {@code Cancel Job} button ({@code customId}) on message
     * {@code messageId} with {@code flags}: remembered so that a cancel can press it.
     */
    record CancelButtonSeen(String customId, String messageId, int flags) implements TaskUpdate {
    }

    /** We pressed the job's {@code Cancel Job} button; Midjourney's {@code (Stopped)} follows. */
    record CancelPressed() implements TaskUpdate {
    }

    /**
     * The client gave the text (and mask) for the modal the task's button will open: the
     * button is pressed with it, and the answer waits on the task until the modal opens.
     * Only a task in {@code MODAL} with a pending button takes it.
     */
    record ModalAnswerGiven(JobRequest.ModalAnswer answer) implements TaskUpdate {
    }

    /**
     * Midjourney or Discord refused the job; {@code reason} reads {@code [<title>] <description>} for embeds.
     *
     * @param buttons   buttons a client may still press on the failed task (only the Appeal of a prompt the
     *                  AI moderator flagged); empty for every other failure
     * @param messageId the refusal's message, the one those buttons are pressed on; null without buttons
     * @param flags     that message's flags; null without buttons
     */
    record Failed(String reason, List<TaskButton> buttons, String messageId, Integer flags) implements TaskUpdate {
        public Failed {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        public Failed(String reason) {
            this(reason, List.of(), null, null);
        }
    }

    /** Cancelled by the client or by the service (timeout, shutdown). */
    record Cancelled(String reason) implements TaskUpdate {
    }
}
