package dev.mjbridge.midjourney;

import dev.mjbridge.midjourney.MessageParts.Attachment;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a message whose content is a job line ({@code **prompt** - ... <@user> ...}) into its
 * event: start, progress (with every preview), stop, or result (with what kind of result it is).
 */
final class JobMessages {

    private JobMessages() {
    }

    /**
     * The event of a message whose content is a job line; empty when the line shows no state.
     *
     * @param commandKind the job kind of the slash command the message answers, {@code null} if none
     */
    static Optional<MjEvent> event(JobContent job, JsonNode d, Correlation correlation, List<Button> buttons,
                                   String content, JobKind commandKind) {
        if (job.waiting()) {
            // A video from a prompt (--video) starts like an imagine; its prompt tells it apart.
            JobKind kind = job.kindHint() != null ? job.kindHint()
                    : job.asksForVideo() ? JobKind.VIDEO : commandKind;
            return Optional.of(new MjEvent.JobStarted(correlation, kind, job.index(), content, buttons));
        }
        if (job.mode() != null && job.mode().equalsIgnoreCase("stopped")) {
            return Optional.of(new MjEvent.JobStopped(correlation, content));
        }
        List<Attachment> attachments = MessageParts.attachments(d);
        List<String> previewUrls = attachments.stream().map(Attachment::url).toList();
        String previewUrl = previewUrls.isEmpty() ? null : previewUrls.get(0);
        if (job.percent() >= 0) {
            return Optional.of(new MjEvent.JobProgress(correlation, job.percent(), job.mode(), previewUrl, content,
                    previewUrls, buttons));
        }
        Attachment result = attachments.stream().filter(a -> !a.isPreview()).findFirst().orElse(null);
        if (result != null) {
            return Optional.of(new MjEvent.JobFinished(correlation, resultKind(job, buttons), job.label(),
                    job.index(), correlation.messageId(), correlation.jobHash(), result.url(), result.proxyUrl(),
                    result.filename(), result.width(), result.height(), buttons,
                    Json.integer(d, 0, "flags"), job.mode(), content));
        }
        if (!attachments.isEmpty() || job.mode() != null) {
            // "(paused)" without a percentage, or a preview without one.
            return Optional.of(new MjEvent.JobProgress(correlation, MjEvent.JobProgress.UNKNOWN_PERCENT,
                    job.mode(), previewUrl, content, previewUrls, buttons));
        }
        return Optional.empty();
    }

    /**
     * What a finished message shows. A video's result reads like a grid (no label) but offers
     * {@code video_virtual_upscale} buttons and its prompt says {@code --video}.
     */
    private static JobKind resultKind(JobContent job, List<Button> buttons) {
        if (job.kindHint() == JobKind.VIDEO_UPSCALE) {
            return JobKind.VIDEO_UPSCALE;
        }
        if (buttons.stream().anyMatch(button -> button.is(CustomId.Kind.VIDEO_UPSCALE)) || job.asksForVideo()) {
            return JobKind.VIDEO;
        }
        if (job.kindHint() != null) {
            return job.kindHint();
        }
        return job.looksLikeBlend() ? JobKind.BLEND : JobKind.IMAGINE;
    }
}
