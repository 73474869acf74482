package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A task as clients see it (the task JSON of the REST API), plus {@link #internal()},
 * which is never serialized. Immutable: every change makes a copy through a
 * {@code with...} method; status changes should go through {@link TaskTransitions}.
 *
 * @param botType     {@link #MID_JOURNEY} or {@link #NIJI_JOURNEY}
 * @param description what was asked, e.g. {@code /imagine cat}
 * @param state       the client's opaque value, echoed back
 * @param customId    the button this task pressed on its parent, verbatim
 * @param submitTime  epoch milliseconds when the task was accepted
 * @param startTime   epoch milliseconds when it was sent to Discord, null before
 * @param finishTime  epoch milliseconds when it reached a final status, null before
 * @param progress    {@code "NN%"}
 * @param imageUrls   a finished grid's four pictures, cut from the stored grid (absent otherwise)
 * @param videoUrl    video tasks only (absent otherwise): the first MP4 of a {@link JobKind#VIDEO}, the
 *                    one MP4 of a {@link JobKind#VIDEO_UPSCALE}; some clients read only this field
 * @param videoUrls   {@link JobKind#VIDEO} only (absent otherwise): the four MP4s in Midjourney's order
 */
@JsonPropertyOrder({"id", "action", "status", "prompt", "promptEn", "description", "state", "botType", "customId",
        "submitTime", "startTime", "finishTime", "progress", "imageUrl", "imageUrls", "videoUrl", "videoUrls", "failReason", "buttons", "properties"})
public record Task(
        String id,
        JobKind action,
        TaskStatus status,
        String prompt,
        String promptEn,
        String description,
        String state,
        String botType,
        String customId,
        Long submitTime,
        Long startTime,
        Long finishTime,
        String progress,
        String imageUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ImageLink> imageUrls,
        @JsonInclude(JsonInclude.Include.NON_NULL) String videoUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> videoUrls,
        String failReason,
        List<TaskButton> buttons,
        TaskProperties properties,
        @JsonIgnore TaskInternal internal) {

    public static final String MID_JOURNEY = "MID_JOURNEY";
    public static final String NIJI_JOURNEY = "NIJI_JOURNEY";

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(submitTime, "submitTime");
        status = status == null ? TaskStatus.NOT_START : status;
        botType = botType == null ? MID_JOURNEY : botType;
        progress = progress == null ? "0%" : progress;
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        imageUrls = imageUrls == null ? null : List.copyOf(imageUrls);
        videoUrls = videoUrls == null ? null : List.copyOf(videoUrls);
        properties = properties == null ? TaskProperties.EMPTY : properties;
        internal = internal == null ? TaskInternal.EMPTY : internal;
    }

    /** A new task in {@link TaskStatus#NOT_START}; fill in the rest with the with-methods. */
    public static Task create(String id, JobKind action, long submitTime) {
        return new Task(id, action, TaskStatus.NOT_START, null, null, null, null, MID_JOURNEY, null, submitTime,
                null, null, "0%", null, null, null, null, null, List.of(), TaskProperties.EMPTY, TaskInternal.EMPTY);
    }

    /** {@link #progress()} as a number 0..100 (0 when unreadable). */
    public int progressPercent() {
        return ProgressText.parse(progress);
    }

    /** The account running the task ({@code properties.discordInstanceId}), null before one is chosen. */
    public String accountId() {
        return properties.discordInstanceId();
    }

    public Task withStatus(TaskStatus value) {
        return toBuilder().status(value).build();
    }

    public Task withPrompt(String prompt, String promptEn) {
        return toBuilder().prompt(prompt).promptEn(promptEn).build();
    }

    public Task withDescription(String value) {
        return toBuilder().description(value).build();
    }

    public Task withState(String value) {
        return toBuilder().state(value).build();
    }

    public Task withBotType(String value) {
        return toBuilder().botType(value).build();
    }

    public Task withCustomId(String value) {
        return toBuilder().customId(value).build();
    }

    public Task withStartTime(Long value) {
        return toBuilder().startTime(value).build();
    }

    public Task withFinishTime(Long value) {
        return toBuilder().finishTime(value).build();
    }

    public Task withProgress(String value) {
        return toBuilder().progress(value).build();
    }

    public Task withImageUrl(String value) {
        return toBuilder().imageUrl(value).build();
    }

    /** Sets the grid's pictures; null removes the field. */
    public Task withImageUrls(List<ImageLink> value) {
        return toBuilder().imageUrls(value).build();
    }

    /** Sets the video fields; both null for tasks that made no video. */
    public Task withVideos(String videoUrl, List<String> videoUrls) {
        return toBuilder().videoUrl(videoUrl).videoUrls(videoUrls).build();
    }

    public Task withFailReason(String value) {
        return toBuilder().failReason(value).build();
    }

    public Task withButtons(List<TaskButton> value) {
        return toBuilder().buttons(value).build();
    }

    public Task withProperties(TaskProperties value) {
        return toBuilder().properties(value).build();
    }

    /** Sets one extra public property (seed, accountFilter, ...); null removes it. */
    public Task withProperty(String key, Object value) {
        return withProperties(properties.withExtra(key, value));
    }

    public Task withInternal(TaskInternal value) {
        return toBuilder().internal(value).build();
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable scratch copy used by the with-methods and {@link TaskTransitions}. */
    static final class Builder {
        private final String id;
        private final JobKind action;
        private TaskStatus status;
        private String prompt;
        private String promptEn;
        private String description;
        private String state;
        private String botType;
        private String customId;
        private final Long submitTime;
        private Long startTime;
        private Long finishTime;
        private String progress;
        private String imageUrl;
        private List<ImageLink> imageUrls;
        private String videoUrl;
        private List<String> videoUrls;
        private String failReason;
        private List<TaskButton> buttons;
        private TaskProperties properties;
        private TaskInternal internal;

        private Builder(Task t) {
            id = t.id;
            action = t.action;
            status = t.status;
            prompt = t.prompt;
            promptEn = t.promptEn;
            description = t.description;
            state = t.state;
            botType = t.botType;
            customId = t.customId;
            submitTime = t.submitTime;
            startTime = t.startTime;
            finishTime = t.finishTime;
            progress = t.progress;
            imageUrl = t.imageUrl;
            imageUrls = t.imageUrls;
            videoUrl = t.videoUrl;
            videoUrls = t.videoUrls;
            failReason = t.failReason;
            buttons = t.buttons;
            properties = t.properties;
            internal = t.internal;
        }

        Builder status(TaskStatus v) { status = v; return this; }
        Builder prompt(String v) { prompt = v; return this; }
        Builder promptEn(String v) { promptEn = v; return this; }
        Builder description(String v) { description = v; return this; }
        Builder state(String v) { state = v; return this; }
        Builder botType(String v) { botType = v; return this; }
        Builder customId(String v) { customId = v; return this; }
        Builder startTime(Long v) { startTime = v; return this; }
        Builder finishTime(Long v) { finishTime = v; return this; }
        Builder progress(String v) { progress = v; return this; }
        Builder imageUrl(String v) { imageUrl = v; return this; }
        Builder imageUrls(List<ImageLink> v) { imageUrls = v; return this; }
        Builder videoUrl(String v) { videoUrl = v; return this; }
        Builder videoUrls(List<String> v) { videoUrls = v; return this; }
        Builder failReason(String v) { failReason = v; return this; }
        Builder buttons(List<TaskButton> v) { buttons = v; return this; }
        Builder properties(TaskProperties v) { properties = v; return this; }
        Builder internal(TaskInternal v) { internal = v; return this; }

        TaskProperties properties() { return properties; }
        TaskInternal internal() { return internal; }

        Task build() {
            return new Task(id, action, status, prompt, promptEn, description, state, botType, customId, submitTime,
                    startTime, finishTime, progress, imageUrl, imageUrls, videoUrl, videoUrls, failReason, buttons, properties,
                    internal);
        }
    }
}
