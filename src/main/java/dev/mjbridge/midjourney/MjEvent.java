package dev.mjbridge.midjourney;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed set of things the Midjourney bot can tell us, as {@link MessageParser}
 * reads them from Discord dispatches. Handlers switch over these instead of reading JSON.
 * String components are {@code null} when the payload lacked them; lists are never null.
 */
public sealed interface MjEvent {

    /** The keys for finding the task this event belongs to. */
    Correlation correlation();

    /**
     * The bot accepted a job: the first message with our nonce ({@code (Waiting to start)})
     * or an old-style "Making variations..."/"Upscaling image #n..." text.
     *
     * @param kindHint what the message says the job is, {@code null} when it does not say
     * @param index    the image index the text names ({@code image #2}), else 0
     * @param content  the message content verbatim
     * @param buttons  the message's buttons, e.g. {@code MJ::CancelJob::ByJobid::<uuid>} on the
     *                 ephemeral start of a button action; pressing that one stops the job
     */
    record JobStarted(Correlation correlation, JobKind kindHint, int index, String content, List<Button> buttons)
            implements MjEvent {
        public JobStarted {
            content = content == null ? "" : content;
            buttons = copy(buttons);
        }

        public JobStarted(Correlation correlation, JobKind kindHint, int index, String content) {
            this(correlation, kindHint, index, content, List.of());
        }
    }

    /**
     * A running job reported progress.
     *
     * @param percent     0..100, or {@link #UNKNOWN_PERCENT} when the message shows none
     *                    (for example {@code (paused)} alone)
     * @param mode        the last parenthesised part: {@code fast}, {@code relaxed}, {@code turbo},
     *                    {@code fast, stealth}, {@code paused}; {@code null} if none
     * @param previewUrl  the first preview image ({@code <hash>_grid_0.webp}, or the first
     *                    {@code <hash>_0_step_<k>.jpeg} of a video job), {@code null} if none
     * @param previewUrls every preview attachment in order: one for images, four for videos
     * @param buttons     the message's buttons (the {@code Cancel Job} of a button action)
     */
    record JobProgress(Correlation correlation, int percent, String mode, String previewUrl, String content,
                       List<String> previewUrls, List<Button> buttons)
            implements MjEvent {
        public static final int UNKNOWN_PERCENT = -1;

        public JobProgress {
            content = content == null ? "" : content;
            previewUrls = previewUrls == null
                    ? (previewUrl == null ? List.of() : List.of(previewUrl)) : List.copyOf(previewUrls);
            buttons = copy(buttons);
        }

        public JobProgress(Correlation correlation, int percent, String mode, String previewUrl, String content) {
            this(correlation, percent, mode, previewUrl, content, null, List.of());
        }
    }

    /**
     * Midjourney stopped a running job: its message now ends in {@code (Stopped)} (after a
     * {@code Cancel Job} press, or when Midjourney gave up on it). The job will not finish.
     */
    record JobStopped(Correlation correlation, String content) implements MjEvent {
        public JobStopped {
            content = content == null ? "" : content;
        }
    }

    /**
     * The answer to the bookmark/rating button ({@code MJ::BOOKMARK::<h>}):
     * {@code You have successfully rated [this job](<message link>) with 😍}.
     *
     * @param ratedMessageId the message the link points at (the rated result), {@code null} if none
     */
    record JobRated(Correlation correlation, String ratedMessageId, String content) implements MjEvent {
        public JobRated {
            content = content == null ? "" : content;
        }
    }

    /**
     * A job delivered its image: a final grid, an {@code Image #n} upscale, or the result of
     * variations, zoom, pan, remix or blend.
     *
     * @param resultKind  what the content says the result is; a reroll reads like an imagine, and a
     *                    blend is recognised by its prompt of links only, so the task's own action wins
     * @param resultLabel the words between the prompt and the mention ({@code Image #3},
     *                    {@code Variations (Strong)}, {@code Pan Left}, ...); {@code ""} for a plain grid
     * @param index       {@code n} of {@code Image #n}, else 0
     * @param messageId   the id of this message (the one whose buttons are pressed next)
     * @param jobHash     the job UUID, {@code null} when neither file name nor buttons carried one
     * @param buttons     the pressable buttons, verbatim and in Discord's order
     * @param flags       the message flags, needed to press its buttons
     * @param mode        the speed part, e.g. {@code fast}; {@code null} if the text has none
     */
    record JobFinished(
            Correlation correlation,
            JobKind resultKind,
            String resultLabel,
            int index,
            String messageId,
            String jobHash,
            String imageUrl,
            String proxyUrl,
            String filename,
            int width,
            int height,
            List<Button> buttons,
            int flags,
            String mode,
            String content) implements MjEvent {
        public JobFinished {
            buttons = copy(buttons);
            resultLabel = resultLabel == null ? "" : resultLabel;
            content = content == null ? "" : content;
        }
    }

    /** Midjourney queued the job behind the account's running ones (yellow embed); not an error. */
    record JobQueued(Correlation correlation, String title, String description) implements MjEvent {
    }

    /**
     * Midjourney refused or failed the job: an error/moderation embed, or content starting
     * with {@code Failed} or {@code Invalid parameter}.
     *
     * @param title      the embed title, {@code null} for plain-content failures
     * @param color      the embed colour, {@code null} when it had none
     * @param failReason {@code [<title>] <description>}, or the text alone when there is no title
     * @param buttons    the buttons the refusal carries: Acknowledge on "Pending mod message", Accept
     *                   on "Tos not accepted", Appeal on a prompt the AI moderator flagged (none
     *                   on most errors)
     * @param flags      the message flags (64: ephemeral), needed to press one of those buttons
     */
    record JobFailed(Correlation correlation, String title, String description, Integer color,
                     Moderation moderation, String failReason, List<Button> buttons, int flags) implements MjEvent {
        public JobFailed {
            buttons = copy(buttons);
        }

        public JobFailed(Correlation correlation, String title, String description, Integer color,
                         Moderation moderation, String failReason) {
            this(correlation, title, description, color, moderation, failReason, List.of(), 0);
        }

        /** The first button of this kind, e.g. the Appeal button of a flagged prompt. */
        public java.util.Optional<Button> button(CustomId.Kind kind) {
            return buttons.stream().filter(button -> button.is(kind)).findFirst();
        }
    }

    /** The result of {@code /describe}: four suggested prompts for the image. */
    record DescribeResult(Correlation correlation, List<String> prompts, String imageUrl, List<Button> buttons)
            implements MjEvent {
        public DescribeResult {
            prompts = copy(prompts);
            buttons = copy(buttons);
        }
    }

    /** The result of {@code /shorten}: up to five shortened prompts. */
    record ShortenResult(Correlation correlation, List<String> prompts, List<Button> buttons) implements MjEvent {
        public ShortenResult {
            prompts = copy(prompts);
            buttons = copy(buttons);
        }
    }

    /** The DM answering an ✉️ reaction: {@code **Job ID**: <uuid>} and {@code **seed** <n>}. */
    record SeedResult(Correlation correlation, String jobId, String seed) implements MjEvent {
    }

    /**
     * The {@code /info} embed.
     *
     * @param text   the embed description verbatim
     * @param fields its {@code **Key**: value} lines, e.g. {@code Job Mode -> Fast}, in order
     */
    record InfoResult(Correlation correlation, String title, String text, Map<String, String> fields)
            implements MjEvent {
        public InfoResult {
            fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * Any other answer of the bot to one of our interactions (e.g. to {@code /fast} or
     * {@code /settings}); only produced when the message carries a nonce or interaction id.
     */
    record BotReply(Correlation correlation, String content, String title, String description, List<Button> buttons)
            implements MjEvent {
        public BotReply {
            content = content == null ? "" : content;
            buttons = copy(buttons);
        }
    }

    /**
     * The bot deferred its answer to a command ({@code /info}, {@code /settings}, {@code /fast} ...): an
     * empty ephemeral "thinking" message (flags 192 = ephemeral | loading) carrying our nonce. The answer
     * comes later as a {@code MESSAGE_UPDATE} of this message, without the nonce but with the same
     * interaction id, and is read as {@link InfoResult} or {@link BotReply}.
     *
     * @param commandName the command it answers ({@code interaction.name}), {@code null} when not named
     */
    record ReplyDeferred(Correlation correlation, String commandName) implements MjEvent {
    }

    /**
     * A message was deleted. Midjourney deletes the progress message when the final one is
     * posted; the payload does not say who deleted what, so match {@code messageId} against
     * known progress messages.
     */
    record ProgressDeleted(Correlation correlation, String messageId) implements MjEvent {
    }

    /**
     * Midjourney opened a modal ({@code INTERACTION_MODAL_CREATE}) or an iframe modal
     * ({@code INTERACTION_IFRAME_MODAL_CREATE}).
     *
     * @param interactionId the id to send as {@code data.id} of the modal submit
     * @param customId      the modal's custom id, verbatim
     * @param inputs        the text inputs of a form modal; empty for an iframe
     * @param iframePath    the iframe path, {@code null} for a form modal
     */
    record ModalOpened(Correlation correlation, String interactionId, String customId, String title,
                       List<TextInput> inputs, String iframePath) implements MjEvent {
        public ModalOpened {
            inputs = copy(inputs);
        }

        /** Whether this is an iframe (vary region editor or captcha) rather than a form. */
        public boolean iframe() {
            return iframePath != null;
        }

        /** Whether the iframe is a captcha the account owner must solve by hand. */
        public boolean captcha() {
            return iframePath != null && iframePath.contains("/captcha/");
        }

        /** The parsed modal custom id. */
        public CustomId parsedCustomId() {
            return CustomId.parse(customId);
        }
    }

    /** Discord accepted one of our interactions ({@code INTERACTION_CREATE} or {@code INTERACTION_SUCCESS}). */
    record InteractionSucceeded(Correlation correlation, String interactionId, String nonce) implements MjEvent {
    }

    /**
     * Discord or the bot failed one of our interactions ({@code INTERACTION_FAILURE}).
     *
     * @param reason the {@code reason_code} (or other reason) as text, {@code null} if none
     */
    record InteractionFailed(Correlation correlation, String interactionId, String nonce, String reason)
            implements MjEvent {
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
