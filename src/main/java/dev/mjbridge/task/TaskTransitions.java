package dev.mjbridge.task;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mjbridge.midjourney.JobRequest;

import dev.mjbridge.task.TaskUpdate.CancelButtonSeen;
import dev.mjbridge.task.TaskUpdate.CancelPressed;
import dev.mjbridge.task.TaskUpdate.Cancelled;
import dev.mjbridge.task.TaskUpdate.Failed;
import dev.mjbridge.task.TaskUpdate.Finished;
import dev.mjbridge.task.TaskUpdate.Held;
import dev.mjbridge.task.TaskUpdate.ImagesKept;
import dev.mjbridge.task.TaskUpdate.ImagesNotKept;
import dev.mjbridge.task.TaskUpdate.Linked;
import dev.mjbridge.task.TaskUpdate.ModalAnswerGiven;
import dev.mjbridge.task.TaskUpdate.ModalOpened;
import dev.mjbridge.task.TaskUpdate.Progress;
import dev.mjbridge.task.TaskUpdate.Started;
import dev.mjbridge.task.TaskUpdate.Submitted;

import static dev.mjbridge.task.TaskStatus.IN_PROGRESS;
import static dev.mjbridge.task.TaskStatus.MODAL;
import static dev.mjbridge.task.TaskStatus.NOT_START;
import static dev.mjbridge.task.TaskStatus.SUBMITTED;

/**
 * The rules that keep a task honest, as pure functions of (task, update, clock).
 * Discord delivers events late, twice or out of order, so an update that would
 * move a task backwards is dropped rather than applied:
 * <ul>
 * <li>final statuses (SUCCESS, FAILURE, CANCEL) are sticky: nothing changes a final task;</li>
 * <li>NOT_START → SUBMITTED → IN_PROGRESS → final, skipping steps allowed;</li>
 * <li>NOT_START/SUBMITTED → MODAL, and MODAL → SUBMITTED, IN_PROGRESS, FAILURE or CANCEL;</li>
 * <li>progress only grows; an update that changes nothing is dropped too;</li>
 * <li>a final task keeps no {@link TaskRuntime}: nothing is left to send or follow;</li>
 * <li>a task whose result is held while its picture is kept ({@link Held}) only moves on through
 *     {@link ImagesKept} or {@link ImagesNotKept}: Midjourney's job is over, nothing else applies.</li>
 * </ul>
 */
@Component
public class TaskTransitions {

    /** Extra property keys holding the modal the task waits for. */
    public static final String MODAL_ID = "modalId";
    public static final String MODAL_CUSTOM_ID = "modalCustomId";
    /** Extra property key of a video job's preview frames (one per clip, latest step). */
    public static final String PREVIEW_URLS = "previewUrls";
    /** Extra property key of the result's Discord attachment link (expires after about a day). */
    public static final String DISCORD_IMAGE_URL = "discordImageUrl";
    /** Extra property key of why the result's picture could not be kept (imageUrl is then Discord's). */
    public static final String IMAGE_STORE_ERROR = "imageStoreError";
    /** Extra property key of a grid's four picture links as plain strings, for the other dialect's clients. */
    public static final String IMAGE_URLS = "imageUrls";

    private static final Set<TaskStatus> CAN_SUBMIT = EnumSet.of(NOT_START, MODAL, SUBMITTED);
    private static final Set<TaskStatus> CAN_OPEN_MODAL = EnumSet.of(NOT_START, SUBMITTED, MODAL);
    private static final Set<TaskStatus> CAN_FINISH = EnumSet.of(NOT_START, SUBMITTED, IN_PROGRESS);

    private final Clock clock;

    public TaskTransitions() {
        this(Clock.systemUTC());
    }

    public TaskTransitions(Clock clock) {
        this.clock = clock;
    }

    /**
     * The task after {@code update}, or empty when the update must be ignored
     * (it would move the task backwards, the task is final, or nothing changes).
     */
    public Optional<Task> apply(Task current, TaskUpdate update) {
        Objects.requireNonNull(update, "update");
        if (current.status().isFinal()) {
            return Optional.empty();
        }
        Task next = next(current, update, clock.millis());
        if (next != null && next.status().isFinal() && next.internal().runtime() != null) {
            next = next.withInternal(next.internal().withRuntime(null));
        }
        return next == null || next.equals(current) ? Optional.empty() : Optional.of(next);
    }

    /** Null when the update does not apply in the current status. */
    private static Task next(Task current, TaskUpdate update, long now) {
        if (update instanceof TaskUpdate.Stamped u) {
            return current.withInternal(current.internal().withLease(u.lease()));
        }
        if (update instanceof TaskUpdate.BackToClusterQueue) {
            if (current.status() != TaskStatus.NOT_START) {
                return null;
            }
            return current.withProperties(current.properties().withDiscordInstanceId(null).withDiscordChannelId(null))
                    .withInternal(current.internal().withLease(null));
        }
        Finished held = current.internal().held();
        if (held != null) {
            return afterHeld(current, held, update, now);
        }
        if (update instanceof ImagesKept || update instanceof ImagesNotKept) {
            return null;
        }
        TaskStatus status = current.status();
        Task.Builder b = current.toBuilder();
        if (update instanceof Submitted u) {
            if (!CAN_SUBMIT.contains(status)) {
                return null;
            }
            if (u.lease() != null) {
                b.internal(b.internal().withLease(u.lease()));
            }
            return b.status(SUBMITTED)
                    .startTime(firstNonNull(current.startTime(), now))
                    .properties(b.properties()
                            .merge(TaskProperties.EMPTY.withNonce(u.nonce())
                                    .withDiscordInstanceId(u.accountId())
                                    .withDiscordChannelId(u.channelId())))
                    .build();
        }
        if (update instanceof TaskUpdate.Reassigned u) {
            if (status != NOT_START) {
                return null;
            }
            return b.properties(b.properties().merge(TaskProperties.EMPTY
                            .withDiscordInstanceId(u.accountId())
                            .withDiscordChannelId(u.channelId())))
                    .build();
        }
        if (update instanceof ModalOpened u) {
            if (!CAN_OPEN_MODAL.contains(status) || isSeenModal(current, u.modalId())) {
                return null;
            }
            TaskProperties properties = b.properties();
            if (u.modalId() != null) {
                properties = properties.withExtra(MODAL_ID, u.modalId()).withExtra(MODAL_CUSTOM_ID, u.modalCustomId());
            }
            // The answer waiting for this modal is typed into it now (or there was none): it is used up.
            TaskRuntime runtime = b.internal().runtime();
            if (runtime != null && runtime.pendingAnswer() != null) {
                b.internal(b.internal().withRuntime(runtime.withPendingAnswer(null)));
            }
            return b.status(MODAL).properties(properties).build();
        }
        if (update instanceof ModalAnswerGiven u) {
            TaskRuntime runtime = b.internal().runtime();
            if (status != MODAL || runtime == null || !(runtime.request() instanceof JobRequest.Button button)) {
                return null;
            }
            JobRequest.Button withAnswer = new JobRequest.Button(button.messageId(), button.messageFlags(),
                    button.customId(), u.answer());
            return b.internal(b.internal().withRuntime(runtime.withRequest(withAnswer).withPendingAnswer(u.answer())))
                    .build();
        }
        if (update instanceof Started u) {
            return b.status(IN_PROGRESS)
                    .startTime(firstNonNull(current.startTime(), now))
                    .properties(b.properties().merge(TaskProperties.EMPTY
                            .withProgressMessageId(u.progressMessageId())
                            .withFinalPrompt(u.finalPrompt())))
                    .build();
        }
        if (update instanceof Progress u) {
            if (u.percent() < current.progressPercent()) {
                return null;
            }
            TaskProperties properties = b.properties().merge(TaskProperties.EMPTY
                    .withProgressMessageId(u.progressMessageId())
                    .withMessageHash(u.messageHash()));
            if (u.previewUrls() != null) {
                properties = properties.withExtra(PREVIEW_URLS, u.previewUrls());
            }
            return b.status(IN_PROGRESS)
                    .startTime(firstNonNull(current.startTime(), now))
                    .progress(ProgressText.format(u.percent()))
                    .imageUrl(firstNonNull(u.imageUrl(), current.imageUrl()))
                    .properties(properties)
                    .build();
        }
        if (update instanceof Linked u) {
            return b.properties(b.properties().merge(TaskProperties.EMPTY
                            .withInteractionId(u.interactionId())
                            .withProgressMessageId(u.progressMessageId())
                            .withMessageHash(u.messageHash())))
                    .build();
        }
        if (update instanceof Finished u) {
            return CAN_FINISH.contains(status) ? finished(current, u, now).build() : null;
        }
        if (update instanceof Held u) {
            if (!CAN_FINISH.contains(status)) {
                return null;
            }
            Finished result = u.result();
            return b.status(IN_PROGRESS)
                    .startTime(firstNonNull(current.startTime(), now))
                    .progress("100%")
                    .properties(b.properties().merge(TaskProperties.EMPTY
                            .withMessageId(result.messageId())
                            .withMessageHash(result.messageHash())))
                    .internal(b.internal().withHeld(result))
                    .build();
        }
        if (update instanceof CancelButtonSeen u) {
            TaskInternal.CancelJob known = current.internal().cancelJob();
            boolean pressed = known != null && known.pressed() && known.customId().equals(u.customId());
            return b.internal(b.internal().withCancelJob(
                    new TaskInternal.CancelJob(u.customId(), u.messageId(), u.flags(), pressed))).build();
        }
        if (update instanceof CancelPressed) {
            TaskInternal.CancelJob known = current.internal().cancelJob();
            return known == null ? null : b.internal(b.internal().withCancelJob(known.pressedNow())).build();
        }
        if (update instanceof Failed u) {
            b.status(TaskStatus.FAILURE).failReason(u.reason()).finishTime(now);
            if (!u.buttons().isEmpty()) {
                // An appealable refusal: the Appeal button is pressed on the refusal's message.
                b.buttons(u.buttons()).properties(b.properties().merge(TaskProperties.EMPTY
                        .withMessageId(u.messageId()).withFlags(u.flags())));
            }
            return b.build();
        }
        if (update instanceof Cancelled u) {
            return b.status(TaskStatus.CANCEL).failReason(u.reason()).finishTime(now).build();
        }
        throw new IllegalArgumentException("unknown update " + update);
    }

    /** SUCCESS from the result message, with Discord's link as {@code imageUrl} and {@code discordImageUrl}. */
    private static Task.Builder finished(Task current, Finished u, long now) {
        Task.Builder b = current.toBuilder();
        TaskProperties properties = b.properties().merge(TaskProperties.EMPTY
                .withMessageId(u.messageId())
                .withMessageHash(u.messageHash())
                .withFinalPrompt(firstNonNull(u.promptResult(), u.finalPrompt()))
                .withFlags(u.flags()));
        if (u.imageUrl() != null) {
            properties = properties.withExtra(DISCORD_IMAGE_URL, u.imageUrl());
        }
        if (u.promptResult() != null) {
            b.promptEn(u.promptResult()).prompt(firstNonNull(current.prompt(), u.promptResult()));
        }
        return b.status(TaskStatus.SUCCESS)
                .startTime(firstNonNull(current.startTime(), now))
                .finishTime(now)
                .progress("100%")
                .imageUrl(firstNonNull(u.imageUrl(), current.imageUrl()))
                .videoUrl(firstNonNull(u.videoUrl(), current.videoUrl()))
                .videoUrls(firstNonNull(u.videoUrls(), current.videoUrls()))
                .buttons(u.buttons())
                .properties(properties);
    }

    /** A held task finishes once its picture is kept or given up on; nothing else applies to it. */
    private static Task afterHeld(Task current, Finished held, TaskUpdate update, long now) {
        Task withoutHold = current.withInternal(current.internal().withHeld(null));
        if (update instanceof ImagesKept u) {
            return ImageFields.withStoredCopy(finished(withoutHold, held, now).build(), u.imageUrl(), u.imageUrls());
        }
        if (update instanceof ImagesNotKept u) {
            Task.Builder b = finished(withoutHold, held, now);
            return b.properties(b.properties().withExtra(IMAGE_STORE_ERROR, u.reason())).build();
        }
        return null;
    }

    private static boolean isSeenModal(Task current, String modalId) {
        return modalId != null && modalId.equals(current.properties().extraValue(MODAL_ID));
    }

    private static <T> T firstNonNull(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
