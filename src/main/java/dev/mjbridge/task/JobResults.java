package dev.mjbridge.task;

import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.midjourney.Button;
import dev.mjbridge.midjourney.CustomId;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MjEvent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what a job message means for its task: the preview and result URLs (for video
 * jobs the four clip previews while running, and the MP4s at the end), why a stopped job
 * failed, and the {@code Cancel Job} button a button action's start message carries.
 */
final class JobResults {

    static final String STOPPED = "Midjourney stopped the job";
    static final String STOPPED_BY_CANCEL = STOPPED + " (Cancel Job pressed)";

    /**
     * Midjourney shows {@code Cancel Job} only on the ephemeral start message of a button
     * action, and a press must repeat the message's flags; the event does not carry them.
     */
    static final int EPHEMERAL = 64;

    private final DiscordEndpoints endpoints;
    private final MidjourneyCdn cdn;

    JobResults(DiscordEndpoints endpoints, MidjourneyCdn cdn) {
        this.endpoints = endpoints;
        this.cdn = cdn;
    }

    /**
     * A progress edit; a video job (a video task, or a reroll of a video: four previews at once)
     * also keeps every clip's preview frame.
     */
    TaskUpdate.Progress progress(Task task, MjEvent.JobProgress progress) {
        List<String> previews = isVideo(task.action()) || progress.previewUrls().size() > 1
                ? progress.previewUrls().stream().map(endpoints::cdnUrl).toList() : null;
        return new TaskUpdate.Progress(Math.min(99, progress.percent()), endpoints.cdnUrl(progress.previewUrl()),
                progress.correlation().messageId(), progress.correlation().jobHash(), previews);
    }

    /**
     * The result message. An animate job's message shows one animated WebP ({@code imageUrl});
     * its four MP4s are on Midjourney's CDN under the job hash. A video upscale's message
     * carries the MP4 itself, which is then its {@code videoUrl} and not an image.
     */
    TaskUpdate.Finished finished(Task task, MjEvent.JobFinished finished, List<TaskButton> buttons) {
        String attachment = endpoints.cdnUrl(finished.imageUrl());
        String hash = finished.jobHash();
        String imageUrl = attachment;
        String videoUrl = null;
        List<String> videoUrls = null;
        if (task.action() == JobKind.VIDEO || finished.resultKind() == JobKind.VIDEO) {
            if (hash != null) {
                videoUrls = cdn.videos(hash);
                videoUrl = videoUrls.get(0);
            }
        } else if (task.action() == JobKind.VIDEO_UPSCALE || finished.resultKind() == JobKind.VIDEO_UPSCALE) {
            boolean mp4 = isMp4(finished.filename()) || isMp4(finished.imageUrl());
            imageUrl = mp4 ? null : attachment;
            videoUrl = mp4 ? attachment : hash == null ? null : cdn.video(hash, 0);
        }
        return new TaskUpdate.Finished(imageUrl, buttons, finished.messageId(), hash, finished.correlation().prompt(),
                finished.flags(), null, videoUrl, videoUrls);
    }

    /** Why a job that Midjourney marked {@code (Stopped)} failed. */
    static String stoppedReason(Task task) {
        TaskInternal.CancelJob cancel = task.internal().cancelJob();
        return cancel != null && cancel.pressed() ? STOPPED_BY_CANCEL : STOPPED;
    }

    /** The {@code Cancel Job} button of a start or progress message, to remember on the task. */
    static Optional<TaskUpdate.CancelButtonSeen> cancelButton(MjEvent event) {
        List<Button> buttons;
        if (event instanceof MjEvent.JobStarted started) {
            buttons = started.buttons();
        } else if (event instanceof MjEvent.JobProgress progress) {
            buttons = progress.buttons();
        } else {
            return Optional.empty();
        }
        String messageId = event.correlation().messageId();
        if (messageId == null) {
            return Optional.empty();
        }
        return buttons.stream()
                .filter(button -> button.parsedCustomId().kind() == CustomId.Kind.CANCEL_JOB)
                .findFirst()
                .map(button -> new TaskUpdate.CancelButtonSeen(button.customId(), messageId, EPHEMERAL));
    }

    static boolean isVideo(JobKind action) {
        return action == JobKind.VIDEO || action == JobKind.VIDEO_UPSCALE;
    }

    private static boolean isMp4(String name) {
        if (name == null) {
            return false;
        }
        String path = name.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).endsWith(".mp4");
    }
}
